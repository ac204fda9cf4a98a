import {
  closingChecklist,
  lifecycleAbilities,
  localDateAt,
  monthlyItems,
  phaseTransition,
  projectAbilities,
  recurringPeriodsDue,
  startChecklist,
  statusForPhase,
} from '@opsdesk/domain';
import type { PhaseAction, ProjectPhase } from '@opsdesk/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { projectTasks, projects } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { registerAttachmentOwner } from '../attachments/attachment.owners.js';
import { findProject } from '../projects/project.repository.js';
import type { ProjectView } from '../projects/project.repository.js';
import { generateTasks, loadTemplates } from './task-generation.js';
import type { Who } from './task-generation.js';
import { countTasks } from './task.repository.js';

// A project's documents (contract, service plan, implementation plan …): read by whoever sees the
// project, written by those who may update it. `category` names the kind of document.
registerAttachmentOwner('project', async (db, actor, ownerId) => {
  const p = await findProject(db, actor, ownerId);
  return p ? { projectId: p.id, canRead: true, canWrite: projectAbilities(actor, p.id).update } : null;
});

export async function getLifecycle(ctx: Ctx, projectId: string) {
  const project = await findProject(ctx.db, ctx.actor, projectId);
  if (!project) throw AppError.notFound();
  return { project, counts: await countTasks(ctx.db, ctx.actor, projectId, localDateAt(ctx.now)) };
}

/**
 * Moves a project to its next phase and generates what the phase brings, in one transaction with
 * its audit: starting → the start checklist (due 3 weeks after the service start); implementation →
 * this month's recurring items (a job adds each later month); closing → the closing checklist;
 * closed or renewed → reminders of what is still open stop.
 */
export async function enterPhase(
  tx: DbOrTx,
  who: Who,
  project: ProjectView,
  action: PhaseAction,
  note: string | null,
): Promise<ProjectPhase> {
  const t = phaseTransition(project.phase, action, project);
  if (!t.ok && t.error === 'missing_dates')
    throw AppError.validation(t.fields.map((f) => ({ path: f, rule: 'rule.requiredToStart' })));
  if (!t.ok) throw new AppError('INVALID_TRANSITION', { action, phase: project.phase, allowed: t.allowed });
  const today = localDateAt(who.now);
  const templates = await loadTemplates(tx);
  const patch: Partial<typeof projects.$inferInsert> = {
    phase: t.to,
    phaseChangedAt: who.now,
    status: statusForPhase(t.to),
    updatedAt: who.now,
  };
  if (action === 'start') {
    await generateTasks(
      tx,
      who,
      project.id,
      startChecklist(templates, project.startDate!),
      `phase:${action}`,
    );
  } else if (action === 'implement') {
    const periods = recurringPeriodsDue(project.startDate!, project.endDate!, null, today);
    await generateTasks(
      tx,
      who,
      project.id,
      periods.flatMap((p) => monthlyItems(templates, p)),
      `phase:${action}`,
    );
    patch.recurringThrough = periods.at(-1) ?? null;
  } else if (action === 'begin_closing') {
    await generateTasks(
      tx,
      who,
      project.id,
      closingChecklist(templates, project.endDate!),
      `phase:${action}`,
    );
  } else {
    await tx
      .update(projectTasks)
      .set({ nextReminderAt: null })
      .where(
        and(
          eq(projectTasks.projectId, project.id),
          inArray(projectTasks.status, ['open', 'awaiting_approval']),
        ),
      );
  }
  const [after] = await tx.update(projects).set(patch).where(eq(projects.id, project.id)).returning();
  await recordAudit(tx, who, {
    action: 'project.phase',
    objectType: 'project',
    objectId: project.id,
    changes: changesOf(
      { phase: project.phase, status: project.status },
      { phase: after!.phase, status: after!.status },
    ),
    detail: { action, note },
  });
  return t.to;
}

export async function applyPhaseAction(
  ctx: Ctx,
  projectId: string,
  action: PhaseAction,
  note: string | null,
) {
  await ctx.db.transaction(async (tx) => {
    const project = await findProject(tx, ctx.actor, projectId, 'update');
    if (!project) throw AppError.notFound();
    if (!lifecycleAbilities(ctx.actor, projectId).manage) throw AppError.forbidden();
    await enterPhase(tx, ctx, project, action, note);
  });
  return getLifecycle(ctx, projectId);
}
