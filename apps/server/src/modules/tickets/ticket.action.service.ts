import { ticketRelations } from '@opsdesk/domain';
import type { ActorRelation } from '@opsdesk/domain';
import type { BulkAssignSchema, TransitionBodySchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import type { DbOrTx } from '../../db/client.js';
import { CalendarResolver } from '../calendars/calendar.definition.js';
import { kickMail } from './ticket.create.service.js';
import { Lifecycles } from './ticket.lifecycle.js';
import { isGroupMember, userFacts } from './ticket.lookups.js';
import { lockTicket } from './ticket.repository.js';
import type { TicketRow } from './ticket.repository.js';
import { runTransition } from './ticket.transition.js';

/** The actor's relations to a ticket row (its group membership looked up). */
export async function relationsOf(db: DbOrTx, ctx: Ctx, t: TicketRow): Promise<ActorRelation[]> {
  const assignee = t.assigneeId ? await userFacts(db, t.assigneeId) : null;
  return ticketRelations(
    ctx.actor,
    {
      projectId: t.projectId,
      requesterId: t.requesterId,
      assigneeId: t.assigneeId,
      groupId: t.groupId,
      assigneeSubcontractorId: assignee?.subcontractorId ?? null,
      stateCategory: t.stateCategory,
      rated: t.satisfactionRating !== null,
    },
    await isGroupMember(db, t.groupId, ctx.actor.userId),
  );
}

/** `POST /tickets/:id/<action>`: one lifecycle transition, atomically. */
export async function transitionTicket(
  ctx: Ctx,
  id: string,
  action: string,
  body: z.output<typeof TransitionBodySchema>,
): Promise<TicketRow> {
  const result = await ctx.db.transaction(async (tx) => {
    const t = await lockTicket(tx, ctx.actor, id);
    if (!t) throw AppError.notFound();
    if (t.mergedIntoId) throw new AppError('INVALID_TRANSITION', { action, reason: 'merged', allowed: [] });
    const relations = await relationsOf(tx, ctx, t);
    return runTransition(
      { tx, who: ctx, resolver: new CalendarResolver(tx, ctx.now), lifecycles: new Lifecycles(tx) },
      t,
      action,
      body,
      relations,
    );
  });
  await kickMail(ctx);
  return result;
}

/**
 * Assigns many tickets to one person; each is its own `assign` transition (own audit and history
 * rows) in one transaction per ticket, so one refusal does not undo the others.
 */
export async function bulkAssign(ctx: Ctx, input: z.output<typeof BulkAssignSchema>) {
  const items: { id: string; ok: boolean; code?: string }[] = [];
  for (const id of [...new Set(input.ticketIds)]) {
    try {
      await ctx.db.transaction(async (tx) => {
        const t = await lockTicket(tx, ctx.actor, id);
        if (!t) throw AppError.notFound();
        const relations = await relationsOf(tx, ctx, t);
        await runTransition(
          { tx, who: ctx, resolver: new CalendarResolver(tx, ctx.now), lifecycles: new Lifecycles(tx) },
          t,
          'assign',
          { assigneeId: input.assigneeId, ...(input.reason ? { reason: input.reason } : {}) },
          relations,
        );
      });
      items.push({ id, ok: true });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      items.push({ id, ok: false, code: err.code });
    }
  }
  await kickMail(ctx);
  return { items };
}
