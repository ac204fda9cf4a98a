import { localDateAt, projectAbilities, systemAbilities } from '@opsdesk/domain';
import type { ProjectCreateSchema, ProjectListQuery, ProjectUpdateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { definedOnly } from '../../lib/patch.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import {
  countProjectDependents,
  customerExists,
  deleteProjectRow,
  findProject,
  insertProject,
  listProjects,
  updateProjectRow,
} from './project.repository.js';
import type { ProjectRow, ProjectView } from './project.repository.js';

export function listProjectsFor(ctx: Ctx, query: z.output<typeof ProjectListQuery>) {
  return listProjects(ctx.db, ctx.actor, query, localDateAt(ctx.now));
}

export async function getProject(ctx: Ctx, id: string): Promise<ProjectView> {
  const row = await findProject(ctx.db, ctx.actor, id);
  if (!row) throw AppError.notFound();
  return row;
}

/** The project as the actor sees it, re-read after a write in the same transaction. */
async function reread(tx: DbOrTx, ctx: Ctx, id: string): Promise<ProjectView> {
  const row = await findProject(tx, ctx.actor, id);
  if (!row) throw AppError.notFound();
  return row;
}

/** Audit rows hold the project's own columns only (the customer's name and the handover's mode are not the project's). */
const own = ({
  customerName: _customerName,
  chosenMode: _chosenMode,
  chosenVariant: _chosenVariant,
  ...row
}: ProjectView): ProjectRow => row;

export async function createProject(
  ctx: Ctx,
  input: z.output<typeof ProjectCreateSchema>,
): Promise<ProjectView> {
  if (!systemAbilities(ctx.actor).manageOrganisation) throw AppError.forbidden();
  return ctx.db.transaction(async (tx) => {
    if (!(await customerExists(tx, input.customerId)))
      throw AppError.field('customerId', 'rule.unknownReference');
    const row = await insertProject(tx, { id: uuid7(), ...input, createdAt: ctx.now, updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'project.create',
      objectType: 'project',
      objectId: row.id,
      changes: changesOf(null, row),
    });
    return reread(tx, ctx, row.id);
  });
}

export async function updateProject(
  ctx: Ctx,
  id: string,
  patch: z.output<typeof ProjectUpdateSchema>,
): Promise<ProjectView> {
  return ctx.db.transaction(async (tx) => {
    const before = await findProject(tx, ctx.actor, id, 'update');
    if (!before) throw AppError.notFound();
    if (!projectAbilities(ctx.actor, id).update) throw AppError.forbidden();
    const changes = definedOnly(patch);
    // The schema checks the order of the dates it is sent; one date against the stored other is checked here.
    const startDate = changes.startDate === undefined ? before.startDate : changes.startDate;
    const endDate = changes.endDate === undefined ? before.endDate : changes.endDate;
    if (startDate && endDate && endDate < startDate) throw AppError.field('endDate', 'rule.endBeforeStart');
    const after = await updateProjectRow(tx, id, { ...changes, updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'project.update',
      objectType: 'project',
      objectId: id,
      changes: changesOf(own(before), after),
    });
    return reread(tx, ctx, id);
  });
}

/**
 * Deletes a project. Its memberships and engagements go with it (they are part of the project);
 * anything else that refers to it (tickets, work orders …) refuses the delete with 409 IN_USE.
 */
export async function deleteProject(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findProject(tx, ctx.actor, id, 'update');
    if (!before) throw AppError.notFound();
    if (!projectAbilities(ctx.actor, id).delete) throw AppError.forbidden();
    const removed = await countProjectDependents(tx, id);
    await deleteProjectRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'project.delete',
      objectType: 'project',
      objectId: id,
      changes: changesOf(own(before), null),
      detail: { removedMembers: removed.members, removedSubcontractors: removed.subcontractors },
    });
  });
}
