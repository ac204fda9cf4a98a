import { projectAbilities } from '@opsdesk/domain';
import type { EngagementCreateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { findProject } from './project.repository.js';
import {
  deleteEngagementRow,
  deleteMemberRows,
  fieldEngineersOf,
  findEngagement,
  findEngagementView,
  insertEngagement,
  listEngagements,
  subcontractorExists,
} from './project-team.repository.js';
import type { EngagementView } from './project-team.repository.js';

/** An engagement has no id of its own: the audit log names it by project and subcontractor. */
const engagementId = (projectId: string, subcontractorId: string) => `${projectId}:${subcontractorId}`;

export async function listProjectEngagements(ctx: Ctx, projectId: string): Promise<EngagementView[]> {
  const project = await findProject(ctx.db, ctx.actor, projectId);
  if (!project) throw AppError.notFound();
  return listEngagements(ctx.db, projectId);
}

export async function engageSubcontractor(
  ctx: Ctx,
  projectId: string,
  input: z.output<typeof EngagementCreateSchema>,
): Promise<EngagementView> {
  return ctx.db.transaction(async (tx) => {
    const project = await findProject(tx, ctx.actor, projectId, 'share');
    if (!project) throw AppError.notFound();
    if (!projectAbilities(ctx.actor, projectId).manageSubcontractors) throw AppError.forbidden();
    if (!(await subcontractorExists(tx, input.subcontractorId)))
      throw AppError.field('subcontractorId', 'rule.unknownReference');
    if (await findEngagement(tx, projectId, input.subcontractorId, 'share'))
      throw AppError.field('subcontractorId', 'rule.unique');
    const row = await insertEngagement(tx, { projectId, ...input, createdAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'project_subcontractor.create',
      objectType: 'project_subcontractor',
      objectId: engagementId(projectId, input.subcontractorId),
      changes: changesOf(null, row, ['createdAt']),
    });
    const view = await findEngagementView(tx, projectId, input.subcontractorId);
    if (!view) throw AppError.notFound();
    return view;
  });
}

/**
 * Ends a subcontractor's engagement on a project. Its field engineers lose their memberships of
 * the project in the same transaction (each removal audited), since a field engineer may only
 * work on a project their company is engaged on.
 */
export async function disengageSubcontractor(
  ctx: Ctx,
  projectId: string,
  subcontractorId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const project = await findProject(tx, ctx.actor, projectId, 'share');
    if (!project) throw AppError.notFound();
    const engagement = await findEngagement(tx, projectId, subcontractorId, 'update');
    if (!engagement) throw AppError.notFound();
    if (!projectAbilities(ctx.actor, projectId).manageSubcontractors) throw AppError.forbidden();
    const engineers = await fieldEngineersOf(tx, projectId, subcontractorId);
    await deleteMemberRows(
      tx,
      engineers.map((m) => m.id),
    );
    for (const m of engineers) {
      await recordAudit(tx, ctx, {
        action: 'project_member.delete',
        objectType: 'project_member',
        objectId: m.id,
        changes: changesOf(m, null, ['createdAt']),
        detail: { reason: 'subcontractor_disengaged', subcontractorId },
      });
    }
    await deleteEngagementRow(tx, projectId, subcontractorId);
    await recordAudit(tx, ctx, {
      action: 'project_subcontractor.delete',
      objectType: 'project_subcontractor',
      objectId: engagementId(projectId, subcontractorId),
      changes: changesOf(engagement, null, ['createdAt']),
      detail: { removedFieldEngineers: engineers.length },
    });
  });
}
