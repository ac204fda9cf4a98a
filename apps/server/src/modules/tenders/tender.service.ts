import { HANDOVER_TASK_KEYS, serviceProjectAdminAbilities, tenderAbilities } from '@opsdesk/domain';
import type { TenderAbilities } from '@opsdesk/domain';
import type { TenderAwardSchema, TenderCreateSchema, TenderUpdateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { definedOnly } from '../../lib/patch.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { registerAttachmentOwner } from '../attachments/attachment.owners.js';
import { managersOf } from '../lifecycle/project-people.js';
import { TASK_AUDIT_IGNORE } from '../lifecycle/task-generation.js';
import { findGeneratedTask, insertComment, updateTaskRow } from '../lifecycle/task.repository.js';
import { notify } from '../notifications/notification.service.js';
import { findProject } from '../projects/project.repository.js';
import {
  findEngagement,
  insertEngagement,
  subcontractorExists,
} from '../projects/project-team.repository.js';
import {
  customerManagerOf,
  findTenderView,
  subcontractorName,
  insertTender,
  listTenderViews,
  lockTender,
  updateTenderRow,
} from './tender.repository.js';
import type { TenderRow, TenderView } from './tender.repository.js';

/**
 * Subcontractor tender requests (§4.3 发起招标申请): draft → published → awarded. Awarding engages the
 * winner on the project (so its field engineers can join) and completes the handover's tender task.
 */
// Tender documents (the request, bids, the award memo): staff who see the project read them; those who run the tender add them.
registerAttachmentOwner('tender', async (db, actor, ownerId) => {
  const t = await findTenderView(db, actor, ownerId);
  if (!t || !serviceProjectAdminAbilities(actor).read) return null;
  return { projectId: t.projectId, canRead: true, canWrite: tenderAbilities(actor, t).manage };
});

export const abilitiesOf = (
  ctx: Pick<Ctx, 'actor'>,
  t: { projectId: string; customerManagerId: string | null },
): TenderAbilities => tenderAbilities(ctx.actor, t);

async function guardProject(db: DbOrTx, ctx: Ctx, projectId: string, lock?: 'share') {
  const project = await findProject(db, ctx.actor, projectId, lock);
  if (!project) throw AppError.notFound();
  if (!serviceProjectAdminAbilities(ctx.actor).read) throw AppError.forbidden();
  return project;
}

export async function listTenders(ctx: Ctx, projectId: string): Promise<TenderView[]> {
  await guardProject(ctx.db, ctx, projectId);
  return listTenderViews(ctx.db, projectId);
}

export async function getTender(ctx: Ctx, id: string): Promise<TenderView> {
  const t = await findTenderView(ctx.db, ctx.actor, id);
  if (!t || !serviceProjectAdminAbilities(ctx.actor).read) throw AppError.notFound();
  return t;
}

export async function createTender(
  ctx: Ctx,
  projectId: string,
  input: z.output<typeof TenderCreateSchema>,
): Promise<TenderView> {
  const id = await ctx.db.transaction(async (tx) => {
    await guardProject(tx, ctx, projectId, 'share');
    if (!abilitiesOf(ctx, { projectId, customerManagerId: await customerManagerOf(tx, projectId) }).manage)
      throw AppError.forbidden();
    const row = await insertTender(tx, {
      id: uuid7(),
      projectId,
      ...input,
      status: 'draft',
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'tender.create',
      objectType: 'tender',
      objectId: row.id,
      changes: changesOf(null, row),
      detail: { projectId },
    });
    return row.id;
  });
  return getTender(ctx, id);
}

/** Locks a tender in scope (404), checks the caller runs tenders (403) and its status (409). */
async function change(
  ctx: Ctx,
  id: string,
  status: TenderRow['status'],
  apply: (
    tx: DbOrTx,
    before: TenderRow,
  ) => Promise<{ patch: Partial<TenderRow>; action: string; detail?: Record<string, unknown> }>,
) {
  await ctx.db.transaction(async (tx) => {
    if (!serviceProjectAdminAbilities(ctx.actor).read) throw AppError.notFound();
    const before = await lockTender(tx, ctx.actor, id);
    if (!before) throw AppError.notFound();
    if (
      !abilitiesOf(ctx, {
        projectId: before.projectId,
        customerManagerId: await customerManagerOf(tx, before.projectId),
      }).manage
    )
      throw AppError.forbidden();
    if (before.status !== status) throw new AppError('INVALID_TRANSITION', { status: before.status });
    const { patch, action, detail } = await apply(tx, before);
    const after = await updateTenderRow(tx, id, { ...patch, updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action,
      objectType: 'tender',
      objectId: id,
      changes: changesOf(before, after),
      detail: { projectId: before.projectId, ...detail },
    });
  });
  return getTender(ctx, id);
}

export const updateTender = (ctx: Ctx, id: string, input: z.output<typeof TenderUpdateSchema>) =>
  change(ctx, id, 'draft', async () => ({
    patch: definedOnly(input) as Partial<TenderRow>,
    action: 'tender.update',
  }));

export const publishTender = (ctx: Ctx, id: string) =>
  change(ctx, id, 'draft', async () => ({
    patch: { status: 'published', publishedBy: ctx.actor.userId, publishedAt: ctx.now },
    action: 'tender.publish',
  }));

export const awardTender = (ctx: Ctx, id: string, input: z.output<typeof TenderAwardSchema>) =>
  change(ctx, id, 'published', async (tx, before) => {
    if (!(await subcontractorExists(tx, input.subcontractorId)))
      throw AppError.field('subcontractorId', 'rule.unknownReference');
    let engaged = false;
    if (!(await findEngagement(tx, before.projectId, input.subcontractorId, 'share'))) {
      const row = await insertEngagement(tx, {
        projectId: before.projectId,
        subcontractorId: input.subcontractorId,
        scope: before.scope ?? before.title,
        createdAt: ctx.now,
      });
      await recordAudit(tx, ctx, {
        action: 'project_subcontractor.create',
        objectType: 'project_subcontractor',
        objectId: `${before.projectId}:${input.subcontractorId}`,
        changes: changesOf(null, row, ['createdAt']),
        detail: { tenderId: id },
      });
      engaged = true;
    }
    const task = await findGeneratedTask(tx, before.projectId, HANDOVER_TASK_KEYS.subcontractorTender);
    if (task && (task.status === 'open' || task.status === 'awaiting_approval')) {
      const after = await updateTaskRow(tx, task.id, {
        status: 'done',
        completedBy: ctx.actor.userId,
        completedAt: ctx.now,
        nextReminderAt: null,
        updatedAt: ctx.now,
      });
      await insertComment(tx, {
        id: uuid7(),
        taskId: task.id,
        authorId: ctx.actor.userId,
        kind: 'completed',
        body: input.reason,
        createdAt: ctx.now,
      });
      await recordAudit(tx, ctx, {
        action: 'project_task.complete',
        objectType: 'project_task',
        objectId: task.id,
        changes: changesOf(task, after, TASK_AUDIT_IGNORE),
        detail: { projectId: before.projectId, tenderId: id },
      });
    }
    const project = (await findProject(tx, ctx.actor, before.projectId))!;
    const subName = await subcontractorName(tx, input.subcontractorId);
    const cm = await customerManagerOf(tx, before.projectId);
    await notify(tx, {
      userIds: [...(await managersOf(tx, before.projectId)), ...(cm ? [cm] : [])],
      kind: 'tender.awarded',
      params: { project: project.name, title: before.title, subcontractor: subName },
      link: `/projects/${before.projectId}?tab=handover`,
      objectType: 'tender',
      objectId: id,
      projectId: before.projectId,
      now: ctx.now,
    });
    return {
      patch: {
        status: 'awarded',
        awardedSubcontractorId: input.subcontractorId,
        awardReason: input.reason,
        awardedBy: ctx.actor.userId,
        awardedAt: ctx.now,
      },
      action: 'tender.award',
      detail: { engaged },
    };
  });
