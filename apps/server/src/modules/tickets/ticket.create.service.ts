import {
  canRaiseTicket,
  instant,
  isWorkingTime,
  needsOnDuty,
  priorityFor,
  routeTicket,
  searchDocument,
} from '@opsdesk/domain';
import type { ActorRelation, Impact, TicketChannel, Urgency } from '@opsdesk/domain';
import type { TicketCreateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { CalendarResolver } from '../calendars/calendar.definition.js';
import { MAIL_JOB } from '../mail/mail.outbox.js';
import {
  asEngineRule,
  categoryPath,
  deskSettings,
  findCategory,
  isAway,
  listRoutingRules,
} from '../service-desk/desk.repository.js';
import { startClocks } from '../sla/sla.clocks.js';
import { recordTicketEvent } from './ticket.history.js';
import { Lifecycles, nextTicketNumber } from './ticket.lifecycle.js';
import {
  assignableOnProject,
  findVisibleProject,
  groupMemberIds,
  teamExists,
  userFacts,
} from './ticket.lookups.js';
import { notifyTicket } from './ticket.notify.js';
import { onDutyUser } from './on-duty.js';
import { addWatchers, findTicketView, insertTicket } from './ticket.repository.js';
import type { TicketRow } from './ticket.repository.js';
import { runTransition } from './ticket.transition.js';

/** The seed's rule: a business stopped 12 hours after the ticket was raised calls for an emergency plan. */
export const EMERGENCY_AFTER_MS = 12 * 3_600_000;
export const EMERGENCY_PLAN_DUE_MS = 24 * 3_600_000;

/** Audit rows leave out the search tokens (derived data). */
export const auditable = ({ searchTokens: _s, ...row }: TicketRow) => row;

/** After commit: send the mail the change queued (a job; inline in tests). */
export async function kickMail(ctx: { deps: Ctx['deps'] }): Promise<void> {
  await ctx.deps.jobs.send(MAIL_JOB, {}).catch(() => undefined);
}

export interface CreateTicketOptions {
  /**
   * Another module raises the ticket by its own rule and has checked the actor's right to do what
   * raised it (an inspection's abnormal reading entered by a field engineer raises an incident;
   * docs/decisions/0400). The project must still be visible to the actor.
   */
  trusted?: boolean;
}

export async function createTicket(
  ctx: Ctx,
  input: z.output<typeof TicketCreateSchema>,
  opts: CreateTicketOptions = {},
): Promise<TicketRow> {
  const { actor } = ctx;
  const project = await findVisibleProject(ctx.db, actor, input.projectId);
  if (!project) throw AppError.field('projectId', 'rule.unknownReference');
  if (!opts.trusted && !canRaiseTicket(actor, project.id)) throw AppError.forbidden();
  const contact = actor.kind === 'customer_contact';
  if (contact && (input.groupId || input.assigneeId || input.watcherIds.length || input.parentId))
    throw AppError.forbidden();

  let requesterId: string | null = null;
  if (contact) {
    if (input.requesterId && input.requesterId !== actor.userId)
      throw AppError.field('requesterId', 'rule.notYourTicket');
    requesterId = actor.userId;
  } else if (input.requesterId) {
    const u = await userFacts(ctx.db, input.requesterId);
    if (!u || u.disabled || u.kind !== 'customer_contact' || u.customerId !== project.customerId)
      throw AppError.field('requesterId', 'rule.notAContactOfCustomer');
    requesterId = u.id;
  }
  const channel: TicketChannel =
    input.channel ?? (ctx.credential === 'token' ? 'api' : contact ? 'portal' : 'phone');

  const category = input.categoryId ? await findCategory(ctx.db, input.categoryId) : null;
  if (input.categoryId && (!category || category.projectId !== project.id || !category.active))
    throw AppError.field('categoryId', 'rule.categoryOfOtherProject');
  const path = await categoryPath(ctx.db, category?.id ?? null);
  const settings = await deskSettings(ctx.db, project.id);
  const priority = priorityFor(settings.priorityMatrix, input.impact as Impact, input.urgency as Urgency, {
    businessStopped: input.businessStopped,
  });

  if (input.parentId) {
    const parent = await findTicketView(ctx.db, actor, input.parentId);
    if (!parent || parent.ticket.projectId !== project.id)
      throw AppError.field('parentId', 'rule.ticketOfOtherProject');
  }
  if (input.groupId && !(await teamExists(ctx.db, input.groupId)))
    throw AppError.field('groupId', 'rule.groupNotFound');
  if (input.assigneeId && !(await assignableOnProject(ctx.db, project.id, input.assigneeId)))
    throw AppError.field('assigneeId', 'rule.notProjectStaff');
  for (const [i, w] of input.watcherIds.entries()) {
    const u = await userFacts(ctx.db, w);
    if (!u || u.disabled) throw AppError.field(`watcherIds.${i}`, 'rule.unknownReference');
  }

  // Routing: a group named by staff wins; else the first matching rule. A P1 outside service hours goes to whoever is on duty.
  let groupId = input.groupId ?? null;
  let routedBy: string | null = null;
  if (!groupId) {
    const rule = routeTicket((await listRoutingRules(ctx.db, project.id)).map(asEngineRule), {
      kind: input.kind,
      channel,
      categoryPath: path,
      title: input.title,
      description: input.description,
      businessStopped: input.businessStopped,
    });
    if (rule) {
      groupId = rule.groupId;
      routedBy = rule.id;
    }
  }
  const resolver = new CalendarResolver(ctx.db, ctx.now);
  let assigneeId = input.assigneeId ?? null;
  let onDuty = false;
  if (!assigneeId && settings.serviceCalendarId) {
    const inHours = isWorkingTime(
      await resolver.definition(settings.serviceCalendarId),
      instant(ctx.now.getTime()),
    );
    if (needsOnDuty(priority, inHours)) {
      const duty = await onDutyUser(ctx.db, project.id, ctx.now);
      if (
        duty &&
        !(await isAway(ctx.db, duty, ctx.now)) &&
        (await assignableOnProject(ctx.db, project.id, duty))
      ) {
        assigneeId = duty;
        onDuty = true;
      }
    }
  }

  const lifecycles = new Lifecycles(ctx.db);
  const def = await lifecycles.get(input.kind);
  const initial = def.states.find((s) => s.key === def.initial)!;
  const number = await nextTicketNumber(ctx.deps.db, input.kind, ctx.now);
  const id = uuid7(ctx.now.getTime());

  const created = await ctx.db.transaction(async (tx) => {
    let row = await insertTicket(tx, {
      id,
      number,
      kind: input.kind,
      projectId: project.id,
      requesterId,
      channel,
      categoryId: category?.id ?? null,
      impact: input.impact,
      urgency: input.urgency,
      priority,
      businessStopped: input.businessStopped,
      title: input.title,
      description: input.description,
      state: initial.key,
      stateCategory: initial.category,
      groupId,
      tags: [...new Set(input.tags)],
      parentId: input.parentId ?? null,
      searchTokens: searchDocument([number, input.title, input.description]),
      emergencyCheckAt: input.businessStopped ? new Date(ctx.now.getTime() + EMERGENCY_AFTER_MS) : null,
      createdBy: actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await addWatchers(tx, id, input.watcherIds, ctx.now);
    await recordTicketEvent(tx, ctx, id, 'created', { number, kind: input.kind, priority, channel, groupId });
    if (routedBy) await recordTicketEvent(tx, ctx, id, 'routed', { ruleId: routedBy, groupId }, 'internal');
    await recordAudit(tx, ctx, {
      action: 'ticket.create',
      objectType: 'ticket',
      objectId: id,
      changes: changesOf(null, auditable(row)),
    });
    await startClocks(tx, resolver, row, path, ctx.now);
    if (assigneeId) {
      // Assigning at intake is the lifecycle's own `assign`, taken by the desk (staff, or the on-duty rule).
      const relations: ActorRelation[] = ['agent'];
      row = await runTransition(
        { tx, who: ctx, resolver, lifecycles },
        row,
        'assign',
        { assigneeId, ...(onDuty ? { reason: 'on_duty' } : {}) },
        relations,
      );
    }
    if (groupId && !assigneeId) {
      await notifyTicket(tx, {
        userIds: await groupMemberIds(tx, groupId),
        exceptUserId: actor.userId,
        kind: 'ticket.groupAssigned',
        ticket: row,
        now: ctx.now,
      });
    }
    return row;
  });
  await kickMail(ctx);
  return created;
}
