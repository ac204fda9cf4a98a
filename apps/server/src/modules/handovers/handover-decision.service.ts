import {
  HANDOVER_TASK_KEYS,
  VARIANTS_BY_MODE,
  addPeriods,
  handoverFollowUps,
  localDateAt,
  maxDate,
  periodEnd,
  periodOf,
  qualitySchedule,
} from '@opsdesk/domain';
import type { HandoverAbilities, ModeImplications } from '@opsdesk/domain';
import type {
  CustomerManagerAssignSchema,
  ModeDecisionSchema,
  SubcontractorDecisionSchema,
} from '@opsdesk/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { projectMembers, projectTasks } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { findUserFacts } from '../lifecycle/project-people.js';
import { syncGeneratedTasks, TASK_AUDIT_IGNORE } from '../lifecycle/task-generation.js';
import { findGeneratedTask, insertComment, updateTaskRow } from '../lifecycle/task.repository.js';
import { notify } from '../notifications/notification.service.js';
import type { ProjectView } from '../projects/project.repository.js';
import { loadRules } from '../service-modes/service-mode.repository.js';
import { suggestionFor } from '../service-modes/service-mode.service.js';
import { abilitiesFor, getHandover, projectForHandover } from './handover.service.js';
import { lockHandover, updateHandoverRow } from './handover.repository.js';

const MODE_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  on_site: { 'zh-CN': '驻场', en: 'on-site' },
  remote: { 'zh-CN': '远端', en: 'remote' },
  business_support: { 'zh-CN': '业务支撑', en: 'business support' },
  service_provision: { 'zh-CN': '服务提供', en: 'service provision' },
  equipment_maintenance: { 'zh-CN': '设备维护', en: 'equipment maintenance' },
  technical_support: { 'zh-CN': '技术保障', en: 'technical support' },
  reseller: { 'zh-CN': '代理商', en: 'reseller' },
};

/** Locks the project's handover and checks the ability; 404 / 403 as everywhere. */
async function guard(tx: DbOrTx, ctx: Ctx, projectId: string, ability: keyof HandoverAbilities) {
  const project = await projectForHandover(tx, ctx, projectId, 'share');
  const before = await lockHandover(tx, projectId);
  if (!before) throw AppError.notFound();
  if (!abilitiesFor(ctx, before, project)[ability]) {
    // Allowed once the mode is decided: the order is wrong, not the person.
    const later = !before.decidedAt && abilitiesFor(ctx, { ...before, decidedAt: ctx.now }, project)[ability];
    throw later ? new AppError('INVALID_TRANSITION', { reason: 'mode_not_decided' }) : AppError.forbidden();
  }
  return { project, before };
}

/** The quality tasks of the chosen mode from today (or the service start) to the end of service (or a year). */
function qualityTasks(implies: ModeImplications, project: ProjectView, plannedDate: string, today: string) {
  const from = maxDate(maxDate(project.startDate ?? plannedDate, plannedDate), today);
  const to = project.endDate ?? periodEnd(addPeriods(periodOf(from), 11));
  return qualitySchedule(implies.qualityMonitoring, from, to);
}

/**
 * §4.1: the regional or division manager records the agreed mode and why. The decision keeps the
 * suggestion it was made against; the follow-up tasks (customer manager, subcontractor decision,
 * tender) and the quality-monitoring tasks follow the chosen mode. Deciding again (a change of mode)
 * brings the tasks in line: what no longer applies is cancelled; a subcontractor decision already
 * made stands while the new mode still has a subcontractor.
 */
