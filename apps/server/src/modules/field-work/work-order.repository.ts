import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { uuidArray } from '../../db/scope.js';
import { ciTypes, cis, sites, subcontractors, ticketCis, workOrders } from '../../db/schema/index.js';
import { constraintField } from '../../http/pg-errors.js';

constraintField('work_orders_window_check', 'plannedEnd');

export type WorkOrderRow = typeof workOrders.$inferSelect;
export type NewWorkOrder = typeof workOrders.$inferInsert;

/** The side row of a work order, locked when it is about to change (its ticket is locked first). */
export async function findWorkOrderRow(
  db: DbOrTx,
  ticketId: string,
  lock = false,
): Promise<WorkOrderRow | null> {
  const q = db.select().from(workOrders).where(eq(workOrders.ticketId, ticketId));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

/** The side row, made empty when a work order has none yet (every work order has one from its create). */
export async function ensureWorkOrderRow(db: DbOrTx, ticketId: string, now: Date): Promise<WorkOrderRow> {
  await db.insert(workOrders).values({ ticketId, createdAt: now, updatedAt: now }).onConflictDoNothing();
  return (await findWorkOrderRow(db, ticketId, true))!;
}

export async function updateWorkOrderRow(
  db: DbOrTx,
  ticketId: string,
  patch: Partial<NewWorkOrder>,
): Promise<WorkOrderRow> {
  const [row] = await db.update(workOrders).set(patch).where(eq(workOrders.ticketId, ticketId)).returning();
  return row!;
}

/** The work orders' side rows with the names a list shows. */
export async function workOrderSummaries(db: DbOrTx, ticketIds: readonly string[]) {
  if (!ticketIds.length) return [];
  return db
    .select({
      ticketId: workOrders.ticketId,
      siteId: workOrders.siteId,
      siteName: sites.name,
      plannedStart: workOrders.plannedStart,
      plannedEnd: workOrders.plannedEnd,
      subcontractorId: workOrders.dispatchedToSubcontractorId,
      subcontractorName: subcontractors.name,
      checkedInAt: workOrders.checkedInAt,
      signedAt: workOrders.signedAt,
    })
    .from(workOrders)
    .leftJoin(sites, eq(sites.id, workOrders.siteId))
    .leftJoin(subcontractors, eq(subcontractors.id, workOrders.dispatchedToSubcontractorId))
    .where(inArray(workOrders.ticketId, [...ticketIds]));
}

/** The CIs a ticket names (ticket_cis), with their type. */
export function ticketCiList(db: DbOrTx, ticketId: string) {
  return db
    .select({ id: cis.id, name: cis.name, typeKey: ciTypes.key })
    .from(ticketCis)
    .innerJoin(cis, eq(cis.id, ticketCis.ciId))
    .innerJoin(ciTypes, eq(ciTypes.id, cis.typeId))
    .where(eq(ticketCis.ticketId, ticketId))
    .orderBy(asc(cis.name), asc(cis.id));
}

/** Which of `ids` are live CIs of the project. */
export async function liveCisOfProject(
  db: DbOrTx,
  projectId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: cis.id })
    .from(cis)
    .where(
      and(
        sql`${cis.id} = ANY(${uuidArray([...new Set(ids)])})`,
        eq(cis.projectId, projectId),
        isNull(cis.deletedAt),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** Replaces the CIs a ticket names; returns what was added and removed. */
export async function setTicketCis(
  db: DbOrTx,
  ticketId: string,
  ciIds: readonly string[],
  by: string | null,
  now: Date,
): Promise<{ added: string[]; removed: string[] }> {
  const current = (
    await db.select({ id: ticketCis.ciId }).from(ticketCis).where(eq(ticketCis.ticketId, ticketId))
  ).map((r) => r.id);
  const want = [...new Set(ciIds)];
  const added = want.filter((id) => !current.includes(id));
  const removed = current.filter((id) => !want.includes(id));
  if (added.length)
    await db
      .insert(ticketCis)
      .values(added.map((ciId) => ({ ticketId, ciId, addedAt: now, addedBy: by })))
      .onConflictDoNothing();
  if (removed.length)
    await db.delete(ticketCis).where(and(eq(ticketCis.ticketId, ticketId), inArray(ticketCis.ciId, removed)));
  return { added, removed };
}
