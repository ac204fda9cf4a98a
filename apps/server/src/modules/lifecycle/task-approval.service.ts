import { reminderAt } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { notify } from '../notifications/notification.service.js';
import { approversOf, managersOf } from './project-people.js';
import { changeTask } from './task.service.js';
import { countTaskAttachments } from './task.repository.js';
import type { TaskView } from './task.repository.js';

/**
 * Customer approval of a plan (service plan, implementation plan — 报业主单位审核): the owner or a
 * manager attaches the document and submits it; a contact holding `customer_approver` on the
 * project approves (the task is done) or rejects with a comment (it opens again). Each step is
 * audited and kept in the task's comments, so the team sees where the approval stands.
 */
const link = (t: TaskView) => `/projects/${t.projectId}?tab=lifecycle&task=${t.id}`;
const params = (t: TaskView, extra: Record<string, unknown> = {}) => ({
  project: t.projectName,
  titleZh: t.titleZh,
  titleEn: t.titleEn,
  ...extra,
});

export function submitForApproval(ctx: Ctx, id: string, comment: string | null) {
  return changeTask(
    ctx,
    id,
    'submit',
    async (tx, before) => {
      if ((await countTaskAttachments(tx, id)) === 0)
        throw AppError.field('attachments', 'rule.attachmentRequired');
      // The customer has the task now: reminders go on (they reach the approvers too).
      return {
        patch: {
          status: 'awaiting_approval',
          reminderStep: 0,
          nextReminderAt: reminderAt(before.dueDate, 0),
        },
        action: 'project_task.submit',
        comment: { kind: 'submitted', body: comment },
      };
    },
    async (tx, t) => {
      const approvers = await approversOf(tx, t.projectId);
      await notify(tx, {
        userIds: approvers,
        kind: 'project_task.approval_requested',
        params: params(t),
        link: link(t),
        objectType: 'project_task',
        objectId: t.id,
        projectId: t.projectId,
        now: ctx.now,
      });
    },
  );
}

async function tellTeam(tx: DbOrTx, ctx: Ctx, t: TaskView, kind: string, extra: Record<string, unknown>) {
  const userIds = [...new Set([...(t.ownerId ? [t.ownerId] : []), ...(await managersOf(tx, t.projectId))])];
  await notify(tx, {
    userIds,
    kind,
    params: params(t, { by: ctx.actorName, ...extra }),
    link: link(t),
    objectType: 'project_task',
    objectId: t.id,
    projectId: t.projectId,
    now: ctx.now,
  });
}

export function approveTask(ctx: Ctx, id: string, comment: string | null) {
  return changeTask(
    ctx,
    id,
    'approve',
    async () => ({
      patch: {
        status: 'done',
        approvedBy: ctx.actor.userId,
        approvedAt: ctx.now,
        completedBy: ctx.actor.userId,
        completedAt: ctx.now,
        nextReminderAt: null,
      },
      action: 'project_task.approve',
      comment: { kind: 'approved', body: comment },
    }),
    (tx, t) => tellTeam(tx, ctx, t, 'project_task.approved', {}),
  );
}

export function rejectTask(ctx: Ctx, id: string, comment: string) {
  return changeTask(
    ctx,
    id,
    'reject',
    async (_tx, before) => ({
      patch: { status: 'open', reminderStep: 0, nextReminderAt: reminderAt(before.dueDate, 0) },
      action: 'project_task.reject',
      comment: { kind: 'rejected', body: comment },
    }),
    (tx, t) => tellTeam(tx, ctx, t, 'project_task.rejected', { comment }),
  );
}