export async function decideMode(ctx: Ctx, projectId: string, input: z.output<typeof ModeDecisionSchema>) {
  await ctx.db.transaction(async (tx) => {
    const { project, before } = await guard(tx, ctx, projectId, 'decideMode');
    if (!VARIANTS_BY_MODE[input.mode].includes(input.variant))
      throw AppError.field('variant', 'rule.variantNotOfMode');
    const rules = await loadRules(tx);
    const implies = rules.find((r) => r.mode === input.mode && r.variant === input.variant)?.implies;
    if (!implies) throw AppError.field('variant', 'rule.modeNotInRules');
    const suggested = suggestionFor(rules, project, before.plannedDate).suggestion;
    const after = await updateHandoverRow(tx, before.id, {
      suggestedMode: suggested?.mode ?? null,
      suggestedVariant: suggested?.variant ?? null,
      suggestedRuleKey: suggested?.ruleKey ?? null,
      chosenMode: input.mode,
      chosenVariant: input.variant,
      chosenImplies: implies,
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
      decisionReason: input.reason,
      ...(implies.subcontractor
        ? {}
        : {
            subcontractorNeeded: null,
            subcontractorDecidedBy: null,
            subcontractorDecidedAt: null,
            subcontractorReason: null,
          }),
      updatedAt: ctx.now,
    });
    const overrides = !suggested || suggested.mode !== input.mode || suggested.variant !== input.variant;
    await recordAudit(tx, ctx, {
      action: 'handover.decide',
      objectType: 'handover',
      objectId: before.id,
      changes: changesOf(before, after),
      detail: { projectId, suggestedRuleKey: suggested?.ruleKey ?? null, overridesSuggestion: overrides },
    });
    const today = localDateAt(ctx.now);
    const followUps = handoverFollowUps(implies, before.plannedDate).filter(
      (t) => after.subcontractorNeeded !== false || t.templateKey !== HANDOVER_TASK_KEYS.subcontractorTender,
    );
    await syncGeneratedTasks(tx, ctx, projectId, 'handover.', followUps, 'handover:decide');
    await syncGeneratedTasks(
      tx,
      ctx,
      projectId,
      'quality.',
      qualityTasks(implies, project, before.plannedDate, today),
      'handover:decide',
      today,
    );
    if (after.customerManagerId)
      await closeTask(tx, ctx, projectId, HANDOVER_TASK_KEYS.assignCustomerManager, 'done');
    if (implies.customerManager && after.serviceLeadId) {
      const [mode, variant] = [MODE_NAMES[input.mode]!, MODE_NAMES[input.variant]!];
      await notify(tx, {
        userIds: [after.serviceLeadId],
        kind: 'handover.mode_decided',
        params: {
          project: project.name,
          modeZh: `${mode['zh-CN']}${variant['zh-CN']}`,
          modeEn: `${mode.en} ${variant.en}`,
        },
        link: `/projects/${projectId}?tab=handover`,
        objectType: 'handover',
        objectId: before.id,
        projectId,
        now: ctx.now,
      });
    }
  });
  return getHandover(ctx, projectId);
}

/** Finishes (done) or cancels a live generated task, with its audit and comment. */
async function closeTask(
  tx: DbOrTx,
  ctx: Ctx,
  projectId: string,
  key: string,
  to: 'done' | 'cancelled',
  comment: string | null = null,
) {
  const task = await findGeneratedTask(tx, projectId, key);
  if (!task || (task.status !== 'open' && task.status !== 'awaiting_approval')) return;
  const patch =
    to === 'done'
      ? { status: to, completedBy: ctx.actor.userId, completedAt: ctx.now, nextReminderAt: null }
      : { status: to, nextReminderAt: null };
  const after = await updateTaskRow(tx, task.id, { ...patch, updatedAt: ctx.now });
  await insertComment(tx, {
    id: uuid7(),
    taskId: task.id,
    authorId: ctx.actor.userId,
    kind: to === 'done' ? 'completed' : 'cancelled',
    body: comment,
    createdAt: ctx.now,
  });
  await recordAudit(tx, ctx, {
    action: to === 'done' ? 'project_task.complete' : 'project_task.cancel',
    objectType: 'project_task',
    objectId: task.id,
    changes: changesOf(task, after, TASK_AUDIT_IGNORE),
    detail: { projectId },
  });
}

/** Gives the live staffing tasks (subcontractor decision, tender, quality) to the customer manager. */
async function handTasksTo(tx: DbOrTx, ctx: Ctx, projectId: string, userId: string) {
  await tx
    .update(projectTasks)
    .set({ ownerId: userId, updatedAt: ctx.now })
    .where(
      and(
        eq(projectTasks.projectId, projectId),
        inArray(projectTasks.templateKey, [
          HANDOVER_TASK_KEYS.decideSubcontractor,
          HANDOVER_TASK_KEYS.subcontractorTender,
        ]),
        inArray(projectTasks.status, ['open', 'awaiting_approval']),
      ),
    );
}

