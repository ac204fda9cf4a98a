import { and, eq, or } from 'drizzle-orm';
import { stateOf, ticketAbilities } from '@opsdesk/domain';
import type { LinkCreateSchema, MergeSchema, RatingSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { projects, ticketLinks, ticketWatchers } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { CalendarResolver } from '../calendars/calendar.definition.js';
import { applyClockEffects } from '../sla/sla.clocks.js';
import { relationsOf } from './ticket.action.service.js';
import { factsOf } from './ticket.comment.service.js';
import { auditable } from './ticket.create.service.js';
import { recordTicketEvent } from './ticket.history.js';
import { Lifecycles } from './ticket.lifecycle.js';
import { assignableOnProject, userFacts } from './ticket.lookups.js';
import { addWatchers, lockTicket, updateTicketRow } from './ticket.repository.js';
import type { TicketRow } from './ticket.repository.js';

async function lockedWithAbilities(tx: DbOrTx, ctx: Ctx, id: string) {
  const t = await lockTicket(tx, ctx.actor, id);
  if (!t) throw AppError.notFound();
  return { t, abilities: ticketAbilities(ctx.actor, await factsOf(tx, t), await relationsOf(tx, ctx, t)) };
}

/** A watcher must be able to see the ticket: staff or field engineers on the project, or a contact of its customer. */
async function mayWatch(tx: DbOrTx, t: TicketRow, userId: string): Promise<boolean> {
  const u = await userFacts(tx, userId);
  if (!u || u.disabled) return false;
  if (u.kind === 'customer_contact') {
    const [p] = await tx
      .select({ customerId: projects.customerId })
      .from(projects)
      .where(eq(projects.id, t.projectId));
    return p?.customerId === u.customerId;
  }
  return u.kind === 'staff' && (await assignableOnProject(tx, t.projectId, userId));
}

export async function addWatcher(ctx: Ctx, id: string, userId: string) {
  await ctx.db.transaction(async (tx) => {
    const { t, abilities } = await lockedWithAbilities(tx, ctx, id);
    if (userId !== ctx.actor.userId && !abilities.manageWatchers) throw AppError.forbidden();
    if (!(await mayWatch(tx, t, userId))) throw AppError.field('userId', 'rule.unknownReference');
    if (await addWatchers(tx, id, [userId], ctx.now)) {
      await recordTicketEvent(tx, ctx, id, 'watcher_added', { userId }, 'internal');
      await recordAudit(tx, ctx, {
        action: 'ticket.watch',
        objectType: 'ticket',
        objectId: id,
        detail: { userId },
      });
    }
  });
}

export async function removeWatcher(ctx: Ctx, id: string, userId: string) {
  await ctx.db.transaction(async (tx) => {
    const { abilities } = await lockedWithAbilities(tx, ctx, id);
    if (userId !== ctx.actor.userId && !abilities.manageWatchers) throw AppError.forbidden();
    const removed = await tx
      .delete(ticketWatchers)
      .where(and(eq(ticketWatchers.ticketId, id), eq(ticketWatchers.userId, userId)))
      .returning();
    if (!removed.length) throw AppError.notFound();
    await recordTicketEvent(tx, ctx, id, 'watcher_removed', { userId }, 'internal');
    await recordAudit(tx, ctx, {
      action: 'ticket.unwatch',
      objectType: 'ticket',
      objectId: id,
      detail: { userId },
    });
  });
}

export async function addLink(ctx: Ctx, id: string, input: z.output<typeof LinkCreateSchema>) {
  return ctx.db.transaction(async (tx) => {
    const { abilities } = await lockedWithAbilities(tx, ctx, id);
    if (!abilities.link) throw AppError.forbidden();
    if (input.otherId === id) throw AppError.field('otherId', 'rule.invalidValue');
    if (!(await lockTicket(tx, ctx.actor, input.otherId)))
      throw AppError.field('otherId', 'rule.unknownReference');
    const existing = await tx
      .select({ id: ticketLinks.id })
      .from(ticketLinks)
      .where(
        or(
          and(eq(ticketLinks.ticketId, id), eq(ticketLinks.otherId, input.otherId)),
          and(eq(ticketLinks.ticketId, input.otherId), eq(ticketLinks.otherId, id)),
        ),
      );
    if (existing.length) throw new AppError('ALREADY_EXISTS');
    const linkId = uuid7();
    await tx.insert(ticketLinks).values({
      id: linkId,
      ticketId: id,
      otherId: input.otherId,
      type: input.type,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
    });
    await recordTicketEvent(tx, ctx, id, 'linked', { otherId: input.otherId, type: input.type });
    await recordAudit(tx, ctx, {
      action: 'ticket.link',
      objectType: 'ticket',
      objectId: id,
      detail: { linkId, otherId: input.otherId, type: input.type },
    });
    return linkId;
  });
}

export async function removeLink(ctx: Ctx, id: string, linkId: string) {
  await ctx.db.transaction(async (tx) => {
    const { abilities } = await lockedWithAbilities(tx, ctx, id);
    if (!abilities.link) throw AppError.forbidden();
    const removed = await tx
      .delete(ticketLinks)
      .where(and(eq(ticketLinks.id, linkId), or(eq(ticketLinks.ticketId, id), eq(ticketLinks.otherId, id))))
      .returning();
    if (!removed.length) throw AppError.notFound();
    await recordTicketEvent(tx, ctx, id, 'unlinked', { linkId });
    await recordAudit(tx, ctx, {
      action: 'ticket.unlink',
      objectType: 'ticket',
      objectId: id,
      detail: { linkId },
    });
  });
}

/**
 * Merges a duplicate into another ticket of the same project: the duplicate ends in its
 * lifecycle's `closed` state (a final state; merging is not a transition a person takes in the
 * lifecycle), its clocks stop, its requester and watchers follow the target, and a `duplicate`
 * link records it. Both tickets are locked in id order.
 */
export async function mergeTicket(ctx: Ctx, id: string, input: z.output<typeof MergeSchema>) {
  if (input.targetId === id) throw AppError.field('targetId', 'rule.mergeIntoSelf');
  await ctx.db.transaction(async (tx) => {
    const [first, second] = id < input.targetId ? [id, input.targetId] : [input.targetId, id];
    const a = await lockTicket(tx, ctx.actor, first);
    const b = await lockTicket(tx, ctx.actor, second);
    const source = a?.id === id ? a : b;
    const target = a?.id === input.targetId ? a : b;
    if (!source) throw AppError.notFound();
    if (!target || target.projectId !== source.projectId)
      throw AppError.field('targetId', 'rule.ticketOfOtherProject');
    if (target.stateCategory === 'final' || target.mergedIntoId)
      throw AppError.field('targetId', 'rule.mergeTargetClosed');
    if (!ticketAbilities(ctx.actor, await factsOf(tx, source), await relationsOf(tx, ctx, source)).merge)
      throw AppError.forbidden();
    const def = await new Lifecycles(tx).get(source.kind);
    const closed = def.states.find((s) => s.key === 'closed' && s.final) ?? def.states.find((s) => s.final)!;
    const after = await updateTicketRow(tx, id, {
      mergedIntoId: target.id,
      state: closed.key,
      stateCategory: stateOf(def, closed.key).category,
      pendingReason: null,
      closedAt: ctx.now,
      emergencyCheckAt: null,
      resolutionCode: 'duplicate',
      resolutionText: input.reason ?? `→ ${target.number}`,
      updatedAt: ctx.now,
    });
    await applyClockEffects(tx, new CalendarResolver(tx, ctx.now), id, { stopSla: true }, ctx.now);
    const followers = (
      await tx
        .select({ u: ticketWatchers.userId })
        .from(ticketWatchers)
        .where(eq(ticketWatchers.ticketId, id))
    ).map((r) => r.u);
    await addWatchers(
      tx,
      target.id,
      [
        ...followers,
        ...(source.requesterId && source.requesterId !== target.requesterId ? [source.requesterId] : []),
      ],
      ctx.now,
    );
    await tx
      .insert(ticketLinks)
      .values({
        id: uuid7(),
        ticketId: id,
        otherId: target.id,
        type: 'duplicate',
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
      })
      .onConflictDoNothing();
    await recordTicketEvent(tx, ctx, id, 'merged_into', { targetId: target.id, number: target.number });
    await recordTicketEvent(tx, ctx, target.id, 'merged_from', { sourceId: id, number: source.number });
    await recordAudit(tx, ctx, {
      action: 'ticket.merge',
      objectType: 'ticket',
      objectId: id,
      changes: changesOf(auditable(source), auditable(after)),
      detail: { into: target.number },
    });
  });
}

/** The requester rates the service once the ticket is closed (1–5 and a comment). */
export async function rateTicket(ctx: Ctx, id: string, input: z.output<typeof RatingSchema>) {
  await ctx.db.transaction(async (tx) => {
    const { t, abilities } = await lockedWithAbilities(tx, ctx, id);
    if (t.requesterId !== ctx.actor.userId) throw AppError.forbidden();
    if (!abilities.rate)
      throw new AppError('INVALID_TRANSITION', {
        action: 'rate',
        state: t.state,
        rated: t.satisfactionRating !== null,
        allowed: [],
      });
    const after = await updateTicketRow(tx, id, {
      satisfactionRating: input.rating,
      satisfactionComment: input.comment ?? null,
      ratedAt: ctx.now,
    });
    await recordTicketEvent(tx, ctx, id, 'rated', { rating: input.rating });
    await recordAudit(tx, ctx, {
      action: 'ticket.rate',
      objectType: 'ticket',
      objectId: id,
      changes: changesOf(auditable(t), auditable(after), ['updatedAt', 'ratedAt']),
    });
  });
}
