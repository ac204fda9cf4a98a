import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Actor, CiEntry, InspectionTemplate, TaskCi } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { projectVisible } from '../../db/scope.js';
import {
  attachments,
  inspectionReadings,
  inspectionTaskCis,
  inspectionTasks,
  sites,
  users,
} from '../../db/schema/index.js';
import { loadVersions } from './template.repository.js';

export type TaskRow = typeof inspectionTasks.$inferSelect;
export type TaskCiRow = typeof inspectionTaskCis.$inferSelect;
export type ReadingRow = typeof inspectionReadings.$inferSelect;

/**
 * `canSeeInspectionTask` (domain/field-work/access.ts) as a WHERE clause: staff by project scope;
 * subcontractor staff the tasks assigned to them or to their company; customer contacts none.
 */
export function taskVisible(actor: Actor): SQL {
  if (actor.kind === 'customer_contact') return sql`false`;
  const base = projectVisible(actor, inspectionTasks.projectId);
  if (actor.kind !== 'subcontractor_staff') return base;
  if (!actor.subcontractorId) return sql`false`;
  return and(
    base,
    or(
      eq(inspectionTasks.subcontractorId, actor.subcontractorId),
      eq(inspectionTasks.assigneeId, actor.userId),
    ),
  )!;
}

export async function findTask(
  db: DbOrTx,
  actor: Actor | null,
  id: string,
  lock = false,
): Promise<TaskRow | null> {
  const q = db
    .select()
    .from(inspectionTasks)
    .where(and(eq(inspectionTasks.id, id), actor ? taskVisible(actor) : undefined));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export function taskCis(db: DbOrTx, taskId: string) {
  return db
    .select({ ci: inspectionTaskCis, siteName: sites.name })
    .from(inspectionTaskCis)
    .leftJoin(sites, eq(sites.id, inspectionTaskCis.siteId))
    .where(eq(inspectionTaskCis.taskId, taskId))
    .orderBy(asc(inspectionTaskCis.position));
}

export function taskReadings(db: DbOrTx, taskId: string) {
  return db
    .select({ r: inspectionReadings, savedByName: users.displayName })
    .from(inspectionReadings)
    .leftJoin(users, eq(users.id, inspectionReadings.savedBy))
    .where(eq(inspectionReadings.taskId, taskId))
    .orderBy(asc(inspectionReadings.ciId), asc(inspectionReadings.itemKey));
}

/** The template versions a task pinned. */
export const pinnedTemplates = (db: DbOrTx, task: TaskRow): Promise<InspectionTemplate[]> =>
  loadVersions(db, task.templates);

/** The ids of the live photos uploaded to a task (a reading may name only these). */
export async function taskPhotoIds(db: DbOrTx, taskId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(
      and(
        eq(attachments.ownerType, 'inspection_task'),
        eq(attachments.ownerId, taskId),
        sql`${attachments.deletedAt} IS NULL`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** What `evaluateTask` reads: the task's CIs and what is stored for each. */
export function entriesOf(cis: readonly TaskCiRow[], readings: readonly ReadingRow[]) {
  const taskCiList: TaskCi[] = cis.map((c) => ({ ciId: c.ciId, ciTypeKey: c.ciTypeKey }));
  const entries: Record<string, CiEntry> = Object.create(null) as Record<string, CiEntry>;
  for (const c of cis)
    entries[c.ciId] = { ...(c.skipReason ? { skipReason: c.skipReason } : {}), readings: {} };
  for (const r of readings) {
    const e = entries[r.ciId];
    if (!e) continue;
    (e.readings as Record<string, unknown>)[r.itemKey] = {
      value: r.value,
      remark: r.remark,
      photos: r.photos,
      flagged: r.flagged,
    };
  }
  return { cis: taskCiList, entries };
}

export async function countCis(db: DbOrTx, taskIds: readonly string[]): Promise<Map<string, number>> {
  if (!taskIds.length) return new Map();
  const rows = await db
    .select({ t: inspectionTaskCis.taskId, n: sql<number>`count(*)::int` })
    .from(inspectionTaskCis)
    .where(inArray(inspectionTaskCis.taskId, [...taskIds]))
    .groupBy(inspectionTaskCis.taskId);
  return new Map(rows.map((r) => [r.t, r.n]));
}
