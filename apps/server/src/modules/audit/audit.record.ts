import type { DbOrTx } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import type { AnonCtx, Ctx } from '../../http/context.js';

export type Changes = Record<string, { before: unknown; after: unknown }>;

export interface AuditInput {
  /** `<objectType>.<verb>`, e.g. `customer.create`, `auth.login`. */
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  result?: 'success' | 'failure';
  changes?: Changes | null;
  detail?: Record<string, unknown> | null;
}

/** Fields never copied into the audit log. */
const SECRET_FIELDS = new Set(['passwordHash', 'password', 'tokenHash', 'csrfToken']);

const norm = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);

/**
 * The fields that differ between two versions of a row, as `{ field: { before, after } }`.
 * Pass `before = null` for a create and `after = null` for a delete.
 */
export function changesOf(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ignore: readonly string[] = ['createdAt', 'updatedAt'],
): Changes | null {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Changes = {};
  for (const key of keys) {
    if (ignore.includes(key)) continue;
    const b = norm(before?.[key]);
    const a = norm(after?.[key]);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    out[key] = SECRET_FIELDS.has(key) ? { before: '***', after: '***' } : { before: b, after: a };
  }
  return Object.keys(out).length ? out : null;
}

/**
 * Appends one audit row. Call it inside the transaction of the change it records, so both commit
 * or neither does. The sealer hash-chains it within seconds (audit.sealer.ts).
 */
export async function recordAudit(tx: DbOrTx, who: Ctx | AnonCtx, input: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    at: who.now,
    actorId: who.actor?.userId ?? null,
    actorName: who.actorName,
    ip: who.ip,
    action: input.action,
    objectType: input.objectType ?? null,
    objectId: input.objectId ?? null,
    result: input.result ?? 'success',
    changes: input.changes ?? null,
    detail: input.detail ?? null,
    requestId: who.requestId,
  });
}
