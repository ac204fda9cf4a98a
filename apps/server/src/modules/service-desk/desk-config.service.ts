import { projectAbilities, validateMatrix } from '@opsdesk/domain';
import type { PriorityMatrix } from '@opsdesk/domain';
import type {
  DeskSettingsPutSchema,
  RoutingRuleCreateSchema,
  RoutingRuleUpdateSchema,
  TicketCategoryCreateSchema,
  TicketCategoryUpdateSchema,
} from '@opsdesk/contracts';
import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import { routingRules, ticketCategories } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { definedOnly } from '../../lib/patch.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { findCalendar } from '../calendars/calendar.repository.js';
import { findVisibleProject, teamExists } from '../tickets/ticket.lookups.js';
import {
  categoryPath,
  deskSettings,
  findCategory,
  findRoutingRule,
  listCategories,
  listRoutingRules,
  putDeskSettings,
} from './desk.repository.js';
import { configWrite, createConfigRow } from './desk-cache.js';

/** The project, if visible (else 404); `manage` also requires the project's managers or the admin (else 403). */
export async function deskProject(ctx: Ctx, projectId: string, manage = false) {
  const p = await findVisibleProject(ctx.db, ctx.actor, projectId);
  if (!p) throw AppError.notFound();
  if (manage && !projectAbilities(ctx.actor, projectId).update) throw AppError.forbidden();
  return p;
}

/** Staff configuration (rules, policies) is not shown to customer contacts or subcontractor staff. */
export async function staffDeskProject(ctx: Ctx, projectId: string) {
  const p = await deskProject(ctx, projectId);
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  return p;
}

// ── Categories ───────────────────────────────────────────────────────────────
export async function categoriesOf(ctx: Ctx, projectId: string) {
  await deskProject(ctx, projectId);
  return listCategories(ctx.db, projectId);
}

export async function createCategory(
  ctx: Ctx,
  projectId: string,
  input: z.output<typeof TicketCategoryCreateSchema>,
) {
  await deskProject(ctx, projectId, true);
  if (input.parentId) {
    const parent = await findCategory(ctx.db, input.parentId);
    if (!parent || parent.projectId !== projectId) throw AppError.field('parentId', 'rule.unknownReference');
  }
  return createConfigRow(
    ctx,
    ticketCategories,
    { projectId, ...input },
    {
      action: 'ticketCategory.create',
      objectType: 'ticket_category',
    },
  );
}

export async function updateCategory(
  ctx: Ctx,
  id: string,
  patch: z.output<typeof TicketCategoryUpdateSchema>,
) {
  return configWrite(
    ctx,
    ctx.db.transaction(async (tx) => {
      const before = await findCategory(tx, id, true);
      if (!before || !(await findVisibleProject(tx, ctx.actor, before.projectId))) throw AppError.notFound();
      if (!projectAbilities(ctx.actor, before.projectId).update) throw AppError.forbidden();
      if (patch.parentId) {
        const parent = await findCategory(tx, patch.parentId);
        if (!parent || parent.projectId !== before.projectId)
          throw AppError.field('parentId', 'rule.unknownReference');
        if ((await categoryPath(tx, patch.parentId)).includes(id))
          throw AppError.field('parentId', 'rule.categoryCycle');
      }
      const [after] = await tx
        .update(ticketCategories)
        .set({ ...definedOnly(patch), updatedAt: ctx.now })
        .where(eq(ticketCategories.id, id))
        .returning();
      await recordAudit(tx, ctx, {
        action: 'ticketCategory.update',
        objectType: 'ticket_category',
        objectId: id,
        changes: changesOf(before, after!),
      });
      return after!;
    }),
  );
}

// ── Settings: priority matrix and service hours ──────────────────────────────
export async function settingsOf(ctx: Ctx, projectId: string) {
  await staffDeskProject(ctx, projectId);
  return {
    projectId,
    ...(await deskSettings(ctx.db, projectId)),
    canUpdate: projectAbilities(ctx.actor, projectId).update,
  };
}

