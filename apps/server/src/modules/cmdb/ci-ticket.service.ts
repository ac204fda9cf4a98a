import { and, desc, eq, sql } from 'drizzle-orm';
import type { CiTicketListQuery } from '@opsdesk/contracts';
import type { z } from 'zod';
import { ticketCis, tickets } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.record.js';
import { ticketVisible } from '../tickets/ticket.scope.js';
import { findCi } from './ci.repository.js';

/**
 * The link between tickets and the CIs they affect. Reading: the tickets of a CI that the caller
 * may see (the ticket engine's own scope: subcontractor staff see only their company's). Linking:
 * staff who see both, within one project; the ticket engine's UI calls it when a ticket names a CI.
 */
function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (
      typeof at === 'string' &&
      !Number.isNaN(Date.parse(at)) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    )
      return { at, id };
  } catch {
    /* fall through */
  }
  throw AppError.field('cursor', 'rule.invalidCursor');
}

export async function ticketsOfCi(ctx: Ctx, ciId: string, query: z.output<typeof CiTicketListQuery>) {
  const ci = await findCi(ctx.db, ctx.actor, ciId);
  if (!ci) throw AppError.notFound();
  const c = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await ctx.db
    .select({
      ticketId: tickets.id,
      number: tickets.number,
      title: tickets.title,
      kind: tickets.kind,
      state: tickets.state,
      stateCategory: tickets.stateCategory,
      priority: tickets.priority,
      createdAt: tickets.createdAt,
      addedAt: ticketCis.addedAt,
    })
    .from(ticketCis)
    .innerJoin(tickets, eq(tickets.id, ticketCis.ticketId))
    .where(
      and(
        eq(ticketCis.ciId, ciId),
        ticketVisible(ctx.actor),
        c
          ? sql`(${ticketCis.addedAt}, ${ticketCis.ticketId}) < (${c.at}::timestamptz, ${c.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(ticketCis.addedAt), desc(ticketCis.ticketId))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(JSON.stringify([last.addedAt.toISOString(), last.ticketId])).toString('base64url')
        : null,
  };
}

async function guard(ctx: Ctx, ciId: string, ticketId: string) {
  const ci = await findCi(ctx.db, ctx.actor, ciId);
  if (!ci) throw AppError.notFound();
  const [ticket] = await ctx.db
    .select({ id: tickets.id, projectId: tickets.projectId })
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), ticketVisible(ctx.actor)));
  if (!ticket) throw AppError.notFound();
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  if (ticket.projectId !== ci.projectId) throw AppError.field('ticketId', 'rule.ci.sameProject');
  if (ci.deletedAt) throw AppError.field('id', 'rule.ci.deleted');
  return ci;
}

export async function linkTicket(ctx: Ctx, ciId: string, ticketId: string): Promise<void> {
  await guard(ctx, ciId, ticketId);
  await ctx.db.transaction(async (tx) => {
    const added = await tx
      .insert(ticketCis)
      .values({ ticketId, ciId, addedAt: ctx.now, addedBy: ctx.actor.userId })
      .onConflictDoNothing()
      .returning();
    if (added.length)
      await recordAudit(tx, ctx, {
        action: 'ticket_ci.add',
        objectType: 'ticket',
        objectId: ticketId,
        detail: { ciId },
      });
  });
}

export async function unlinkTicket(ctx: Ctx, ciId: string, ticketId: string): Promise<void> {
  const ci = await findCi(ctx.db, ctx.actor, ciId);
  if (!ci) throw AppError.notFound();
  const [ticket] = await ctx.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), ticketVisible(ctx.actor)));
  if (!ticket) throw AppError.notFound();
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(ticketCis)
      .where(and(eq(ticketCis.ticketId, ticketId), eq(ticketCis.ciId, ciId)))
      .returning();
    if (!removed.length) throw AppError.notFound();
    await recordAudit(tx, ctx, {
      action: 'ticket_ci.remove',
      objectType: 'ticket',
      objectId: ticketId,
      detail: { ciId },
    });
  });
}