/**
 * §4.2: the branch service lead names the customer manager. They join the project as
 * `customer_manager` (if not already), the assignment task is done, and the subcontractor decision
 * and tender become theirs (§4.3).
 */
export async function assignCustomerManager(
  ctx: Ctx,
  projectId: string,
  input: z.output<typeof CustomerManagerAssignSchema>,
) {
  await ctx.db.transaction(async (tx) => {
    const { project, before } = await guard(tx, ctx, projectId, 'assignCustomerManager');
    const user = await findUserFacts(tx, input.userId);
    if (!user) throw AppError.field('userId', 'rule.unknownReference');
    if (user.disabled) throw AppError.field('userId', 'rule.userDisabled');
    if (user.kind !== 'staff') throw AppError.field('userId', 'rule.staffOnly');
    const existing = await tx
      .select({ id: projectMembers.id })
      .from(projectMembers)
      .where(
        and(
          eq(projectMembers.projectId, projectId),
          eq(projectMembers.userId, input.userId),
          eq(projectMembers.role, 'customer_manager'),
        ),
      );
    if (!existing.length) {
      const [m] = await tx
        .insert(projectMembers)
        .values({
          id: uuid7(),
          projectId,
          userId: input.userId,
          role: 'customer_manager',
          createdAt: ctx.now,
        })
        .returning();
      await recordAudit(tx, ctx, {
        action: 'project_member.create',
        objectType: 'project_member',
        objectId: m!.id,
        changes: changesOf(null, m!, ['createdAt']),
        detail: { reason: 'handover_customer_manager' },
      });
    }
    const after = await updateHandoverRow(tx, before.id, {
      customerManagerId: input.userId,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'handover.assign_customer_manager',
      objectType: 'handover',
      objectId: before.id,
      changes: changesOf(before, after),
      detail: { projectId, note: input.note },
    });
    await closeTask(tx, ctx, projectId, HANDOVER_TASK_KEYS.assignCustomerManager, 'done', input.note);
    await handTasksTo(tx, ctx, projectId, input.userId);
    await notify(tx, {
      userIds: [input.userId],
      kind: 'handover.customer_manager_assigned',
      params: { project: project.name },
      link: `/projects/${projectId}?tab=handover`,
      objectType: 'handover',
      objectId: before.id,
      projectId,
      now: ctx.now,
    });
  });
  return getHandover(ctx, projectId);
}

/**
 * §4.3: the customer manager decides whether a subcontractor is needed. Not needed: the tender task
 * is cancelled. Needed: the tender task stays (or opens again); a tender request is drafted under
 * /projects/:id/tenders and its award completes the task.
 */
export async function decideSubcontractor(
  ctx: Ctx,
  projectId: string,
  input: z.output<typeof SubcontractorDecisionSchema>,
) {
  await ctx.db.transaction(async (tx) => {
    const { before } = await guard(tx, ctx, projectId, 'decideSubcontractor');
    if (!before.decidedAt || !before.chosenImplies)
      throw new AppError('INVALID_TRANSITION', { reason: 'mode_not_decided' });
    if (input.needed && !before.chosenImplies.subcontractor)
      throw AppError.field('needed', 'rule.modeRequiresNoSubcontractor');
    const after = await updateHandoverRow(tx, before.id, {
      subcontractorNeeded: input.needed,
      subcontractorDecidedBy: ctx.actor.userId,
      subcontractorDecidedAt: ctx.now,
      subcontractorReason: input.reason,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'handover.decide_subcontractor',
      objectType: 'handover',
      objectId: before.id,
      changes: changesOf(before, after),
      detail: { projectId },
    });
    await closeTask(tx, ctx, projectId, HANDOVER_TASK_KEYS.decideSubcontractor, 'done', input.reason);
    const followUps = handoverFollowUps(before.chosenImplies, before.plannedDate).filter(
      (t) => input.needed || t.templateKey !== HANDOVER_TASK_KEYS.subcontractorTender,
    );
    await syncGeneratedTasks(
      tx,
      ctx,
      projectId,
      HANDOVER_TASK_KEYS.subcontractorTender,
      followUps.filter((t) => t.templateKey === HANDOVER_TASK_KEYS.subcontractorTender),
      `handover:subcontractor:${input.needed ? 'needed' : 'not_needed'}`,
    );
  });
  return getHandover(ctx, projectId);
}
