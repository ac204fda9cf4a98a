import { addDays, lifecycleAbilities, localDateAt, projectTaskAbilities, reminderAt } from '@opsdesk/domain';
import type { ProjectTaskAbilities } from '@opsdesk/domain';
import type {
  ProjectTaskCreateSchema,
  ProjectTaskListQuery,
  ProjectTaskUpdateSchema,
  ProjectTaskViewQuery,
} from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { registerAttachmentOwner } from '../attachments/attachment.owners.js';
import { notify } from '../notifications/notification.service.js';
import { findProject } from '../projects/project.repository.js';
import { staffRefusal } from './project-people.js';
import { TASK_AUDIT_IGNORE } from './task-generation.js';
import {
  findTaskView,
  insertComment,
  insertTasks,
  listComments,
  listProjectTasks,
  listTaskView,
  lockTask,
  updateTaskRow,
} from './task.repository.js';
import type { CommentView, TaskRow, TaskView } from './task.repository.js';

export const abilitiesOf = (
  ctx: Pick<Ctx, 'actor'>,
  t: Pick<TaskRow, 'projectId' | 'ownerId' | 'category' | 'status'>,
): ProjectTaskAbilities => projectTaskAbilities(ctx.actor, t);

// Evidence and the documents to approve hang off the task: read by whoever sees the task, added by
// its owner and the project's managers while it is live.
registerAttachmentOwner('project_task', async (db, actor, ownerId) => {
  const t = await findTaskView(db, actor, ownerId);
  return t
    ? { projectId: t.projectId, canRead: true, canWrite: projectTaskAbilities(actor, t).attach }
    : null;
});

export async function getTask(ctx: Ctx, id: string): Promise<TaskView> {
  const t = await findTaskView(ctx.db, ctx.actor, id);
  if (!t) throw AppError.notFound();
  return t;
}

export async function listTasksOf(ctx: Ctx, projectId: string, query: z.output<typeof ProjectTaskListQuery>) {
  if (!(await findProject(ctx.db, ctx.actor, projectId))) throw AppError.notFound();
  return listProjectTasks(ctx.db, ctx.actor, projectId, query, localDateAt(ctx.now));
}

export function taskView(ctx: Ctx, query: z.output<typeof ProjectTaskViewQuery>) {
  const today = localDateAt(ctx.now);
  return listTaskView(ctx.db, ctx.actor, query.view, query, today, addDays(today, 7));
}

/**
 * Runs a change of one task: lock it in the actor's scope (404 outside), check the ability (403),
 * apply it, audit it, and re-read it as the actor sees it — all in one transaction.
 */
export async function changeTask(
  ctx: Ctx,
  id: string,
  ability: keyof ProjectTaskAbilities,
  change: (
    tx: DbOrTx,
    before: TaskRow,
  ) => Promise<{
    patch: Partial<TaskRow>;
    action: string;
    comment?: { kind: CommentView['kind']; body: string | null };
    detail?: Record<string, unknown>;
  }>,
  /** Runs in the same transaction once the change is made, e.g. to notify (the bell holds it exactly when the change exists). */
  then?: (tx: DbOrTx, task: TaskView) => Promise<void>,
): Promise<TaskView> {
  return ctx.db.transaction(async (tx) => {
    const before = await lockTask(tx, ctx.actor, id);
    if (!before) throw AppError.notFound();
    if (!abilitiesOf(ctx, before)[ability]) {
      const liveAbility =
        abilitiesOf(ctx, { ...before, status: 'open' })[ability] ||
        abilitiesOf(ctx, { ...before, status: 'awaiting_approval' })[ability] ||
        abilitiesOf(ctx, { ...before, status: 'done' })[ability];
      // Allowed in another state: the state is wrong, not the person.
      throw liveAbility
        ? new AppError('INVALID_TRANSITION', { status: before.status })
        : AppError.forbidden();
    }
    const { patch, action, comment, detail } = await change(tx, before);
    const after = await updateTaskRow(tx, id, { ...patch, updatedAt: ctx.now });
    if (comment)
      await insertComment(tx, {
        id: uuid7(),
        taskId: id,
        authorId: ctx.actor.userId,
        kind: comment.kind,
        body: comment.body,
        createdAt: ctx.now,
      });
    await recordAudit(tx, ctx, {
      action,
      objectType: 'project_task',
      objectId: id,
      changes: changesOf(before, after, TASK_AUDIT_IGNORE),
      detail: {
        projectId: before.projectId,
        ...(comment?.body ? { comment: comment.body } : {}),
        ...(detail ?? {}),
      },
    });
    const view = await findTaskView(tx, ctx.actor, id);
    if (!view) throw AppError.notFound();
    await then?.(tx, view);
    return view;
  });
}

const restartReminders = (dueDate: string) => ({ reminderStep: 0, nextReminderAt: reminderAt(dueDate, 0) });

async function checkOwner(tx: DbOrTx, ownerId: string | null | undefined, projectId: string) {
  if (!ownerId) return;
  const refusal = await staffRefusal(tx, ownerId, projectId);
  if (refusal)
    throw AppError.field('ownerId', refusal === 'rule.cannotSeeProject' ? 'rule.notProjectStaff' : refusal);
}

