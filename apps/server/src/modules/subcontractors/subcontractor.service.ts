import { organisationAbilities, systemAbilities } from '@opsdesk/domain';
import type {
  SubcontractorCreateSchema,
  SubcontractorListQuery,
  SubcontractorUpdateSchema,
} from '@opsdesk/contracts';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { definedOnly } from '../../lib/patch.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import {
  deleteSubcontractorRow,
  findSubcontractor,
  insertSubcontractor,
  listSubcontractors,
  updateSubcontractorRow,
} from './subcontractor.repository.js';
import type { SubcontractorRow } from './subcontractor.repository.js';

export function listSubcontractorsFor(ctx: Ctx, query: z.output<typeof SubcontractorListQuery>) {
  return listSubcontractors(ctx.db, ctx.actor, query);
}

export async function getSubcontractor(ctx: Ctx, id: string): Promise<SubcontractorRow> {
  const row = await findSubcontractor(ctx.db, ctx.actor, id);
  if (!row) throw AppError.notFound();
  return row;
}

export async function createSubcontractor(
  ctx: Ctx,
  input: z.output<typeof SubcontractorCreateSchema>,
): Promise<SubcontractorRow> {
  if (!systemAbilities(ctx.actor).manageOrganisation) throw AppError.forbidden();
  return ctx.db.transaction(async (tx) => {
    const row = await insertSubcontractor(tx, {
      id: uuid7(),
      ...input,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'subcontractor.create',
      objectType: 'subcontractor',
      objectId: row.id,
      changes: changesOf(null, row),
    });
    return row;
  });
}

export async function updateSubcontractor(
  ctx: Ctx,
  id: string,
  patch: z.output<typeof SubcontractorUpdateSchema>,
): Promise<SubcontractorRow> {
  return ctx.db.transaction(async (tx) => {
    const before = await findSubcontractor(tx, ctx.actor, id, true);
    if (!before) throw AppError.notFound();
    if (!organisationAbilities(ctx.actor).update) throw AppError.forbidden();
    const after = await updateSubcontractorRow(tx, id, { ...definedOnly(patch), updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'subcontractor.update',
      objectType: 'subcontractor',
      objectId: id,
      changes: changesOf(before, after),
    });
    return after;
  });
}

export async function deleteSubcontractor(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findSubcontractor(tx, ctx.actor, id, true);
    if (!before) throw AppError.notFound();
    if (!organisationAbilities(ctx.actor).delete) throw AppError.forbidden();
    await deleteSubcontractorRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'subcontractor.delete',
      objectType: 'subcontractor',
      objectId: id,
      changes: changesOf(before, null),
    });
  });
}
