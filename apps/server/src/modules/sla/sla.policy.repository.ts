import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { slaPolicies } from '../../db/schema/index.js';
import { constraintField } from '../../http/pg-errors.js';

constraintField('sla_policies_scope_key', 'categoryId');

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;

export function listPolicies(db: DbOrTx, projectId: string) {
  return db
    .select()
    .from(slaPolicies)
    .where(eq(slaPolicies.projectId, projectId))
    .orderBy(asc(slaPolicies.createdAt), asc(slaPolicies.id));
}

export async function findPolicy(db: DbOrTx, id: string, lock = false): Promise<SlaPolicyRow | null> {
  const q = db.select().from(slaPolicies).where(eq(slaPolicies.id, id));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

/**
 * The policy for a ticket: among the project's active policies for its kind (or every kind) and
 * its category or an ancestor (or every category), the most specific — nearest category first,
 * then a kind-specific one before a general one.
 */
export async function policyForTicket(
  db: DbOrTx,
  projectId: string,
  kind: string,
  categoryPath: readonly string[],
): Promise<SlaPolicyRow | null> {
  const rows = await db
    .select()
    .from(slaPolicies)
    .where(and(eq(slaPolicies.projectId, projectId), eq(slaPolicies.active, true)));
  return pickPolicy(rows, kind, categoryPath);
}

/** `policyForTicket` over a project's active policies already read (pure). */
export function pickPolicy(
  rows: readonly SlaPolicyRow[],
  kind: string,
  categoryPath: readonly string[],
): SlaPolicyRow | null {
  const rank = (p: SlaPolicyRow): number | null => {
    if (p.kind !== null && p.kind !== kind) return null;
    const depth = p.categoryId === null ? categoryPath.length : categoryPath.indexOf(p.categoryId);
    if (depth < 0) return null;
    return depth * 2 + (p.kind === null ? 1 : 0);
  };
  let best: { p: SlaPolicyRow; r: number } | null = null;
  for (const p of rows) {
    const r = rank(p);
    if (r !== null && (best === null || r < best.r)) best = { p, r };
  }
  return best?.p ?? null;
}

export function targetFor(
  policy: SlaPolicyRow,
  priority: number,
  metric: 'response' | 'resolution',
): number | null {
  return policy.targets[String(priority)]?.[metric] ?? null;
}
