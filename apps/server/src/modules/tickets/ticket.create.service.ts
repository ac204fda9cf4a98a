import {
  availableActions,
  canRaiseTicket,
  instant,
  isWorkingTime,
  needsOnDuty,
  priorityFor,
  routeTicket,
  searchDocument,
  ticketAbilities,
  ticketRelations,
} from '@opsdesk/domain';
import type { ActorRelation, Impact, TicketChannel, Urgency } from '@opsdesk/domain';
import type { TicketCreateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { changesOf } from '../audit/audit.record.js';
import { CalendarResolver } from '../calendars/calendar.definition.js';
import { MAIL_JOB } from '../mail/mail.outbox.js';
import { cachedLifecycle, categoryPathOf, deskSnapshot } from '../service-desk/desk-cache.js';
import { categoryPath, isAway } from '../service-desk/desk.repository.js';
import { planClocks } from '../sla/sla.clocks.js';
import { pickPolicy } from '../sla/sla.policy.repository.js';
import { createFacts, writeTicket } from './ticket.create.write.js';
import type { TicketWrite, TicketWritten } from './ticket.create.write.js';
import { writeTicketBatched } from './ticket.write-batch.js';
import { whoId } from './ticket.history.js';
import { Lifecycles } from './ticket.lifecycle.js';
import { takeTicketNumber } from './ticket.numbers.js';
import { assignableOnProject, teamExists, userFacts } from './ticket.lookups.js';
import { onDutyUser } from './on-duty.js';
import { findTicketView } from './ticket.repository.js';
import type { TicketRow } from './ticket.repository.js';
import type { TicketDetail } from './ticket.read.service.js';
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

/** The new ticket, and its detail when it could be built from what was written (else re-read it). */
export interface RaisedTicket {
  row: TicketRow;
  detail: TicketDetail | null;
}

export async function createTicket(
  ctx: Ctx,
  input: z.output<typeof TicketCreateSchema>,
  opts: CreateTicketOptions = {},
): Promise<TicketRow> {
  return (await raiseTicket(ctx, input, opts)).row;
}

/**
 * Raises a ticket: validated, numbered, routed, both SLA clocks started, history and audit row
 * written in one transaction, the group told. Round trips (docs/decisions/0203–0206): the desk
 * configuration comes from the node's cache (desk-cache.ts); one read, shared with the tickets
 * raised at the same moment, gives the project (checked against the caller's scope by the scope
 * rule) and the requester; the number comes from the node's reserve (ticket.numbers.ts) and the
 * rest is written with the other tickets raised on the node at the same time
 * (ticket.write-batch.ts). Rarer inputs (watchers, a parent, a group or an assignee named by staff,
 * the on-duty rule) take their own reads, and an assignee at intake runs the lifecycle's `assign`
 * in the same transaction as before.
 */
export async function raiseTicket(
  ctx: Ctx,
  input: z.output<typeof TicketCreateSchema>,
  opts: CreateTicketOptions = {},
): Promise<RaisedTicket> {
  const { actor } = ctx;
  const contact = actor.kind === 'customer_contact';
  const desk = await deskSnapshot(ctx.deps, ctx.db, input.projectId, ctx.now);
  const staffRequesterId = !contact && input.requesterId ? input.requesterId : null;
  // The checks below run in this order (the API's): project, right to raise, requester, category…
  const category = input.categoryId ? (desk.categories.get(input.categoryId) ?? null) : null;
  const categoryOk =
    !input.categoryId || (category !== null && category.projectId === input.projectId && category.active);
  const facts = await createFacts(ctx.db, actor, input.projectId, staffRequesterId);
  const project = facts.project;
  if (!project) throw AppError.field('projectId', 'rule.unknownReference');
  if (!opts.trusted && !canRaiseTicket(actor, project.id)) throw AppError.forbidden();
  if (contact && (input.groupId || input.assigneeId || input.watcherIds.length || input.parentId))
    throw AppError.forbidden();

  let requesterId: string | null = null;
  let requesterName: string | null = null;
  if (contact) {
    if (input.requesterId && input.requesterId !== actor.userId)
      throw AppError.field('requesterId', 'rule.notYourTicket');
    requesterId = actor.userId;
    requesterName = ctx.actorName;
  } else if (input.requesterId) {
    const u = facts.requester;
    if (!u || u.disabled || u.kind !== 'customer_contact' || u.customerId !== project.customerId)
      throw AppError.field('requesterId', 'rule.notAContactOfCustomer');
    requesterId = u.id;
    requesterName = u.displayName;
  }
  const channel: TicketChannel =
    input.channel ?? (ctx.credential === 'token' ? 'api' : contact ? 'portal' : 'phone');

  // The snapshot holds this project's categories only: another project's is not found, as before.
  if (!categoryOk) throw AppError.field('categoryId', 'rule.categoryOfOtherProject');
  const path =
    categoryPathOf(desk, category?.id ?? null) ?? (await categoryPath(ctx.db, category?.id ?? null));
  const settings = desk.settings;
  const priority = priorityFor(settings.priorityMatrix, input.impact as Impact, input.urgency as Urgency, {
    businessStopped: input.businessStopped,
  });

  const parent = input.parentId ? await findTicketView(ctx.db, actor, input.parentId) : null;
  if (input.parentId && (!parent || parent.ticket.projectId !== project.id))
    throw AppError.field('parentId', 'rule.ticketOfOtherProject');
  if (input.groupId && !(await teamExists(ctx.db, input.groupId)))
    throw AppError.field('groupId', 'rule.groupNotFound');
  if (input.assigneeId && !(await assignableOnProject(ctx.db, project.id, input.assigneeId)))
    throw AppError.field('assigneeId', 'rule.notProjectStaff');
  const watcherIds = [...new Set(input.watcherIds)];
  for (const [i, w] of input.watcherIds.entries()) {
    const u = await userFacts(ctx.db, w);
    if (!u || u.disabled) throw AppError.field(`watcherIds.${i}`, 'rule.unknownReference');
  }

  // Routing: a group named by staff wins; else the first matching rule. A P1 outside service hours goes to whoever is on duty.
  let groupId = input.groupId ?? null;
  let routedBy: string | null = null;
  if (!groupId) {
    const rule = routeTicket(desk.rules, {
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
  const resolver = new CalendarResolver(ctx.db, ctx.now, desk.calendars);
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

  const def = await cachedLifecycle(ctx.deps, ctx.db, input.kind);
  const initial = def.states.find((s) => s.key === def.initial)!;
  const id = uuid7(ctx.now.getTime());
  // The row but its number: drawn last, by the batch that writes it (or just before a transaction).
  const unnumbered: TicketRow = {
    id,
    number: '',
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
    pendingReason: null,
    groupId,
    assigneeId: null,
    tags: [...new Set(input.tags)],
    parentId: input.parentId ?? null,
    mergedIntoId: null,
    resolutionCode: null,
    resolutionText: null,
    respondedAt: null,
    resolvedAt: null,
    closedAt: null,
    slaDueAt: null,
    slaBreached: false,
    emergencyCheckAt: input.businessStopped ? new Date(ctx.now.getTime() + EMERGENCY_AFTER_MS) : null,
    satisfactionRating: null,
    satisfactionComment: null,
    ratedAt: null,
    extra: {},
    searchTokens: '',
    createdBy: actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const clocks = await planClocks(resolver, pickPolicy(desk.policies, input.kind, path), unnumbered, ctx.now);
  // History lists by (at, id): ids drawn in one millisecond must still sort in the order written.
  const eventIds = [uuid7(), uuid7()].sort();
  const event = (
    id: string,
    type: string,
    data: Record<string, unknown>,
    visibility: 'public' | 'internal',
  ) => ({
    id,
    at: ctx.now,
    actorId: whoId(ctx),
    actorName: ctx.actorName ?? 'system',
    type,
    visibility,
    data,
  });
  const toWrite = (number: string): TicketWrite => {
    const inserted = {
      ...unnumbered,
      number,
      searchTokens: searchDocument([number, input.title, input.description]),
    };
    return {
      // The row as it stands once its clocks are mirrored onto it (sla.clocks.ts `syncTicketSla`).
      ticket: { ...inserted, slaDueAt: clocks.slaDueAt, slaBreached: clocks.slaBreached },
      watcherIds,
      events: [
        event(eventIds[0]!, 'created', { number, kind: input.kind, priority, channel, groupId }, 'public'),
        ...(routedBy ? [event(eventIds[1]!, 'routed', { ruleId: routedBy, groupId }, 'internal')] : []),
      ],
      audit: {
        at: ctx.now,
        actorId: actor.userId,
        actorName: ctx.actorName,
        ip: ctx.ip,
        requestId: ctx.requestId,
        action: 'ticket.create',
        objectType: 'ticket',
        objectId: id,
        // The row as inserted, before its clocks were mirrored onto it (as the audit always read).
        changes: changesOf(null, auditable(inserted)),
      },
      clocks: clocks.rows,
      notifyGroupId: groupId && !assigneeId ? groupId : null,
      actorId: actor.userId,
      groupId,
      now: ctx.now,
    };
  };

  // A ticket written in a transaction takes its number alone, before that transaction (0203).
  const numberedAlone = async () => toWrite(await takeTicketNumber(ctx.deps, input.kind, ctx.now));

  if (assigneeId) {
    // Assigning at intake is the lifecycle's own `assign`, taken by the desk (staff, or the on-duty rule).
    const who = assigneeId;
    const w = await numberedAlone();
    const row = await ctx.db.transaction(async (tx) => {
      await writeTicket(tx, w);
      const relations: ActorRelation[] = ['agent'];
      return runTransition(
        { tx, who: ctx, resolver, lifecycles: new Lifecycles(tx) },
        w.ticket,
        'assign',
        { assigneeId: who, ...(onDuty ? { reason: 'on_duty' } : {}) },
        relations,
      );
    });
    await kickMail(ctx);
    return { row, detail: null };
  }

  // Outside a caller's transaction the ticket is numbered and written with the others raised on
  // this node at the same time (group commit, ticket.write-batch.ts).
  let write: TicketWrite;
  let written: TicketWritten;
  if (ctx.db === ctx.deps.db)
    ({ write, written } = await writeTicketBatched(ctx.deps, {
      kind: input.kind,
      now: ctx.now,
      build: toWrite,
    }));
  else {
    write = await numberedAlone();
    written = await writeTicket(ctx.db, write);
  }
  const row = write.ticket;
  if (written.mailed > 0) await kickMail(ctx);
  if (watcherIds.length || parent) return { row, detail: null };
  // The answer, built from what was written (no re-read): a new ticket has no assignee, links or children.
  const ticketFacts = {
    projectId: row.projectId,
    requesterId: row.requesterId,
    assigneeId: null,
    groupId: row.groupId,
    assigneeSubcontractorId: null,
    stateCategory: row.stateCategory,
    rated: false,
  };
  const relations = ticketRelations(actor, ticketFacts, written.actorInGroup);
  return {
    row,
    detail: {
      view: {
        ticket: row,
        requesterName,
        assigneeName: null,
        assigneeSubcontractorId: null,
        groupName: written.groupName,
        categoryName: category?.name ?? null,
      },
      def,
      relations,
      abilities: ticketAbilities(actor, ticketFacts, relations),
      actions: availableActions(def, row.state, relations, { now: ctx.now.getTime(), resolvedAt: null }),
      watchers: [],
      parent: null,
      mergedInto: null,
      children: [],
      links: [],
    },
  };
}
