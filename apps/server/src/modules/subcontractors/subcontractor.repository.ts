import { and, eq, ilike, or, sql } from 'drizzle-orm';
import { containsPattern } from '../../db/like.js';
import type { AnyColumn, SQL } from 'drizzle-orm';
import type { Actor } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { countWhere } from '../../db/count.js';
import { subcontractors } from '../../db/schema/index.js';
import { keyset } from '../../http/pagination.js';
import type { KeysetInput } from '../../http/pagination.js';

export type SubcontractorRow = typeof subcontractors.$inferSelect;
export type NewSubcontractor = typeof subcontractors.$inferInsert;

/**
 * Subcontractors the actor may see: every provider staff member sees all of them (they engage
 * them on projects); subcontractor staff see only their own company; customer contacts none.
 */
export function subcontractorVisible(actor: Actor, subcontractorIdColumn: AnyColumn | SQL): SQL {
  if (actor.kind === 'staff') return sql`true`;
  if (actor.kind === 'subcontractor_staff' && actor.subcontractorId)
    return sql`${subcontractorIdColumn} = ${actor.subcontractorId}`;
  return sql`false`;
}

export async function listSubcontractors(
  db: DbOrTx,
  actor: Actor,
  query: KeysetInput & { q?: string | undefined },
) {
  const ks = keyset<SubcontractorRow>(
    query,
    { name: { column: subcontractors.name }, createdAt: { column: subcontractors.createdAt } },
    subcontractors.id,
    { defaultSort: 'name', rowKey: (r, k) => r[k as keyof SubcontractorRow], rowId: (r) => r.id },
  );
  const filter: SQL | undefined = and(
    subcontractorVisible(actor, subcontractors.id),
    query.q
      ? or(
          ilike(subcontractors.name, containsPattern(query.q)),
          ilike(subcontractors.creditCode, containsPattern(query.q)),
          ilike(subcontractors.contactName, containsPattern(query.q)),
        )
      : undefined,
  );
  const rows = await db
    .select()
    .from(subcontractors)
    .where(and(filter, ks.where))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return { ...ks.page(rows), total: await countWhere(db, subcontractors, filter) };
}

export async function findSubcontractor(
  db: DbOrTx,
  actor: Actor,
  id: string,
  lock = false,
): Promise<SubcontractorRow | null> {
  const q = db
    .select()
    .from(subcontractors)
    .where(and(eq(subcontractors.id, id), subcontractorVisible(actor, subcontractors.id)));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function insertSubcontractor(db: DbOrTx, row: NewSubcontractor): Promise<SubcontractorRow> {
  const [created] = await db.insert(subcontractors).values(row).returning();
  return created!;
}

export async function updateSubcontractorRow(
  db: DbOrTx,
  id: string,
  patch: Partial<NewSubcontractor>,
): Promise<SubcontractorRow> {
  const [updated] = await db.update(subcontractors).set(patch).where(eq(subcontractors.id, id)).returning();
  return updated!;
}

/** Fails with a foreign-key violation (→ 409 IN_USE) while engaged on a project or with users. */
export async function deleteSubcontractorRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(subcontractors).where(eq(subcontractors.id, id));
}
