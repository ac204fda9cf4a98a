import { and, eq } from 'drizzle-orm';
import type { CiTicketListQuery, TicketCiListQuery } from '@opsdesk/contracts';
import type { z } from 'zod';
import { projectVisible } from '../../db/scope.js';
import { cis, ticketCis, tickets } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { keyset } from '../../http/pagination.js';
import { recordAudit } from '../audit/audit.record.js';
import { ticketVisible } from '../tickets/ticket.scope.js';
import { findCisById } from './ci.repository.js';
import type { CiView } from './ci.repository.js';
import { getCi } from './ci.service.js';

/**
 * The link between tickets and the CIs they affect. Reading: the tickets of a CI that the caller
 * may see (the ticket engine's own scope: subcontractor staff see only their company's), and the
 * CIs of a ticket the caller sees, within the caller's CMDB scope. Linking: staff who see both,
 * within one project; the ticket page names and removes CIs through it.
 */
export async function ticketsOfCi(ctx: Ctx, ciId: string, query: z.output<typeof CiTicketListQuery>) {
  await getCi(ctx, ciId);
  const ks = keyset<TicketOfCiRow>(query, { addedAt: { column: ticketCis.addedAt } }, ticketCis.ticketId, {
    defaultSort: '-addedAt',
    rowKey: (r) => r.addedAt,
    rowId: (r) => r.ticketId,
  });
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
    .where(and(eq(ticketCis.ciId, ciId), ticketVisible(ctx.actor), ks.where))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(rows);
}

type TicketOfCiRow = {
  ticketId: string;
  number: string;
  title: string;
  kind: string;
  state: string;
  stateCategory: string;
  priority: number;
  createdAt: Date;
  addedAt: Date;
};

/** A CI named on a ticket, with when it was named. */
export type CiOfTicket = CiView & { addedAt: Date };

/**
 * The CIs a ticket names, in the order they were named: the ticket must be one the caller sees
 * (else 404), and of its CIs those in the caller's CMDB scope are listed (deleted ones too: the
 * ticket named them). `link`: whether the caller may name and remove CIs on it.
 */
export async function cisOfTicket(
  ctx: Ctx,
  ticketId: string,
  query: z.output<typeof TicketCiListQuery>,
): Promise<{ items: CiOfTicket[]; nextCursor: string | null; link: boolean }> {
  await visibleTicket(ctx, ticketId);
  const ks = keyset<{ id: string; addedAt: Date }>(
    query,
    { addedAt: { column: ticketCis.addedAt } },
    ticketCis.ciId,
    { defaultSort: 'addedAt', rowKey: (r) => r.addedAt, rowId: (r) => r.id },
  );
  const links = await ctx.db
    .select({ id: ticketCis.ciId, addedAt: ticketCis.addedAt })
    .from(ticketCis)
    .innerJoin(cis, eq(cis.id, ticketCis.ciId))
    .where(and(eq(ticketCis.ticketId, ticketId), projectVisible(ctx.actor, cis.projectId), ks.where))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const page = ks.page(links);
  const byId = new Map(
    (
      await findCisById(
        ctx.db,
        page.items.map((l) => l.id),
      )
    ).map((c) => [c.id, c]),
  );
  const items = page.items.flatMap((l) => {
    const ci = byId.get(l.id);
    return ci ? [{ ...ci, addedAt: l.addedAt }] : [];
  });
  return { items, nextCursor: page.nextCursor, link: ctx.actor.kind === 'staff' };
}

/** A ticket the caller sees (the ticket engine's scope), or 404. */
async function visibleTicket(ctx: Ctx, ticketId: string): Promise<{ id: string; projectId: string }> {
  const [ticket] = await ctx.db
    .select({ id: tickets.id, projectId: tickets.projectId })
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), ticketVisible(ctx.actor)));
  if (!ticket) throw AppError.notFound();
  return ticket;
}

/** Both ends visible (else 404), and the caller staff (else 403). */
async function guard(ctx: Ctx, ciId: string, ticketId: string) {
  const ci = await getCi(ctx, ciId);
  const ticket = await visibleTicket(ctx, ticketId);
  if (ctx.actor.kind !== 'staff') throw AppError.forbidden();
  return { ci, ticket };
}

export async function linkTicket(ctx: Ctx, ciId: string, ticketId: string): Promise<void> {
  const { ci, ticket } = await guard(ctx, ciId, ticketId);
  if (ticket.projectId !== ci.projectId) throw AppError.field('ticketId', 'rule.ci.sameProject');
  if (ci.deletedAt) throw AppError.field('id', 'rule.ci.deleted');
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
  await guard(ctx, ciId, ticketId);
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
