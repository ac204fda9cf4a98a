import { canRaiseTicket, priorityFor, searchDocument, workOrderAbilities } from '@opsdesk/domain';
import type { Impact, Urgency } from '@opsdesk/domain';
import type {
  WorkOrderCheckInSchema,
  WorkOrderCompleteSchema,
  WorkOrderCreateSchema,
  WorkOrderDispatchSchema,
  WorkOrderUpdateSchema,
} from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx, Tx } from '../../db/client.js';
import { workOrders } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { FieldProblem } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { CalendarResolver } from '../calendars/calendar.definition.js';
import { deskSettings } from '../service-desk/desk.repository.js';
import { startClocks } from '../sla/sla.clocks.js';
import { relationsOf } from '../tickets/ticket.action.service.js';
import { auditable, kickMail } from '../tickets/ticket.create.service.js';
import { recordTicketEvent } from '../tickets/ticket.history.js';
import { Lifecycles } from '../tickets/ticket.lifecycle.js';
import { takeTicketNumber } from '../tickets/ticket.numbers.js';
import { assignableOnProject, findVisibleProject, teamExists, userFacts } from '../tickets/ticket.lookups.js';
import { findTicketView, insertTicket, lockTicket } from '../tickets/ticket.repository.js';
import type { TicketRow } from '../tickets/ticket.repository.js';
import { siteOfCustomer } from '../sites/site.repository.js';
import { runTransition } from '../tickets/ticket.transition.js';
import { areaOfSite, loadTargets } from './arrival.js';
import { isEngaged } from './work-order.hooks.js';
import {
  ensureWorkOrderRow,
  liveCisOfProject,
  setTicketCis,
  updateWorkOrderRow,
} from './work-order.repository.js';

export type WorkOrderInput = z.output<typeof WorkOrderCreateSchema>;

export interface PreparedWorkOrder {
  input: WorkOrderInput;
  projectId: string;
  requesterId: string | null;
  priority: number;
  number: string;
}

/** The checks shared by create and update: CIs, site, area, planned window. */
async function planProblems(
  db: DbOrTx,
  project: { id: string; customerId: string },
  v: {
    ciIds?: readonly string[] | undefined;
    siteId?: string | null | undefined;
    areaKey?: string | null | undefined;
    plannedStart?: string | Date | null | undefined;
    plannedEnd?: string | Date | null | undefined;
  },
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (v.ciIds?.length) {
    const live = await liveCisOfProject(db, project.id, v.ciIds);
    v.ciIds.forEach((id, i) => {
      if (!live.has(id)) problems.push({ path: `ciIds.${i}`, rule: 'rule.workOrder.ciNotInProject' });
    });
  }
  if (v.siteId && !(await siteOfCustomer(db, v.siteId, project.customerId)))
    problems.push({ path: 'siteId', rule: 'rule.workOrder.siteOfOtherCustomer' });
  if (v.areaKey && !(await loadTargets(db, project.id)).some((t) => t.areaKey === v.areaKey))
    problems.push({ path: 'areaKey', rule: 'rule.workOrder.unknownArea' });
  if (v.plannedStart && v.plannedEnd && new Date(v.plannedEnd) < new Date(v.plannedStart))
    problems.push({ path: 'plannedEnd', rule: 'rule.workOrder.plannedEndBeforeStart' });
  return problems;
}

/**
 * Everything a new work order needs that is read before its transaction: the checks (field errors
 * name each bad field) and its number (drawn on the pool, as every ticket's is).
 */
