import { and, asc, eq, getTableColumns, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import {
  teams,
  ticketCategories,
  ticketLinks,
  ticketWatchers,
  tickets,
  users,
} from '../../db/schema/index.js';
import { ticketVisible } from './ticket.scope.js';

/**
 * Every column of `tickets` but the generated `search_vector` (migrations/0202), which the app never
 * reads: selecting it would ship each row's vector to Node for nothing.
 */
const { searchVector: _searchVector, ...ticketColumnsAll } = getTableColumns(tickets);
export const ticketColumns = ticketColumnsAll;

export type TicketRow = Omit<typeof tickets.$inferSelect, 'searchVector'>;
export type NewTicket = typeof tickets.$inferInsert;

const requester = alias(users, 'requester');
const assignee = alias(users, 'assignee');

/** A ticket with the names its presenter shows and the facts its abilities need. */
export const ticketViewColumns = {
  ticket: ticketColumns,
  requesterName: requester.displayName,
  assigneeName: assignee.displayName,
  assigneeSubcontractorId: assignee.subcontractorId,
  groupName: teams.name,
  categoryName: ticketCategories.name,
};

export type TicketView = {
  ticket: TicketRow;
  requesterName: string | null;
  assigneeName: string | null;
  assigneeSubcontractorId: string | null;
  groupName: string | null;
  categoryName: string | null;
};

export function ticketViewQuery(db: DbOrTx) {
  return db
    .select(ticketViewColumns)
    .from(tickets)
    .leftJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .leftJoin(teams, eq(teams.id, tickets.groupId))
    .leftJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId));
}

/** The ticket if the actor can see it (actor null: the system), optionally locked for a change. */
export async function findTicketView(
  db: DbOrTx,
  actor: Actor | null,
  id: string,
): Promise<TicketView | null> {
  const rows = await ticketViewQuery(db).where(
    and(eq(tickets.id, id), actor ? ticketVisible(actor) : undefined),
  );
  return rows[0] ?? null;
}

/** Locks the ticket row (FOR UPDATE) after checking visibility; every change starts here. */
export async function lockTicket(
  db: DbOrTx,
  actor: Actor | null,
  id: string,
  skipLocked = false,
): Promise<TicketRow | null> {
  const q = db
    .select(ticketColumns)
    .from(tickets)
    .where(and(eq(tickets.id, id), actor ? ticketVisible(actor) : undefined));
  const rows = skipLocked ? await q.for('update', { skipLocked: true }) : await q.for('update');
  return rows[0] ?? null;
}

export async function insertTicket(db: DbOrTx, row: NewTicket): Promise<TicketRow> {
  const [r] = await db.insert(tickets).values(row).returning(ticketColumns);
  return r!;
}

export async function updateTicketRow(db: DbOrTx, id: string, patch: Partial<NewTicket>): Promise<TicketRow> {
  const [r] = await db.update(tickets).set(patch).where(eq(tickets.id, id)).returning(ticketColumns);
  return r!;
}

const refColumns = {
  id: tickets.id,
  number: tickets.number,
  title: tickets.title,
  state: tickets.state,
  stateCategory: tickets.stateCategory,
};

/** Tickets by id, only those the actor sees (refs on a detail page never leak other tenants). */
export async function ticketRefs(db: DbOrTx, actor: Actor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select(refColumns)
    .from(tickets)
    .where(and(inArray(tickets.id, [...ids]), ticketVisible(actor)));
}

export function childRefs(db: DbOrTx, actor: Actor, parentId: string) {
  return db
    .select(refColumns)
    .from(tickets)
    .where(and(eq(tickets.parentId, parentId), ticketVisible(actor)))
    .orderBy(asc(tickets.createdAt))
    .limit(200);
}

export function linksOf(db: DbOrTx, ticketId: string) {
  return db
    .select()
    .from(ticketLinks)
    .where(or(eq(ticketLinks.ticketId, ticketId), eq(ticketLinks.otherId, ticketId)))
    .orderBy(asc(ticketLinks.createdAt))
    .limit(200);
}

export function watchersOf(db: DbOrTx, ticketId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(ticketWatchers)
    .innerJoin(users, eq(users.id, ticketWatchers.userId))
    .where(eq(ticketWatchers.ticketId, ticketId))
    .orderBy(asc(ticketWatchers.createdAt));
}

export async function watcherIds(db: DbOrTx, ticketId: string): Promise<string[]> {
  const rows = await db
    .select({ u: ticketWatchers.userId })
    .from(ticketWatchers)
    .where(eq(ticketWatchers.ticketId, ticketId));
  return rows.map((r) => r.u);
}

export async function addWatchers(
  db: DbOrTx,
  ticketId: string,
  userIds: readonly string[],
  now: Date,
): Promise<number> {
  if (!userIds.length) return 0;
  const rows = await db
    .insert(ticketWatchers)
    .values(userIds.map((userId) => ({ ticketId, userId, createdAt: now })))
    .onConflictDoNothing()
    .returning({ u: ticketWatchers.userId });
  return rows.length;
}

/** Whether `ancestorId` is `id` or one of its parents (to refuse a cycle). */
export async function isAncestorOrSelf(db: DbOrTx, id: string, ancestorId: string): Promise<boolean> {
  const r = await db.execute<{ found: boolean }>(sql`WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM tickets WHERE id = ${id}
      UNION ALL SELECT t.id, t.parent_id, up.depth + 1 FROM tickets t JOIN up ON t.id = up.parent_id WHERE up.depth < 100)
    SELECT EXISTS (SELECT 1 FROM up WHERE id = ${ancestorId}) AS found`);
  return Boolean(r.rows[0]?.found);
}
