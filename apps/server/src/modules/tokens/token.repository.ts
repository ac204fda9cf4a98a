import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { apiTokens } from '../../db/schema/index.js';

export type TokenRow = typeof apiTokens.$inferSelect;
export type NewToken = typeof apiTokens.$inferInsert;

/** A token as the API may show it: everything but the hash. */
export type TokenView = Omit<TokenRow, 'tokenHash'>;

const viewColumns = {
  id: apiTokens.id,
  userId: apiTokens.userId,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
};

/** The user's own tokens, newest first. Tokens are personal: nobody lists another's. */
export async function listOwnTokens(db: DbOrTx, userId: string): Promise<TokenView[]> {
  return db
    .select(viewColumns)
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** One of the user's own tokens; another user's token is not found. */
export async function findOwnToken(
  db: DbOrTx,
  userId: string,
  id: string,
  lock = false,
): Promise<TokenView | null> {
  const q = db
    .select(viewColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function insertToken(db: DbOrTx, row: NewToken): Promise<TokenView> {
  const [created] = await db.insert(apiTokens).values(row).returning(viewColumns);
  return created!;
}

export async function revokeTokenRow(db: DbOrTx, id: string, now: Date): Promise<TokenView> {
  const [revoked] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(eq(apiTokens.id, id))
    .returning(viewColumns);
  return revoked!;
}
