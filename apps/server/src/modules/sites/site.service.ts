import { organisationAbilities, systemAbilities } from '@opsdesk/domain';
import type { SiteCreateSchema, SiteListQuery, SiteUpdateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { definedOnly } from '../../lib/patch.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import {
  deleteSiteRow,
  findSite,
  findVisibleCustomer,
  insertSite,
  listSites,
  updateSiteRow,
} from './site.repository.js';
import type { SiteView } from './site.repository.js';

/** Not audited: timestamps, and the joined customer name (the customer's own audit has it). */
const IGNORED = ['createdAt', 'updatedAt', 'customerName'];

export function listSitesFor(ctx: Ctx, query: z.output<typeof SiteListQuery>) {
  return listSites(ctx.db, ctx.actor, query);
}

export async function getSite(ctx: Ctx, id: string): Promise<SiteView> {
  const row = await findSite(ctx.db, ctx.actor, id);
  if (!row) throw AppError.notFound();
  return row;
}

export async function createSite(ctx: Ctx, input: z.output<typeof SiteCreateSchema>): Promise<SiteView> {
  if (!systemAbilities(ctx.actor).manageOrganisation) throw AppError.forbidden();
  return ctx.db.transaction(async (tx) => {
    // A customer outside the actor's scope is as unknown as one that does not exist.
    const customer = await findVisibleCustomer(tx, ctx.actor, input.customerId);
    if (!customer) throw AppError.field('customerId', 'rule.unknownReference');
    const row = await insertSite(tx, { id: uuid7(), ...input, createdAt: ctx.now, updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'site.create',
      objectType: 'site',
      objectId: row.id,
      changes: changesOf(null, row),
    });
    return { ...row, customerName: customer.name };
  });
}

export async function updateSite(
  ctx: Ctx,
  id: string,
  patch: z.output<typeof SiteUpdateSchema>,
): Promise<SiteView> {
  return ctx.db.transaction(async (tx) => {
    const before = await findSite(tx, ctx.actor, id, true);
    if (!before) throw AppError.notFound();
    if (!organisationAbilities(ctx.actor).update) throw AppError.forbidden();
    const after = await updateSiteRow(tx, id, { ...definedOnly(patch), updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'site.update',
      objectType: 'site',
      objectId: id,
      changes: changesOf(before, after, IGNORED),
    });
    return { ...after, customerName: before.customerName };
  });
}

export async function deleteSite(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findSite(tx, ctx.actor, id, true);
    if (!before) throw AppError.notFound();
    if (!organisationAbilities(ctx.actor).delete) throw AppError.forbidden();
    await deleteSiteRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'site.delete',
      objectType: 'site',
      objectId: id,
      changes: changesOf(before, null, IGNORED),
    });
  });
}
