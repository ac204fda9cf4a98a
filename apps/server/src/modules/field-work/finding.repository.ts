import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { inspectionAbilities, inspectionSeverityRank } from '@opsdesk/domain';
import type { Actor } from '@opsdesk/domain';
import type { Lang } from '@opsdesk/contracts';
import type { DbOrTx } from '../../db/client.js';
import { projectVisible } from '../../db/scope.js';
import { ciTypes, cis, inspectionFindings, inspectionTasks } from '../../db/schema/index.js';
import { ticketRefs } from '../tickets/ticket.repository.js';
import { displayNames } from '../users/user.repository.js';

export type FindingRow = typeof inspectionFindings.$inferSelect;

/**
 * Findings the actor sees: staff by project scope; subcontractor staff those raised or last read
 * by a task they see; customer contacts none (they read the monthly report).
 */
export function findingVisible(actor: Actor): SQL {
  if (actor.kind === 'customer_contact') return sql`false`;
  const base = projectVisible(actor, inspectionFindings.projectId);
  if (actor.kind !== 'subcontractor_staff') return base;
  if (!actor.subcontractorId) return sql`false`;
  const theirs = sql`(SELECT t.id FROM inspection_tasks t WHERE t.subcontractor_id = ${actor.subcontractorId} OR t.assignee_id = ${actor.userId})`;
  return and(
    base,
    or(
      sql`${inspectionFindings.raisedTaskId} IN ${theirs}`,
      sql`${inspectionFindings.lastTaskId} IN ${theirs}`,
    ),
  )!;
}

export async function findFinding(
  db: DbOrTx,
  actor: Actor,
  id: string,
  lock = false,
): Promise<FindingRow | null> {
  const q = db
    .select()
    .from(inspectionFindings)
    .where(and(eq(inspectionFindings.id, id), findingVisible(actor)));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export const disposition = (f: FindingRow): 'open' | 'incident' | 'work_order' =>
  f.workOrderId ? 'work_order' : f.incidentId ? 'incident' : 'open';

type Ref = Awaited<ReturnType<typeof ticketRefs>>[number];

async function refsOf(db: DbOrTx, actor: Actor, rows: readonly FindingRow[]): Promise<Map<string, Ref>> {
  const ids = rows.flatMap((r) => [r.incidentId, r.workOrderId]).filter((x): x is string => !!x);
  return new Map((await ticketRefs(db, actor, [...new Set(ids)])).map((r) => [r.id, r]));
}

/** Findings as the API shows them, in the caller's language, with only the tickets it may see. */
export async function presentFindings(db: DbOrTx, actor: Actor, lang: Lang, rows: readonly FindingRow[]) {
  if (!rows.length) return [];
  const ciRows = await db
    .select({ id: cis.id, name: cis.name, typeKey: ciTypes.key })
    .from(cis)
    .innerJoin(ciTypes, eq(ciTypes.id, cis.typeId))
    .where(inArray(cis.id, [...new Set(rows.map((r) => r.ciId))]));
  const ciMap = new Map(ciRows.map((c) => [c.id, c]));
  const tasks = new Map(
    (
      await db
        .select({
          id: inspectionTasks.id,
          title: inspectionTasks.title,
          scheduledDate: inspectionTasks.scheduledDate,
        })
        .from(inspectionTasks)
        .where(inArray(inspectionTasks.id, [...new Set(rows.map((r) => r.raisedTaskId))]))
    ).map((t) => [t.id, t]),
  );
  const names = await displayNames(
    db,
    rows.map((r) => r.resolvedBy),
  );
  const refs = await refsOf(db, actor, rows);
  return rows.map((f) => {
    const open = f.status === 'open';
    const manage = inspectionAbilities(actor, f.projectId).manageFindings;
    return {
      id: f.id,
      projectId: f.projectId,
      ci: ciMap.get(f.ciId) ?? { id: f.ciId, name: '', typeKey: f.ciTypeKey },
      templateId: f.templateId,
      templateVersion: f.templateVersion,
      itemKey: f.itemKey,
      severity: f.severity,
      autoIncident: f.autoIncident,
      title: f.title[lang],
      quote: f.quote[lang],
      value: f.value,
      abnormalReason: f.abnormalReason,
      remark: f.remark,
      photos: f.photos,
      status: f.status,
      disposition: disposition(f),
      incident: f.incidentId ? (refs.get(f.incidentId) ?? null) : null,
      workOrder: f.workOrderId ? (refs.get(f.workOrderId) ?? null) : null,
      raisedTask: tasks.get(f.raisedTaskId) ?? { id: f.raisedTaskId, title: '', scheduledDate: '1970-01-01' },
      lastTaskId: f.lastTaskId,
      occurrences: f.occurrences,
      lastSeenAt: f.lastSeenAt.toISOString(),
      resolvedAt: f.resolvedAt?.toISOString() ?? null,
      resolvedBy: f.resolvedBy ? { id: f.resolvedBy, displayName: names.get(f.resolvedBy) ?? '' } : null,
      resolution: f.resolution,
      resolutionNote: f.resolutionNote,
      createdAt: f.createdAt.toISOString(),
      abilities: { convert: manage && open, resolve: manage && open },
    };
  });
}

/** The short form shown on a CI of a task, most severe first. */
export async function findingBriefs(db: DbOrTx, actor: Actor, lang: Lang, rows: readonly FindingRow[]) {
  const refs = await refsOf(db, actor, rows);
  return [...rows]
    .sort(
      (a, b) =>
        inspectionSeverityRank(b.severity) - inspectionSeverityRank(a.severity) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    )
    .map((f) => ({
      id: f.id,
      ciId: f.ciId,
      itemKey: f.itemKey,
      templateId: f.templateId,
      severity: f.severity,
      title: f.title[lang],
      quote: f.quote[lang],
      status: f.status,
      occurrences: f.occurrences,
      since: f.createdAt.toISOString(),
      incident: f.incidentId ? (refs.get(f.incidentId) ?? null) : null,
      workOrder: f.workOrderId ? (refs.get(f.workOrderId) ?? null) : null,
    }));
}
