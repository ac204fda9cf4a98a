import { applyTransition, stateOf } from '@opsdesk/domain';
import type { ActorRelation, TransitionResult } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import type { FieldProblem } from '../../http/app-error.js';
import { uuid7 } from '../../lib/ids.js';
import { ticketComments } from '../../db/schema/index.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import type { CalendarResolver } from '../calendars/calendar.definition.js';
import { applyClockEffects } from '../sla/sla.clocks.js';
import { searchTokens } from '@opsdesk/domain';
import type { Lifecycles } from './ticket.lifecycle.js';
import { recordTicketEvent, whoId } from './ticket.history.js';
import type { Who } from './ticket.history.js';
import { assignableOnProject, teamExists } from './ticket.lookups.js';
import { notifyTicket } from './ticket.notify.js';
import { updateTicketRow, watcherIds } from './ticket.repository.js';
import type { NewTicket, TicketRow } from './ticket.repository.js';

/** The engine's refusals as API errors (docs/decisions/0200): 409 with the allowed actions, 403, 400 naming fields. */
export function transitionError(r: Extract<TransitionResult, { ok: false }>): AppError {
  switch (r.error) {
    case 'unknown_action':
      return new AppError('INVALID_TRANSITION', { action: r.action, reason: r.error, allowed: r.allowed });
    case 'not_allowed_from_state':
      return new AppError('INVALID_TRANSITION', {
        action: r.action,
        reason: r.error,
        state: r.state,
        allowed: r.allowed,
      });
    case 'role_not_allowed':
      return new AppError('FORBIDDEN', { action: r.action, roles: r.roles });
    case 'guard_failed':
      return new AppError('INVALID_TRANSITION', { action: r.action, reason: r.error, guard: r.guard });
    case 'missing_fields':
      return AppError.validation(
        r.fields.map((f): FieldProblem =>
          f.problem === 'missing'
            ? { path: f.field, rule: 'rule.missingTransitionField' }
            : {
                path: f.field,
                rule: 'rule.invalidTransitionField',
                params: { allowed: (f.allowed ?? []).join(', ') },
              },
        ),
      );
  }
}

export interface TransitionEnv {
  tx: DbOrTx;
  who: Who;
  resolver: CalendarResolver;
  lifecycles: Lifecycles;
}

/** One lifecycle action that the engine allowed, as an extension sees it. */
export interface TransitionChange {
  before: TicketRow;
  after: TicketRow;
  action: string;
  /** The fields the engine checked (`requiredFields`), normalised. */
  values: Readonly<Record<string, unknown>>;
  /** The request's fields as given (a module's own extra fields travel here). */
  input: Readonly<Record<string, unknown>>;
}

/**
 * A module's part of a transition (work orders keep their arrival clock and side table, findings
 * follow their ticket; docs/decisions/0400). It runs in the transition's transaction after the
 * ticket row and its clocks changed; throwing an AppError refuses the whole action. A hook that
 * changes the ticket row again returns the new row.
 */
export type TransitionHook = (env: TransitionEnv, change: TransitionChange) => Promise<TicketRow | void>;
const transitionHooks = new Map<string, TransitionHook>();
export function onTicketTransition(name: string, hook: TransitionHook): void {
  transitionHooks.set(name, hook);
}

/**
 * Runs one lifecycle action on a locked ticket: the pure engine decides, then the ticket row, its
 * SLA clocks, its history, the audit log and the notifications change in the caller's transaction.
 * Nothing changes when the engine refuses.
 */
