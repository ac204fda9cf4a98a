import { kindForProjectRole, projectAbilities } from '@opsdesk/domain';
import type { MembershipCreateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import type { FieldProblem } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { findProject } from './project.repository.js';
import type { ProjectView } from './project.repository.js';
import {
  deleteMemberRows,
  findCandidate,
  findEngagement,
  findMember,
  findMembershipView,
  insertMember,
  listMembers,
  memberExists,
} from './project-team.repository.js';
import type { MembershipView } from './project-team.repository.js';

type MembershipInput = z.output<typeof MembershipCreateSchema>;

/** The team of a project: visible to everyone who can see the project, disabled users included. */
export async function listProjectMembers(ctx: Ctx, projectId: string): Promise<MembershipView[]> {
  const project = await findProject(ctx.db, ctx.actor, projectId);
  if (!project) throw AppError.notFound();
  return listMembers(ctx.db, projectId);
}

/**
 * Why this user cannot hold this role on this project, or null. Staff roles are for staff; the
 * requester and approver roles for contacts of the project's own customer; the field engineer
 * role for staff of a subcontractor engaged on the project. Disabled users join nothing.
 */
async function refusal(tx: Tx, project: ProjectView, input: MembershipInput): Promise<FieldProblem | null> {
  const user = await findCandidate(tx, input.userId);
  if (!user) return { path: 'userId', rule: 'rule.unknownReference' };
  if (user.disabled) return { path: 'userId', rule: 'rule.userDisabled' };
  if (user.kind !== kindForProjectRole(input.role)) return { path: 'role', rule: 'rule.roleForKind' };
  if (user.kind === 'customer_contact' && user.customerId !== project.customerId) {
    return { path: 'userId', rule: 'rule.contactOfOtherCustomer' };
  }
  if (user.kind === 'subcontractor_staff') {
    const engaged = user.subcontractorId
      ? await findEngagement(tx, project.id, user.subcontractorId, 'share')
      : null;
    if (!engaged) return { path: 'userId', rule: 'rule.subcontractorNotEngaged' };
  }
  if (await memberExists(tx, project.id, user.id, input.role)) return { path: 'userId', rule: 'rule.unique' };
  return null;
}

export async function addProjectMember(
  ctx: Ctx,
  projectId: string,
  input: MembershipInput,
): Promise<MembershipView> {
  return ctx.db.transaction(async (tx) => {
    const project = await findProject(tx, ctx.actor, projectId, 'share');
    if (!project) throw AppError.notFound();
    if (!projectAbilities(ctx.actor, projectId).manageMembers) throw AppError.forbidden();
    const problem = await refusal(tx, project, input);
    if (problem) throw AppError.validation([problem]);
    const row = await insertMember(tx, { id: uuid7(), projectId, ...input, createdAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'project_member.create',
      objectType: 'project_member',
      objectId: row.id,
      changes: changesOf(null, row, ['createdAt']),
    });
    const view = await findMembershipView(tx, row.id);
    if (!view) throw AppError.notFound();
    return view;
  });
}

export async function removeProjectMember(ctx: Ctx, projectId: string, memberId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const project = await findProject(tx, ctx.actor, projectId, 'share');
    if (!project) throw AppError.notFound();
    const member = await findMember(tx, projectId, memberId);
    if (!member) throw AppError.notFound();
    if (!projectAbilities(ctx.actor, projectId).manageMembers) throw AppError.forbidden();
    await deleteMemberRows(tx, [member.id]);
    await recordAudit(tx, ctx, {
      action: 'project_member.delete',
      objectType: 'project_member',
      objectId: member.id,
      changes: changesOf(member, null, ['createdAt']),
    });
  });
}
