import { and, desc, eq, gte, ilike, lt, lte, or } from 'drizzle-orm';
import { containsPattern } from '../../db/like.js';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  result?: 'success' | 'failure' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

function decodeCursor(cursor: string): number {
  const n = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(n) || n <= 0) throw AppError.field('cursor', 'rule.invalidCursor');
  return n;
}

/** Newest first, by id (insertion order), keyset on the id. Audit readers see everything. */
export async function listAudit(db: DbOrTx, filter: AuditFilter, limit: number, cursor?: string) {
  const where: (SQL | undefined)[] = [
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.objectType ? eq(auditLog.objectType, filter.objectType) : undefined,
    filter.objectId ? eq(auditLog.objectId, filter.objectId) : undefined,
    filter.result ? eq(auditLog.result, filter.result) : undefined,
    filter.from ? gte(auditLog.at, new Date(filter.from)) : undefined,
    filter.to ? lte(auditLog.at, new Date(filter.to)) : undefined,
    filter.q
      ? or(
          ilike(auditLog.actorName, containsPattern(filter.q)),
          ilike(auditLog.action, containsPattern(filter.q)),
          ilike(auditLog.objectId, containsPattern(filter.q)),
          ilike(auditLog.ip, containsPattern(filter.q)),
        )
      : undefined,
    cursor ? lt(auditLog.id, decodeCursor(cursor)) : undefined,
  ];
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? Buffer.from(String(last.id)).toString('base64url') : null,
  };
}