export async function updateSettings(
  ctx: Ctx,
  projectId: string,
  input: z.output<typeof DeskSettingsPutSchema>,
) {
  await deskProject(ctx, projectId, true);
  if (input.priorityMatrix && validateMatrix(input.priorityMatrix as PriorityMatrix).length)
    throw AppError.field('priorityMatrix', 'rule.matrixNotMonotone');
  if (input.serviceCalendarId) {
    const cal = await findCalendar(ctx.db, ctx.actor, input.serviceCalendarId);
    if (!cal || (cal.projectId !== null && cal.projectId !== projectId))
      throw AppError.field('serviceCalendarId', 'rule.calendarNotUsable');
  }
  return configWrite(
    ctx,
    ctx.db.transaction(async (tx) => {
      const before = await deskSettings(tx, projectId);
      const next = {
        priorityMatrix: (input.priorityMatrix as PriorityMatrix | undefined) ?? before.priorityMatrix,
        serviceCalendarId:
          input.serviceCalendarId === undefined ? before.serviceCalendarId : input.serviceCalendarId,
      };
      await putDeskSettings(tx, projectId, next, ctx.actor.userId, ctx.now);
      await recordAudit(tx, ctx, {
        action: 'serviceDesk.settings',
        objectType: 'project',
        objectId: projectId,
        changes: changesOf({ ...before }, { ...next, stored: true }),
      });
      return { projectId, ...next, stored: true, canUpdate: true };
    }),
  );
}

// ── Routing rules ────────────────────────────────────────────────────────────
async function checkRuleRefs(
  ctx: Ctx,
  projectId: string,
  r: { categoryId?: string | null | undefined; groupId?: string | undefined },
) {
  if (r.categoryId) {
    const c = await findCategory(ctx.db, r.categoryId);
    if (!c || c.projectId !== projectId) throw AppError.field('categoryId', 'rule.categoryOfOtherProject');
  }
  if (r.groupId && !(await teamExists(ctx.db, r.groupId)))
    throw AppError.field('groupId', 'rule.teamNotFound');
}

export async function rulesOf(ctx: Ctx, projectId: string) {
  await staffDeskProject(ctx, projectId);
  return listRoutingRules(ctx.db, projectId);
}

export async function createRule(
  ctx: Ctx,
  projectId: string,
  input: z.output<typeof RoutingRuleCreateSchema>,
) {
  await deskProject(ctx, projectId, true);
  await checkRuleRefs(ctx, projectId, input);
  return createConfigRow(
    ctx,
    routingRules,
    { projectId, ...input },
    {
      action: 'routingRule.create',
      objectType: 'routing_rule',
    },
  );
}

export async function updateRule(ctx: Ctx, id: string, patch: z.output<typeof RoutingRuleUpdateSchema>) {
  return configWrite(
    ctx,
    ctx.db.transaction(async (tx) => {
      const before = await findRoutingRule(tx, id, true);
      if (
        !before ||
        !(await findVisibleProject(tx, ctx.actor, before.projectId)) ||
        ctx.actor.kind !== 'staff'
      )
        throw AppError.notFound();
      if (!projectAbilities(ctx.actor, before.projectId).update) throw AppError.forbidden();
      await checkRuleRefs(ctx, before.projectId, patch);
      const [after] = await tx
        .update(routingRules)
        .set({ ...definedOnly(patch), updatedAt: ctx.now })
        .where(eq(routingRules.id, id))
        .returning();
      await recordAudit(tx, ctx, {
        action: 'routingRule.update',
        objectType: 'routing_rule',
        objectId: id,
        changes: changesOf(before, after!),
      });
      return after!;
    }),
  );
}

export async function deleteRule(ctx: Ctx, id: string) {
  await configWrite(
    ctx,
    ctx.db.transaction(async (tx) => {
      const before = await findRoutingRule(tx, id, true);
      if (
        !before ||
        !(await findVisibleProject(tx, ctx.actor, before.projectId)) ||
        ctx.actor.kind !== 'staff'
      )
        throw AppError.notFound();
      if (!projectAbilities(ctx.actor, before.projectId).update) throw AppError.forbidden();
      await tx.delete(routingRules).where(eq(routingRules.id, id));
      await recordAudit(tx, ctx, {
        action: 'routingRule.delete',
        objectType: 'routing_rule',
        objectId: id,
        changes: changesOf(before, null),
      });
    }),
  );
}