export async function prepareWorkOrder(ctx: Ctx, input: WorkOrderInput): Promise<PreparedWorkOrder> {
  const { actor } = ctx;
  const project = await findVisibleProject(ctx.db, actor, input.projectId);
  if (!project) throw AppError.field('projectId', 'rule.unknownReference');
  // The desk, engineers and managers of the project dispatch work; contacts and subcontractors do not.
  if (actor.kind !== 'staff' || !canRaiseTicket(actor, project.id)) throw AppError.forbidden();
  const problems = await planProblems(ctx.db, project, input);
  let requesterId: string | null = null;
  if (input.parentId) {
    const parent = await findTicketView(ctx.db, actor, input.parentId);
    if (!parent || parent.ticket.projectId !== project.id)
      problems.push({ path: 'parentId', rule: 'rule.ticketOfOtherProject' });
    else requesterId = parent.ticket.requesterId;
  }
  if (input.groupId && !(await teamExists(ctx.db, input.groupId)))
    problems.push({ path: 'groupId', rule: 'rule.groupNotFound' });
  if (input.assigneeId) {
    if (!(await assignableOnProject(ctx.db, project.id, input.assigneeId)))
      problems.push({ path: 'assigneeId', rule: 'rule.notProjectStaff' });
    else if (input.subcontractorId) {
      const company = (await userFacts(ctx.db, input.assigneeId))?.subcontractorId ?? null;
      if (company && company !== input.subcontractorId)
        problems.push({ path: 'subcontractorId', rule: 'rule.workOrder.subcontractorOfAssignee' });
    }
  }
  if (input.subcontractorId && !(await isEngaged(ctx.db, project.id, input.subcontractorId)))
    problems.push({ path: 'subcontractorId', rule: 'rule.workOrder.subcontractorNotEngaged' });
  if (problems.length) throw AppError.validation(problems);
  const settings = await deskSettings(ctx.db, project.id);
  const priority = priorityFor(settings.priorityMatrix, input.impact as Impact, input.urgency as Urgency);
  const number = await takeTicketNumber(ctx.deps, 'work_order', ctx.now);
  return { input, projectId: project.id, requesterId, priority, number };
}

/**
 * Writes a prepared work order in the caller's transaction: the ticket (kind `work_order`, the
 * lifecycle's initial state, SLA clocks by the project's policy), its side row and CIs, history and
 * audit; then, when an engineer is named, the lifecycle's `dispatch` — the same path as a later one.
 */
