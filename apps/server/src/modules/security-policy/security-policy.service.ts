import { systemAbilities } from '@opsdesk/domain';
import type { SecurityPolicy } from '@opsdesk/domain';
import type { SecurityPolicyDto } from '@opsdesk/contracts';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { readPolicy, writePolicy } from './security-policy.repository.js';

/**
 * The policy is read on every authenticated request (idle timeout), so each node keeps it for a
 * few seconds; a change reaches every node within that time.
 */
const TTL_MS = 5_000;
let cached: { at: number; policy: SecurityPolicy } | null = null;

export async function currentPolicy(db: DbOrTx): Promise<SecurityPolicy> {
  const now = Date.now();
  if (cached && now - cached.at < TTL_MS) return cached.policy;
  const policy = await readPolicy(db);
  cached = { at: now, policy };
  return policy;
}

export function forgetCachedPolicy(): void {
  cached = null;
}

export async function getPolicy(ctx: Ctx): Promise<SecurityPolicy> {
  if (!systemAbilities(ctx.actor).readSecurityPolicy) throw AppError.notFound();
  return readPolicy(ctx.db);
}

export async function updatePolicy(ctx: Ctx, patch: Partial<SecurityPolicyDto>): Promise<SecurityPolicy> {
  if (!systemAbilities(ctx.actor).manageSecurityPolicy) throw AppError.forbidden();
  const next = await ctx.db.transaction(async (tx) => {
    const before = await readPolicy(tx);
    const after = { ...before, ...patch };
    await writePolicy(tx, after, ctx.actor.userId, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'security_policy.update',
      objectType: 'security_policy',
      objectId: 'security_policy',
      changes: changesOf({ ...before }, { ...after }),
    });
    return after;
  });
  forgetCachedPolicy();
  return next;
}