export async function runTransition(
  env: TransitionEnv,
  ticket: TicketRow,
  action: string,
  input: Readonly<Record<string, unknown>>,
  relations: readonly ActorRelation[],
): Promise<TicketRow> {
  const { tx, who } = env;
  const now = who.now;
  const def = await env.lifecycles.get(ticket.kind);
  const r = applyTransition(def, ticket.state, action, relations, input, {
    now: now.getTime(),
    resolvedAt: ticket.resolvedAt?.getTime() ?? null,
  });
  if (!r.ok) throw transitionError(r);
  const to = stateOf(def, r.to);
  const fx = r.sideEffects;
  const patch: Partial<NewTicket> = { state: to.key, stateCategory: to.category, updatedAt: now };
  patch.pendingReason =
    to.category === 'pending'
      ? typeof r.values['pendingReason'] === 'string'
        ? r.values['pendingReason']
        : to.key
      : null;

  if (typeof r.values['assigneeId'] === 'string') {
    const assigneeId = r.values['assigneeId'];
    if (
      !/^[0-9a-f-]{36}$/i.test(assigneeId) ||
      !(await assignableOnProject(tx, ticket.projectId, assigneeId))
    ) {
      throw AppError.field('assigneeId', 'rule.notProjectStaff');
    }
    patch.assigneeId = assigneeId;
  }
  if (action === 'assign' && input['groupId'] !== undefined) {
    const groupId = input['groupId'];
    if (groupId !== null && (typeof groupId !== 'string' || !(await teamExists(tx, groupId))))
      throw AppError.field('groupId', 'rule.groupNotFound');
    patch.groupId = groupId as string | null;
  }
  if (fx.assignToActor && who.actor) patch.assigneeId = who.actor.userId;
  if (fx.meetsResponse && !ticket.respondedAt) patch.respondedAt = now;
  if (fx.stopResolution) {
    patch.resolvedAt = now;
    if (typeof r.values['resolutionCode'] === 'string') patch.resolutionCode = r.values['resolutionCode'];
    if (typeof r.values['resolutionText'] === 'string') patch.resolutionText = r.values['resolutionText'];
    if (typeof r.values['answerText'] === 'string') patch.resolutionText = r.values['answerText'];
  }
  if (fx.resumeResolution) {
    patch.resolvedAt = null;
    patch.resolutionCode = null;
    patch.resolutionText = null;
  }
  if (to.final) {
    patch.closedAt = now;
    patch.emergencyCheckAt = null;
  }

  let after = await updateTicketRow(tx, ticket.id, patch);
  await applyClockEffects(tx, env.resolver, ticket.id, fx, now);
  for (const hook of transitionHooks.values())
    after = (await hook(env, { before: ticket, after, action, values: r.values, input })) ?? after;

  // A consultation's answer is also the public reply the requester reads.
  if (typeof r.values['answerText'] === 'string') {
    const body = r.values['answerText'];
    await tx.insert(ticketComments).values({
      id: uuid7(),
      ticketId: ticket.id,
      authorId: whoId(who),
      visibility: 'public',
      body,
      searchTokens: searchTokens(body),
      createdAt: now,
    });
  }

  const reason =
    typeof input['reason'] === 'string' && input['reason'].trim() ? input['reason'].trim() : null;
  await recordTicketEvent(tx, who, ticket.id, 'transition', {
    action,
    from: r.from,
    to: r.to,
    values: r.values,
    ...(reason ? { reason } : {}),
  });
  await recordAudit(tx, who, {
    action: `ticket.${action}`,
    objectType: 'ticket',
    objectId: ticket.id,
    changes: changesOf(ticket, after, ['updatedAt', 'searchTokens', 'slaDueAt']),
    detail: { number: ticket.number, from: r.from, to: r.to, ...(reason ? { reason } : {}) },
  });

  const actorId = whoId(who);
  if (after.assigneeId && after.assigneeId !== ticket.assigneeId) {
    await notifyTicket(tx, {
      userIds: [after.assigneeId],
      exceptUserId: actorId,
      kind: 'ticket.assigned',
      ticket: after,
      now,
    });
  }
  if (to.category === 'resolved' && ticket.stateCategory !== 'resolved') {
    await notifyTicket(tx, {
      userIds: [after.requesterId, ...(await watcherIds(tx, ticket.id))],
      exceptUserId: actorId,
      kind: 'ticket.resolved',
      ticket: after,
      now,
    });
  }
  if (fx.resumeResolution && ticket.stateCategory === 'resolved') {
    await notifyTicket(tx, {
      userIds: [after.assigneeId],
      exceptUserId: actorId,
      kind: 'ticket.reopened',
      ticket: after,
      now,
    });
  }
  return after;
}