export async function insertWorkOrder(
  tx: Tx,
  ctx: Ctx,
  p: PreparedWorkOrder,
  extra: { findingId?: string } = {},
): Promise<TicketRow> {
  const { input, number } = p;
  const now = ctx.now;
  const lifecycles = new Lifecycles(tx);
  const def = await lifecycles.get('work_order');
  const initial = def.states.find((s) => s.key === def.initial)!;
  const id = uuid7(now.getTime());
  const channel = ctx.credential === 'token' ? 'api' : 'phone';
  let row = await insertTicket(tx, {
    id,
    number,
    kind: 'work_order',
    projectId: p.projectId,
    requesterId: p.requesterId,
    channel,
    categoryId: null,
    impact: input.impact,
    urgency: input.urgency,
    priority: p.priority,
    businessStopped: false,
    title: input.title,
    description: input.description,
    state: initial.key,
    stateCategory: initial.category,
    groupId: input.groupId ?? null,
    tags: [...new Set(input.tags)],
    parentId: input.parentId ?? null,
    searchTokens: searchDocument([number, input.title, input.description]),
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  const [side] = await tx
    .insert(workOrders)
    .values({
      ticketId: id,
      siteId: input.siteId ?? null,
      areaKey: input.areaKey ?? null,
      plannedStart: input.plannedStart ? new Date(input.plannedStart) : null,
      plannedEnd: input.plannedEnd ? new Date(input.plannedEnd) : null,
      instructions: input.instructions,
      dispatchedToSubcontractorId: input.subcontractorId ?? null,
      findingId: extra.findingId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await setTicketCis(tx, id, input.ciIds, ctx.actor.userId, now);
  await recordTicketEvent(tx, ctx, id, 'created', {
    number,
    kind: 'work_order',
    priority: p.priority,
    channel,
    ...(input.parentId ? { parentId: input.parentId } : {}),
  });
  await recordAudit(tx, ctx, {
    action: 'ticket.create',
    objectType: 'ticket',
    objectId: id,
    changes: changesOf(null, auditable(row)),
    detail: { workOrder: changesOf(null, side ?? null), ciIds: input.ciIds },
  });
  const resolver = new CalendarResolver(tx, now);
  await startClocks(tx, resolver, row, [], now);
  if (input.assigneeId) {
    row = await runTransition(
      { tx, who: ctx, resolver, lifecycles },
      row,
      'dispatch',
      { assigneeId: input.assigneeId, subcontractorId: input.subcontractorId ?? null },
      await relationsOf(tx, ctx, row),
    );
  }
  return row;
}

export async function createWorkOrder(ctx: Ctx, input: WorkOrderInput): Promise<TicketRow> {
  const p = await prepareWorkOrder(ctx, input);
  const row = await ctx.db.transaction((tx) => insertWorkOrder(tx, ctx, p));
  await kickMail(ctx);
  return row;
}

async function lockWorkOrder(tx: Tx, ctx: Ctx, id: string): Promise<TicketRow> {
  const t = await lockTicket(tx, ctx.actor, id);
  if (!t || t.kind !== 'work_order') throw AppError.notFound();
  return t;
}

/** One lifecycle action of a work order through the ticket engine (the hook does the rest). */
async function act(
  ctx: Ctx,
  id: string,
  action: string,
  input: Record<string, unknown>,
  check?: (tx: Tx, t: TicketRow) => Promise<void>,
): Promise<TicketRow> {
  const row = await ctx.db.transaction(async (tx) => {
    const t = await lockWorkOrder(tx, ctx, id);
    if (check) await check(tx, t);
    return runTransition(
      { tx, who: ctx, resolver: new CalendarResolver(tx, ctx.now), lifecycles: new Lifecycles(tx) },
      t,
      action,
      input,
      await relationsOf(tx, ctx, t),
    );
  });
  await kickMail(ctx);
  return row;
}

export const dispatchWorkOrder = (ctx: Ctx, id: string, b: z.output<typeof WorkOrderDispatchSchema>) =>
  act(ctx, id, 'dispatch', {
    assigneeId: b.assigneeId,
    subcontractorId: b.subcontractorId ?? null,
    ...(b.reason ? { reason: b.reason } : {}),
  });
export const acceptWorkOrder = (ctx: Ctx, id: string) => act(ctx, id, 'accept', {});
export async function rejectWorkOrder(ctx: Ctx, id: string, reason: string) {
  const row = await act(ctx, id, 'reject', { rejectReason: reason, reason });
  return { id: row.id, number: row.number, state: row.state, rejectReason: reason };
}
export const reworkWorkOrder = (ctx: Ctx, id: string, reason: string) =>
  act(ctx, id, 'rework', { reworkReason: reason, reason });
export const closeWorkOrder = (ctx: Ctx, id: string) => act(ctx, id, 'close', {});
export const cancelWorkOrder = (ctx: Ctx, id: string, reason: string) =>
  act(ctx, id, 'cancel', { cancelReason: reason, reason });
export const completeWorkOrder = (ctx: Ctx, id: string, b: z.output<typeof WorkOrderCompleteSchema>) =>
  act(ctx, id, 'complete', {
    workSummary: b.workPerformed,
    ...(b.timeSpentMinutes !== undefined && b.timeSpentMinutes !== null
      ? { timeSpentMinutes: b.timeSpentMinutes }
      : {}),
    ...(b.partsUsed ? { partsUsed: b.partsUsed } : {}),
  });

/** Check-in: the arrival time (now, or reported by phone to the desk) and where the engineer is. */
export function checkInWorkOrder(ctx: Ctx, id: string, b: z.output<typeof WorkOrderCheckInSchema>) {
  const at = b.at ? new Date(b.at) : ctx.now;
  return act(
    ctx,
    id,
    'check_in',
    { checkedInAt: at.getTime(), ...(b.location ? { location: b.location } : {}) },
    async (tx, t) => {
      // A phone's clock may run a little ahead; a minute is tolerated.
      if (at.getTime() > ctx.now.getTime() + 60_000)
        throw AppError.field('at', 'rule.workOrder.checkInInFuture');
      const wo = await ensureWorkOrderRow(tx, t.id, ctx.now);
      if (wo.dispatchedAt && at < wo.dispatchedAt)
        throw AppError.field('at', 'rule.workOrder.checkInBeforeDispatch');
    },
  );
}

const PLAN_FIELDS = ['ciIds', 'siteId', 'areaKey', 'plannedStart', 'plannedEnd', 'instructions'] as const;
const WORK_FIELDS = ['workPerformed', 'timeSpentMinutes', 'partsUsed'] as const;

/**
 * Changes a work order's own fields: the plan (the desk and managers, until it is closed) and the
 * work record (the assignee while working, or the desk). Ticket fields (title, priority …) change
 * through `PATCH /tickets/:id`.
 */
export async function updateWorkOrder(ctx: Ctx, id: string, input: z.output<typeof WorkOrderUpdateSchema>) {
  await ctx.db.transaction(async (tx) => {
    const t = await lockWorkOrder(tx, ctx, id);
    const relations = await relationsOf(tx, ctx, t);
    const can = workOrderAbilities(ctx.actor, { stateCategory: t.stateCategory }, relations);
    const given = (keys: readonly string[]) =>
      keys.some((k) => (input as Record<string, unknown>)[k] !== undefined);
    if ((given(PLAN_FIELDS) && !can.plan) || (given(WORK_FIELDS) && !can.recordWork))
      throw AppError.forbidden();
    const before = await ensureWorkOrderRow(tx, id, ctx.now);
    const project = await findVisibleProject(tx, ctx.actor, t.projectId);
    if (!project) throw AppError.notFound();
    const plannedStart = input.plannedStart === undefined ? before.plannedStart : input.plannedStart;
    const plannedEnd = input.plannedEnd === undefined ? before.plannedEnd : input.plannedEnd;
    const problems = await planProblems(tx, project, {
      ciIds: input.ciIds,
      siteId: input.siteId,
      areaKey: input.areaKey,
      plannedStart,
      plannedEnd,
    });
    if (problems.length) throw AppError.validation(problems);
    const patch: Record<string, unknown> = {};
    if (input.siteId !== undefined) {
      patch.siteId = input.siteId;
      if (input.areaKey === undefined)
        patch.areaKey = areaOfSite(await loadTargets(tx, t.projectId), input.siteId);
    }
    if (input.areaKey !== undefined) patch.areaKey = input.areaKey;
    if (input.plannedStart !== undefined)
      patch.plannedStart = input.plannedStart ? new Date(input.plannedStart) : null;
    if (input.plannedEnd !== undefined)
      patch.plannedEnd = input.plannedEnd ? new Date(input.plannedEnd) : null;
    if (input.instructions !== undefined) patch.instructions = input.instructions;
    if (input.workPerformed !== undefined) patch.workPerformed = input.workPerformed;
    if (input.timeSpentMinutes !== undefined) patch.timeSpentMinutes = input.timeSpentMinutes;
    if (input.partsUsed !== undefined) patch.partsUsed = input.partsUsed;
    const after = Object.keys(patch).length
      ? await updateWorkOrderRow(tx, id, { ...patch, updatedAt: ctx.now })
      : before;
    const cis = input.ciIds ? await setTicketCis(tx, id, input.ciIds, ctx.actor.userId, ctx.now) : null;
    const changes = changesOf(before, after);
    const ciChanged = cis && (cis.added.length || cis.removed.length);
    if (!changes && !ciChanged) return;
    await recordTicketEvent(tx, ctx, id, 'updated', {
      fields: [...Object.keys(changes ?? {}), ...(ciChanged ? ['ciIds'] : [])],
    });
    await recordAudit(tx, ctx, {
      action: 'work_order.update',
      objectType: 'ticket',
      objectId: id,
      changes,
      detail: { number: t.number, ...(ciChanged ? { cisAdded: cis.added, cisRemoved: cis.removed } : {}) },
    });
  });
}
