import { and, eq, gte, ilike, inArray, lte, or, sql } from 'drizzle-orm';
import { checklistFor, evaluateTask, inspectionTaskAbilities } from '@opsdesk/domain';
import type { Actor } from '@opsdesk/domain';
import type { InspectionTask, InspectionTaskListQuery } from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import {
  inspectionFindings,
  inspectionPlans,
  inspectionTasks,
  projects,
  teams,
  users,
} from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { keyset } from '../../http/pagination.js';
import { recordAudit } from '../audit/audit.record.js';
import { registerAttachmentOwner } from '../attachments/attachment.owners.js';
import { isGroupMember } from '../tickets/ticket.lookups.js';
import { findingBriefs } from './finding.repository.js';
import type { FindingRow } from './finding.repository.js';
import {
  countCis,
  entriesOf,
  findTask,
  pinnedTemplates,
  taskCis,
  taskReadings,
  taskVisible,
} from './task.repository.js';
import type { TaskRow } from './task.repository.js';

export async function taskAbilities(db: DbOrTx, actor: Actor, t: TaskRow) {
  const teamMember = await isGroupMember(db, t.teamId, actor.userId);
  return inspectionTaskAbilities(
    actor,
    {
      projectId: t.projectId,
      assigneeId: t.assigneeId,
      subcontractorId: t.subcontractorId,
      status: t.status,
    },
    teamMember,
  );
}

// Photos of readings are attachments of their task: read by whoever sees it, added by who works it.
registerAttachmentOwner('inspection_task', async (db, actor, ownerId) => {
  const t = await findTask(db, actor, ownerId);
  if (!t) return null;
  return {
    projectId: t.projectId,
    canRead: true,
    canWrite: (await taskAbilities(db, actor, t)).enterReadings,
  };
});

const isOverdue = (t: TaskRow, now: Date) =>
  (t.status === 'open' || t.status === 'in_progress') && t.dueAt.getTime() <= now.getTime();

type ListRow = { t: TaskRow; planName: string; assigneeName: string | null; teamName: string | null };

function presentItem(r: ListRow, ciCount: number, now: Date) {
  const t = r.t;
  return {
    id: t.id,
    projectId: t.projectId,
    plan: { id: t.planId, name: r.planName },
    title: t.title,
    periodKey: t.periodKey,
    scheduledDate: t.scheduledDate,
    opensAt: t.opensAt.toISOString(),
    dueAt: t.dueAt.toISOString(),
    status: t.status,
    overdue: isOverdue(t, now),
    assignee: t.assigneeId ? { id: t.assigneeId, displayName: r.assigneeName ?? '' } : null,
    team: t.teamId ? { id: t.teamId, name: r.teamName ?? '' } : null,
    subcontractorId: t.subcontractorId,
    ciCount,
    startedAt: t.startedAt?.toISOString() ?? null,
    submittedAt: t.submittedAt?.toISOString() ?? null,
  };
}

function listQuery(db: DbOrTx) {
  return db
    .select({
      t: inspectionTasks,
      planName: inspectionPlans.name,
      assigneeName: users.displayName,
      teamName: teams.name,
    })
    .from(inspectionTasks)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionTasks.planId))
    .leftJoin(users, eq(users.id, inspectionTasks.assigneeId))
    .leftJoin(teams, eq(teams.id, inspectionTasks.teamId));
}

