import { eq } from 'drizzle-orm';
import { projectAbilities } from '@opsdesk/domain';
import type { SlaPolicyCreateSchema, SlaPolicyUpdateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import { slaPolicies } from '../../db/schema/index.js';
import type { StoredTargets } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { definedOnly } from '../../lib/patch.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { findCalendar } from '../calendars/calendar.repository.js';
import { deskProject, staffDeskProject } from '../service-desk/desk-config.service.js';
import { findCategory } from '../service-desk/desk.repository.js';
import { findVisibleProject, teamExists } from '../tickets/ticket.lookups.js';
import { findPolicy, listPolicies } from './sla.policy.repository.js';
import type { SlaPolicyRow } from './sla.policy.repository.js';
import { configWrite, createConfigRow } from '../service-desk/desk-cache.js';

type Targets = z.output<typeof SlaPolicyCreateSchema>['targets'];

function storedTargets(t: Targets): StoredTargets {
  const out: StoredTargets = {};
  for (const p of ['1', '2', '3', '4'] as const) {
    const v = t[p];
    if (v && (v.response !== null || v.resolution !== null))
      out[p] = { response: v.response, resolution: v.resolution };
  }
  if (!Object.keys(out).length) throw AppError.field('targets', 'rule.noTargets');
  return out;
}

async function checkRefs(
  ctx: Ctx,
  projectId: string,
  input: {
    calendarId?: string | undefined;
    categoryId?: string | null | undefined;
    escalations?: { reassignGroupId: string | null }[] | undefined;
  },
) {
  if (input.calendarId) {
    const cal = await findCalendar(ctx.db, ctx.actor, input.calendarId);
    if (!cal || (cal.projectId !== null && cal.projectId !== projectId))
      throw AppError.field('calendarId', 'rule.calendarNotUsable');
  }
  if (input.categoryId) {
    const c = await findCategory(ctx.db, input.categoryId);
    if (!c || c.projectId !== projectId) throw AppError.field('categoryId', 'rule.categoryOfOtherProject');
  }
  for (const [i, e] of (input.escalations ?? []).entries()) {
    if (e.reassignGroupId && !(await teamExists(ctx.db, e.reassignGroupId)))
      throw AppError.field(`escalations.${i}.reassignGroupId`, 'rule.teamNotFound');
  }
}

export async function policiesOf(ctx: Ctx, projectId: string) {
  await staffDeskProject(ctx, projectId);
  return listPolicies(ctx.db, projectId);
}

async function visiblePolicy(ctx: Ctx, id: string, lock = false): Promise<SlaPolicyRow> {
  const p = await findPolicy(ctx.db, id, lock);
  if (!p || ctx.actor.kind !== 'staff' || !(await findVisibleProject(ctx.db, ctx.actor, p.projectId)))
    throw AppError.notFound();
  return p;
}

export const getPolicy = (ctx: Ctx, id: string) => visiblePolicy(ctx, id);

/** New tickets take the policy; running clocks keep the target they started with until the ticket's priority or category changes. */
export async function createPolicy(
  ctx: Ctx,
  projectId: string,
  input: z.output<typeof SlaPolicyCreateSchema>,
) {
  await deskProject(ctx, projectId, true);
  await checkRefs(ctx, projectId, input);
  const targets = storedTargets(input.targets);
  return createConfigRow(
    ctx,
    slaPolicies,
    { projectId, ...input, targets },
    {
      action: 'slaPolicy.create',
      objectType: 'sla_policy',
    },
  );
}

export async function updatePolicy(ctx: Ctx, id: string, patch: z.output<typeof SlaPolicyUpdateSchema>) {
  const before = await visiblePolicy(ctx, id);
  if (!projectAbilities(ctx.actor, before.projectId).update) throw AppError.forbidden();
  await checkRefs(ctx, before.projectId, patch);
  const changes = {
    ...definedOnly(patch),
    ...(patch.targets ? { targets: storedTargets(patch.targets) } : {}),
  };
  return configWrite(
    ctx,
    ctx.db.transaction(async (tx) => {
      const [after] = await tx
        .update(slaPolicies)
        .set({ ...changes, updatedAt: ctx.now })
        .where(eq(slaPolicies.id, id))
        .returning();
      await recordAudit(tx, ctx, {
        action: 'slaPolicy.update',
        objectType: 'sla_policy',
        objectId: id,
        changes: changesOf(before, after!),
      });
      return after!;
    }),
  );
}

export async function deletePolicy(ctx: Ctx, id: string) {
  const before = await visiblePolicy(ctx, id);
  if (!projectAbilities(ctx.actor, before.projectId).update) throw AppError.forbidden();
  await configWrite(
    ctx,
    ctx.db.transaction(async (tx) => {
      await tx.delete(slaPolicies).where(eq(slaPolicies.id, id));
      await recordAudit(tx, ctx, {
        action: 'slaPolicy.delete',
        objectType: 'sla_policy',
        objectId: id,
        changes: changesOf(before, null),
      });
    }),
  );
}
