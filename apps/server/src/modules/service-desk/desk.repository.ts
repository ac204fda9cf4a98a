import { and, asc, eq, sql } from 'drizzle-orm';
import { DEFAULT_PRIORITY_MATRIX } from '@opsdesk/domain';
import type { PriorityMatrix, RoutingRule } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import {
  agentAvailability,
  routingRules,
  serviceDeskSettings,
  ticketCategories,
} from '../../db/schema/index.js';
import { constraintField } from '../../http/pg-errors.js';

constraintField('ticket_categories_sibling_name_key', 'name');

export type CategoryRow = typeof ticketCategories.$inferSelect;
export type RoutingRuleRow = typeof routingRules.$inferSelect;

export interface DeskSettings {
  priorityMatrix: PriorityMatrix;
  serviceCalendarId: string | null;
  stored: boolean;
}

/** The project's desk settings, or the defaults (the 4×4 matrix, no service hours) when none are stored. */
export async function deskSettings(db: DbOrTx, projectId: string): Promise<DeskSettings> {
  const rows = await db
    .select()
    .from(serviceDeskSettings)
    .where(eq(serviceDeskSettings.projectId, projectId));
  const row = rows[0];
  if (!row) return { priorityMatrix: DEFAULT_PRIORITY_MATRIX, serviceCalendarId: null, stored: false };
  return {
    priorityMatrix: row.priorityMatrix as PriorityMatrix,
    serviceCalendarId: row.serviceCalendarId,
    stored: true,
  };
}

export async function putDeskSettings(
  db: DbOrTx,
  projectId: string,
  s: { priorityMatrix: PriorityMatrix; serviceCalendarId: string | null },
  by: string,
  now: Date,
) {
  const value = {
    priorityMatrix: {
      cells: s.priorityMatrix.cells.map((r) => [...r]),
      businessStoppedPriority: s.priorityMatrix.businessStoppedPriority,
    },
    serviceCalendarId: s.serviceCalendarId,
    updatedAt: now,
    updatedBy: by,
  };
  await db
    .insert(serviceDeskSettings)
    .values({ projectId, ...value })
    .onConflictDoUpdate({ target: serviceDeskSettings.projectId, set: value });
}

export function listCategories(db: DbOrTx, projectId: string) {
  return db
    .select()
    .from(ticketCategories)
    .where(eq(ticketCategories.projectId, projectId))
    .orderBy(asc(ticketCategories.position), asc(ticketCategories.name), asc(ticketCategories.id));
}

export async function findCategory(db: DbOrTx, id: string, lock = false): Promise<CategoryRow | null> {
  const q = db.select().from(ticketCategories).where(eq(ticketCategories.id, id));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

/** The category and its ancestors, nearest first (empty for null). */
export async function categoryPath(db: DbOrTx, categoryId: string | null): Promise<string[]> {
  if (!categoryId) return [];
  const r = await db.execute<{ id: string }>(sql`WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM ticket_categories WHERE id = ${categoryId}
      UNION ALL SELECT c.id, c.parent_id, up.depth + 1 FROM ticket_categories c JOIN up ON c.id = up.parent_id WHERE up.depth < 20)
    SELECT id FROM up ORDER BY depth`);
  return r.rows.map((x) => x.id);
}

export function listRoutingRules(db: DbOrTx, projectId: string) {
  return db
    .select()
    .from(routingRules)
    .where(eq(routingRules.projectId, projectId))
    .orderBy(asc(routingRules.position), asc(routingRules.id));
}

export async function findRoutingRule(db: DbOrTx, id: string, lock = false): Promise<RoutingRuleRow | null> {
  const q = db.select().from(routingRules).where(eq(routingRules.id, id));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export const asEngineRule = (r: RoutingRuleRow): RoutingRule => ({
  id: r.id,
  position: r.position,
  active: r.active,
  kinds: r.kinds,
  categoryId: r.categoryId,
  channels: r.channels,
  keywords: r.keywords,
  businessStopped: r.businessStopped,
  groupId: r.groupId,
});

/** Whether the user is away at `at` (away without an end, or until a later time). */
export async function isAway(db: DbOrTx, userId: string, at: Date): Promise<boolean> {
  const rows = await db
    .select()
    .from(agentAvailability)
    .where(and(eq(agentAvailability.userId, userId)));
  const row = rows[0];
  return Boolean(row?.away && (row.awayUntil === null || row.awayUntil > at));
}
