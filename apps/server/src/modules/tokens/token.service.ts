import type { TokenCreateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { newSecret, sha256 } from '../../lib/secrets.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { findOwnToken, insertToken, listOwnTokens, revokeTokenRow } from './token.repository.js';
import type { TokenView } from './token.repository.js';

/** Personal API tokens are `odt_` and 43 base64url characters (256 random bits). */
export const TOKEN_PREFIX = 'odt_';
/** How much of the secret is kept in clear, so a user can tell their tokens apart. */
const SHOWN_CHARS = 12;
const DAY_MS = 86_400_000;

/** What the audit log records of a token: never its hash, never the secret. */
const auditView = (t: TokenView) => ({
  userId: t.userId,
  name: t.name,
  prefix: t.prefix,
  expiresAt: t.expiresAt,
  revokedAt: t.revokedAt,
});

export function listTokensFor(ctx: Ctx): Promise<TokenView[]> {
  return listOwnTokens(ctx.db, ctx.actor.userId);
}

/**
 * Makes a token for the caller. The secret is returned here once; only its SHA-256 is stored.
 * Only a signed-in person mints tokens: a token cannot create more tokens, so a leaked one never
 * outlives its own expiry or revocation.
 */
export async function createToken(
  ctx: Ctx,
  input: z.output<typeof TokenCreateSchema>,
): Promise<{ token: TokenView; secret: string }> {
  if (ctx.credential !== 'session') throw AppError.forbidden();
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  const expiresAt = input.expiresInDays ? new Date(ctx.now.getTime() + input.expiresInDays * DAY_MS) : null;
  return ctx.db.transaction(async (tx) => {
    const token = await insertToken(tx, {
      id: uuid7(),
      userId: ctx.actor.userId,
      name: input.name,
      prefix: secret.slice(0, SHOWN_CHARS),
      tokenHash: sha256(secret),
      createdAt: ctx.now,
      expiresAt,
    });
    await recordAudit(tx, ctx, {
      action: 'token.create',
      objectType: 'token',
      objectId: token.id,
      changes: changesOf(null, auditView(token)),
    });
    return { token, secret };
  });
}

/** Revokes one of the caller's tokens from now on. Revoking a revoked token changes nothing. */
export async function revokeToken(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findOwnToken(tx, ctx.actor.userId, id, true);
    if (!before) throw AppError.notFound();
    if (before.revokedAt) return;
    const after = await revokeTokenRow(tx, id, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'token.revoke',
      objectType: 'token',
      objectId: id,
      changes: changesOf(auditView(before), auditView(after)),
    });
  });
}