/** `GET /inspection-tasks`: the tasks in scope, by due time (keyset), with filters. */
export async function listTasks(ctx: Ctx, q: z.output<typeof InspectionTaskListQuery>) {
  const { actor, now } = ctx;
  const ks = keyset<ListRow>(
    q,
    { dueAt: { column: inspectionTasks.dueAt }, scheduledDate: { column: inspectionTasks.scheduledDate } },
    inspectionTasks.id,
    { defaultSort: 'dueAt', rowKey: (r, k) => r.t[k as keyof TaskRow], rowId: (r) => r.t.id },
  );
  const live = sql`${inspectionTasks.status} IN ('open', 'in_progress')`;
  const mine =
    actor.kind === 'subcontractor_staff' && actor.subcontractorId
      ? or(
          eq(inspectionTasks.assigneeId, actor.userId),
          eq(inspectionTasks.subcontractorId, actor.subcontractorId),
        )
      : or(
          eq(inspectionTasks.assigneeId, actor.userId),
          sql`${inspectionTasks.teamId} IN (SELECT tm.team_id FROM team_members tm WHERE tm.user_id = ${actor.userId})`,
        );
  const rows = await listQuery(ctx.db)
    .where(
      and(
        taskVisible(actor),
        q.projectId ? eq(inspectionTasks.projectId, q.projectId) : undefined,
        q.planId ? eq(inspectionTasks.planId, q.planId) : undefined,
        q.status?.length ? inArray(inspectionTasks.status, q.status) : undefined,
        q.mine ? mine : undefined,
        q.live ? and(live, lte(inspectionTasks.opensAt, now)) : undefined,
        q.overdue === true ? and(live, lte(inspectionTasks.dueAt, now)) : undefined,
        q.overdue === false ? sql`NOT (${live} AND ${inspectionTasks.dueAt} <= ${now})` : undefined,
        q.scheduledFrom ? gte(inspectionTasks.scheduledDate, q.scheduledFrom) : undefined,
        q.scheduledTo ? lte(inspectionTasks.scheduledDate, q.scheduledTo) : undefined,
        q.q ? ilike(inspectionTasks.title, containsPattern(q.q)) : undefined,
        ks.where,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const page = ks.page(rows);
  const counts = await countCis(
    ctx.db,
    page.items.map((r) => r.t.id),
  );
  return {
    items: page.items.map((r) => presentItem(r, counts.get(r.t.id) ?? 0, now)),
    nextCursor: page.nextCursor,
  };
}

/**
 * A task as the phone needs it: the pinned template versions, every CI with its readings and
 * progress, the findings carried over on each CI (open ones from earlier rounds — and, once
 * submitted, those this task raised or resolved), and what the caller may do.
 */
export async function taskDetail(ctx: Ctx, id: string, db: DbOrTx = ctx.db): Promise<InspectionTask> {
  const t = await findTask(db, ctx.actor, id);
  if (!t) throw AppError.notFound();
  const [head] = await listQuery(db).where(eq(inspectionTasks.id, id));
  const [project] = await db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(eq(projects.id, t.projectId));
  const templates = await pinnedTemplates(db, t);
  const ciRows = await taskCis(db, id);
  const readingRows = await taskReadings(db, id);
  const { cis, entries } = entriesOf(
    ciRows.map((c) => c.ci),
    readingRows.map((r) => r.r),
  );
  const ev = evaluateTask(templates, cis, entries);
  const ciIds = ciRows.map((c) => c.ci.ciId);
  const findingRows: FindingRow[] = ciIds.length
    ? await db
        .select()
        .from(inspectionFindings)
        .where(
          and(
            inArray(inspectionFindings.ciId, ciIds),
            or(
              // Carried over: still open, raised by an earlier round (of any plan).
              and(eq(inspectionFindings.status, 'open'), sql`${inspectionFindings.raisedTaskId} <> ${id}`),
              // What this task did to findings, once submitted.
              eq(inspectionFindings.raisedTaskId, id),
              eq(inspectionFindings.resolvedTaskId, id),
            ),
          ),
        )
    : [];
  const abilities = await taskAbilities(db, ctx.actor, t);
  const [submitter] = t.submittedBy
    ? await db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(eq(users.id, t.submittedBy))
    : [];
  const group = <T>(rows: readonly T[], key: (r: T) => string) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const list = m.get(key(r));
      if (list) list.push(r);
      else m.set(key(r), [r]);
    }
    return m;
  };
  const readingsByCi = group(readingRows, (r) => r.r.ciId);
  const briefsByCi = group(await findingBriefs(db, ctx.actor, ctx.lang, findingRows), (b) => b.ciId);
  const cisOut = [];
  for (const [i, { ci, siteName }] of ciRows.entries()) {
    const p = ev.cis[i]!;
    const checklist = checklistFor(templates, ci.ciTypeKey);
    cisOut.push({
      ciId: ci.ciId,
      name: ci.ciName,
      typeKey: ci.ciTypeKey,
      site: ci.siteId ? { id: ci.siteId, name: siteName ?? '' } : null,
      position: ci.position,
      skipReason: ci.skipReason,
      templateId: checklist?.template.id ?? null,
      state: p.state,
      total: p.total,
      answered: p.answered,
      normal: p.normal,
      abnormal: p.abnormal,
      readings: (readingsByCi.get(ci.ciId) ?? []).map(({ r, savedByName }) => ({
        id: r.id,
        ciId: r.ciId,
        itemKey: r.itemKey,
        templateId: r.templateId,
        templateVersion: r.templateVersion,
        value: r.value,
        normal: r.normal,
        abnormalReason: r.abnormalReason,
        remark: r.remark,
        photos: r.photos,
        flagged: r.flagged,
        enteredAt: r.enteredAt.toISOString(),
        savedAt: r.savedAt.toISOString(),
        savedBy: r.savedBy ? { id: r.savedBy, displayName: savedByName ?? '' } : null,
      })),
      findings: briefsByCi.get(ci.ciId) ?? [],
    });
  }
  return {
    ...presentItem(head!, ciRows.length, ctx.now),
    project: project!,
    templates,
    cis: cisOut,
    counts: t.status === 'submitted' && t.counts ? t.counts : ev.counts,
    complete: ev.complete,
    submittedBy: submitter ?? null,
    cancelReason: t.cancelReason,
    abilities,
  };
}

/** Cancels a task not yet submitted (a plan's managers), with the reason. */
export async function cancelTask(ctx: Ctx, id: string, reason: string) {
  await ctx.db.transaction(async (tx) => {
    const t = await findTask(tx, ctx.actor, id, true);
    if (!t) throw AppError.notFound();
    const can = await taskAbilities(tx, ctx.actor, t);
    if (!can.cancel) {
      if (t.status === 'submitted' || t.status === 'cancelled')
        throw new AppError('INVALID_TRANSITION', { action: 'cancel', state: t.status, allowed: [] });
      throw AppError.forbidden();
    }
    await tx
      .update(inspectionTasks)
      .set({ status: 'cancelled', cancelReason: reason, updatedAt: ctx.now })
      .where(eq(inspectionTasks.id, id));
    await recordAudit(tx, ctx, {
      action: 'inspection_task.cancel',
      objectType: 'inspection_task',
      objectId: id,
      changes: { status: { before: t.status, after: 'cancelled' } },
      detail: { reason },
    });
  });
}