const assignedNotice = (t: TaskView) => ({
  kind: 'project_task.assigned',
  params: { project: t.projectName, titleZh: t.titleZh, titleEn: t.titleEn, dueDate: t.dueDate },
  link: `/projects/${t.projectId}?tab=lifecycle&task=${t.id}`,
  objectType: 'project_task',
  objectId: t.id,
  projectId: t.projectId,
});

/** A task a manager adds by hand (a checklist item the templates lack, or an extra approval). */
export async function createTask(
  ctx: Ctx,
  projectId: string,
  input: z.output<typeof ProjectTaskCreateSchema>,
): Promise<TaskView> {
  return ctx.db.transaction(async (tx) => {
    if (!(await findProject(tx, ctx.actor, projectId, 'share'))) throw AppError.notFound();
    if (!lifecycleAbilities(ctx.actor, projectId).manage) throw AppError.forbidden();
    await checkOwner(tx, input.ownerId, projectId);
    const [row] = await insertTasks(tx, [
      {
        id: uuid7(),
        projectId,
        phase: input.phase,
        category: input.approval ? 'approval' : 'custom',
        templateKey: null,
        titleZh: input.title['zh-CN'],
        titleEn: input.title.en,
        description: input.description,
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        ...restartReminders(input.dueDate),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'project_task.create',
      objectType: 'project_task',
      objectId: row!.id,
      changes: changesOf(null, row!, TASK_AUDIT_IGNORE),
      detail: { projectId },
    });
    const view = (await findTaskView(tx, ctx.actor, row!.id))!;
    if (view.ownerId && view.ownerId !== ctx.actor.userId)
      await notify(tx, { userIds: [view.ownerId], ...assignedNotice(view), now: ctx.now });
    return view;
  });
}

/** Edits a live task; a new due date restarts its reminders, a new owner hears about it. */
export function updateTask(ctx: Ctx, id: string, input: z.output<typeof ProjectTaskUpdateSchema>) {
  let newOwner: string | null = null;
  return changeTask(
    ctx,
    id,
    'update',
    async (tx, before) => {
      if (input.ownerId !== undefined) await checkOwner(tx, input.ownerId, before.projectId);
      const patch: Partial<TaskRow> = {};
      if (input.title) Object.assign(patch, { titleZh: input.title['zh-CN'], titleEn: input.title.en });
      if (input.description !== undefined) patch.description = input.description;
      if (input.ownerId !== undefined) patch.ownerId = input.ownerId;
      if (input.dueDate !== undefined && input.dueDate !== before.dueDate)
        Object.assign(patch, { dueDate: input.dueDate, ...restartReminders(input.dueDate) });
      if (patch.ownerId && patch.ownerId !== before.ownerId && patch.ownerId !== ctx.actor.userId)
        newOwner = patch.ownerId;
      return { patch, action: 'project_task.update' };
    },
    async (tx, view) => {
      if (newOwner) await notify(tx, { userIds: [newOwner], ...assignedNotice(view), now: ctx.now });
    },
  );
}

export const completeTask = (ctx: Ctx, id: string, comment: string | null) =>
  changeTask(ctx, id, 'complete', async () => ({
    patch: { status: 'done', completedBy: ctx.actor.userId, completedAt: ctx.now, nextReminderAt: null },
    action: 'project_task.complete',
    comment: { kind: 'completed', body: comment },
  }));

export const reopenTask = (ctx: Ctx, id: string, comment: string | null) =>
  changeTask(ctx, id, 'reopen', async (_tx, before) => ({
    patch: {
      status: 'open',
      completedBy: null,
      completedAt: null,
      approvedBy: null,
      approvedAt: null,
      ...restartReminders(before.dueDate),
    },
    action: 'project_task.reopen',
    comment: { kind: 'reopened', body: comment },
  }));

export const cancelTask = (ctx: Ctx, id: string, comment: string) =>
  changeTask(ctx, id, 'cancel', async () => ({
    patch: { status: 'cancelled', nextReminderAt: null },
    action: 'project_task.cancel',
    comment: { kind: 'cancelled', body: comment },
  }));

export async function taskComments(ctx: Ctx, id: string): Promise<CommentView[]> {
  await getTask(ctx, id);
  return listComments(ctx.db, id);
}

export async function addComment(ctx: Ctx, id: string, body: string): Promise<CommentView> {
  return ctx.db.transaction(async (tx) => {
    const task = await findTaskView(tx, ctx.actor, id);
    if (!task) throw AppError.notFound();
    if (!abilitiesOf(ctx, task).comment) throw AppError.forbidden();
    const row = await insertComment(tx, {
      id: uuid7(),
      taskId: id,
      authorId: ctx.actor.userId,
      kind: 'comment',
      body,
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'project_task.comment',
      objectType: 'project_task',
      objectId: id,
      detail: { projectId: task.projectId, commentId: row.id },
    });
    return { ...row, authorName: ctx.actorName, authorKind: ctx.actor.kind };
  });
}
