import { organisationAbilities, systemAbilities } from '@opsdesk/domain';
import type { CustomerCreateSchema, CustomerListQuery, CustomerUpdateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { definedOnly } from '../../lib/patch.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import {
  deleteCustomerRow,
  findCustomer,
  insertCustomer,
  listCustomers,
  updateCustomerRow,
} from './customer.repository.js';
import type { CustomerRow } from './customer.repository.js';

export function listCustomersFor(ctx: Ctx, query: z.output<typeof CustomerListQuery>) {
  return listCustomers(ctx.db, ctx.actor, query);
}

export async function getCustomer(ctx: Ctx, id: string): Promise<CustomerRow> {
  const row = await findCustomer(ctx.db, ctx.actor, id);
  if (!row) throw AppError.notFound();
  return row;
}

export async function createCustomer(
  ctx: Ctx,
  input: z.output<typeof CustomerCreateSchema>,
): Promise<CustomerRow> {
  if (!systemAbilities(ctx.actor).manageOrganisation) throw AppError.forbidden();
  return ctx.db.transaction(async (tx) => {
    const row = await insertCustomer(tx, { id: uuid7(), ...input, createdAt: ctx.now, updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'customer.create',
      objectType: 'customer',
      objectId: row.id,
      changes: changesOf(null, row),
    });
    return row;
  });
}

export async function updateCustomer(
  ctx: Ctx,
  id: string,
  patch: z.output<typeof CustomerUpdateSchema>,
): Promise<CustomerRow> {
  return ctx.db.transaction(async (tx) => {
    const before = await findCustomer(tx, ctx.actor, id, true);
    if (!before) throw AppError.notFound();
    if (!organisationAbilities(ctx.actor).update) throw AppError.forbidden();
    const after = await updateCustomerRow(tx, id, { ...definedOnly(patch), updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'customer.update',
      objectType: 'customer',
      objectId: id,
      changes: changesOf(before, after),
    });
    return after;
  });
}

export async function deleteCustomer(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findCustomer(tx, ctx.actor, id, true);
    if (!before) throw AppError.notFound();
    if (!organisationAbilities(ctx.actor).delete) throw AppError.forbidden();
    await deleteCustomerRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'customer.delete',
      objectType: 'customer',
      objectId: id,
      changes: changesOf(before, null),
    });
  });
}
