import { and, arrayContains, eq, gte, inArray, isNull, lt, lte, notInArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { isTicketNumber, projectScope, searchQuery, seesInternalNotes } from '@opsdesk/domain';
import type { Actor } from '@opsdesk/domain';
import type { TicketListQuery } from '@opsdesk/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { projectVisible } from '../../db/scope.js';
import { tickets } from '../../db/schema/index.js';
import { keyset } from '../../http/pagination.js';
import { ticketVisible } from './ticket.scope.js';
import { ticketViewQuery } from './ticket.repository.js';
import type { TicketView } from './ticket.repository.js';

export type TicketListInput = z.output<typeof TicketListQuery>;

const DEFAULT_WITHIN_MIN = 120;

/**
 * How many tickets (in the list's order, after the cursor) a search first walks, testing each row's
 * stored vector and its comments (docs/decisions/0202). A term common enough to fill a page there is
 * answered by that walk alone, whatever the number of matches further back; a rarer one is then
 * collected through the GIN indexes, which costs in proportion to its matches in the caller's
 * projects — few, since it was rare in the walk. About 2 µs a row walked (1 M tickets, PostgreSQL 15).
 * The walk goes through the caller's projects' newest tickets (each project's (project_id,
 * created_at, id) index, merged); across every project, or for another sort, through the global
 * index, where rows of other projects are read too (hence more of them).
 */
export const SEARCH_WALK_ROWS = 5_000;
export const SEARCH_WALK_ROWS_GLOBAL = 8_000;
/** More projects than this are walked through the global index. */
const MAX_WALK_PROJECTS = 64;

/** Sorts whose (column, id) index a newest-first walk can follow (the nullable SLA sort cannot). */
const WALKABLE_SORTS = new Set(['createdAt', 'updatedAt', 'priority']);

/** The lexeme of a project in `tickets.search_vector` (migrations/0202): no query term can produce it. */
export const projectLexeme = (projectId: string) => `'ǁp${projectId.replace(/-/g, '')}'`;
const NO_PROJECT = `'ǁp0'`;

/**
 * A `tsquery` of the projects whose tickets the actor may see (`lexeme | lexeme | …`), to AND with
 * the search so the GIN index only collects those; null when the actor sees every project.
 */
function projectsQuery(actor: Actor, projectId: string | undefined): SQL | null {
  if (projectId) return sql`${projectLexeme(projectId)}::tsquery`;
  const s = projectScope(actor);
  if (s.kind === 'all') return null;
  if (s.kind === 'none') return sql`${NO_PROJECT}::tsquery`;
  if (s.kind === 'staff' && s.division === null && s.region === null)
    return sql`${s.memberProjectIds.map(projectLexeme).join(' | ') || NO_PROJECT}::tsquery`;
  return sql`(SELECT coalesce(string_agg(quote_literal('ǁp' || replace(p.id::text, '-', '')), ' | '), ${NO_PROJECT})::tsquery
    FROM projects p WHERE ${projectVisible(actor, sql`p.id`)})`;
}

const publicOnlyFor = (actor: Actor) =>
  seesInternalNotes(actor) ? sql`` : sql` AND c.visibility = 'public'`;

/**
 * Full-text match on the ticket (number, title, description) or any comment the actor may read —
 * internal notes only for staff — collected through the two GIN indexes; see domain/search for why
 * this finds every ticket a substring search would (for CJK) and whole words by prefix (for latin).
 * The tickets' side is limited to the actor's projects inside the index (their project lexemes);
 * comments carry no project, so theirs are collected over all tickets and the list's own
 * visibility filter drops the others.
 */
export function textMatch(actor: Actor, q: string, projectId?: string): SQL | undefined {
  const tsq = searchQuery(q);
  if (tsq === null) return undefined;
  const projects = projectsQuery(actor, projectId);
  const ticketQuery = projects
    ? sql`(to_tsquery('simple', ${tsq}) && ${projects})`
    : sql`to_tsquery('simple', ${tsq})`;
  // `= ANY(ARRAY(…))`: the matches are collected once through the GIN indexes, then fetched by
  // primary key and sorted; an `IN (…)` let the planner hash-join against a scan of all tickets
  // (EXPLAIN on 200 k tickets: 15 ms against 51 ms; see docs/decisions/0200).
  return sql`${tickets.id} = ANY(ARRAY(
    SELECT s.id FROM tickets s WHERE s.search_vector @@ ${ticketQuery}
    UNION
    SELECT c.ticket_id FROM ticket_comments c WHERE c.search_vector @@ to_tsquery('simple', ${tsq})${publicOnlyFor(actor)}))`;
}

/**
 * The same match tested on one ticket row at a time: its stored vector, then its comments through
 * their ticket index. `OFFSET 0` keeps PostgreSQL from turning the EXISTS into a hashed set of every
 * matching comment (which it estimates, wrongly for phrases, as tiny), so a walk that stops after a
 * page reads only the comments of the tickets it walked.
 */
function rowTextMatch(actor: Actor, tsq: string): SQL {
  return sql`(${tickets.searchVector} @@ to_tsquery('simple', ${tsq})
    OR EXISTS (SELECT 1 FROM ticket_comments c WHERE c.ticket_id = ${tickets.id}
      AND c.search_vector @@ to_tsquery('simple', ${tsq})${publicOnlyFor(actor)} OFFSET 0))`;
}

/** The filters of the ticket list and the agent queues (each has an index; see the decision note). */
export function ticketFilters(
  actor: Actor,
  q: TicketListInput,
  now: Date,
  text: 'collect' | 'none' = 'collect',
): SQL | undefined {
  const parts: (SQL | undefined)[] = [ticketVisible(actor)];
  switch (q.queue) {
    case 'mine':
      parts.push(eq(tickets.assigneeId, actor.userId));
      break;
    case 'my_groups':
      parts.push(
        sql`${tickets.groupId} IN (SELECT tm.team_id FROM team_members tm WHERE tm.user_id = ${actor.userId})`,
      );
      break;
    case 'unassigned':
      parts.push(isNull(tickets.assigneeId), notInArray(tickets.stateCategory, ['resolved', 'final']));
      break;
    case 'breaching_soon':
      parts.push(
        lte(tickets.slaDueAt, new Date(now.getTime() + (q.withinMinutes ?? DEFAULT_WITHIN_MIN) * 60_000)),
      );
      break;
    default:
      break;
  }
  if (q.projectId) parts.push(eq(tickets.projectId, q.projectId));
  if (q.kind?.length) parts.push(inArray(tickets.kind, q.kind));
  if (q.state) parts.push(eq(tickets.state, q.state));
  if (q.stateCategory?.length) parts.push(inArray(tickets.stateCategory, q.stateCategory));
  if (q.open === true) parts.push(notInArray(tickets.stateCategory, ['resolved', 'final']));
  if (q.open === false) parts.push(inArray(tickets.stateCategory, ['resolved', 'final']));
  if (q.priority) parts.push(eq(tickets.priority, q.priority));
  if (q.assigneeId) parts.push(eq(tickets.assigneeId, q.assigneeId));
  if (q.groupId) parts.push(eq(tickets.groupId, q.groupId));
  if (q.requesterId) parts.push(eq(tickets.requesterId, q.requesterId));
  if (q.categoryId)
    parts.push(
      sql`${tickets.categoryId} IN (WITH RECURSIVE down(id, depth) AS (SELECT ${q.categoryId}::uuid, 0 UNION ALL SELECT c.id, down.depth + 1 FROM ticket_categories c JOIN down ON c.parent_id = down.id WHERE down.depth < 20) SELECT id FROM down)`,
    );
  if (q.channel) parts.push(eq(tickets.channel, q.channel));
  if (q.businessStopped !== undefined) parts.push(eq(tickets.businessStopped, q.businessStopped));
  if (q.breached !== undefined) parts.push(eq(tickets.slaBreached, q.breached));
  if (q.tag) parts.push(arrayContains(tickets.tags, [q.tag]));
  if (q.createdFrom) parts.push(gte(tickets.createdAt, new Date(q.createdFrom)));
  if (q.createdTo) parts.push(lt(tickets.createdAt, new Date(q.createdTo)));
  if (q.q && text === 'collect') parts.push(textMatch(actor, q.q, q.projectId));
  return and(...parts);
}

/**
 * The projects a search walks (their own indexes, merged in order): the one asked for, or those the
 * actor sees; null when that is every project (then the global index is walked). The visibility
 * filter still applies to every row walked.
 */
async function walkProjects(
  db: DbOrTx,
  actor: Actor,
  projectId: string | undefined,
): Promise<string[] | null> {
  if (projectId) return [projectId];
  const s = projectScope(actor);
  if (s.kind === 'all') return null;
  if (s.kind === 'none') return [];
  if (s.kind === 'staff' && s.division === null && s.region === null) return [...s.memberProjectIds];
  const r = await db.execute<{ id: string }>(
    sql`SELECT p.id FROM projects p WHERE ${projectVisible(actor, sql`p.id`)} LIMIT ${MAX_WALK_PROJECTS + 1}`,
  );
  return r.rows.map((x) => x.id);
}

export async function listTickets(db: DbOrTx, actor: Actor, q: TicketListInput, now: Date) {
  const sort = q.sort ?? (q.queue === 'breaching_soon' ? 'slaDueAt' : '-createdAt');
  const ks = keyset<TicketView>(
    q,
    {
      createdAt: { column: tickets.createdAt },
      updatedAt: { column: tickets.updatedAt },
      priority: { column: tickets.priority },
      slaDueAt: { column: tickets.slaDueAt, nullable: true },
    },
    tickets.id,
    {
      defaultSort: q.queue === 'breaching_soon' ? 'slaDueAt' : '-createdAt',
      rowKey: (r, k) => r.ticket[k as keyof TicketView['ticket']],
      rowId: (r) => r.ticket.id,
    },
  );
  const tsq = q.q ? searchQuery(q.q) : null;
  const sortKey = sort.replace(/^-/, '');
  if (tsq !== null && WALKABLE_SORTS.has(sortKey) && !isTicketNumber(q.q!)) {
    // A search walks the newest tickets first (see SEARCH_WALK_ROWS); a full page found there is
    // the answer, since every other match comes later in the list's order.
    const order = sql.join(ks.orderBy, sql`, `);
    const after = ks.where ? sql`AND ${ks.where}` : sql``;
    const projectIds = sortKey === 'createdAt' ? await walkProjects(db, actor, q.projectId) : null;
    const source =
      projectIds && projectIds.length <= MAX_WALK_PROJECTS
        ? sql`(SELECT * FROM (${sql.join(
            projectIds.map(
              (id) =>
                sql`(SELECT * FROM tickets WHERE ${tickets.projectId} = ${id} ${after} ORDER BY ${order} LIMIT ${SEARCH_WALK_ROWS})`,
            ),
            sql` UNION ALL `,
          )}) tickets ORDER BY ${order} LIMIT ${SEARCH_WALK_ROWS})`
        : sql`(SELECT * FROM tickets WHERE true ${after} ORDER BY ${order} LIMIT ${SEARCH_WALK_ROWS_GLOBAL})`;
    const walked =
      projectIds?.length === 0
        ? { rows: [] }
        : await db.execute<{ id: string }>(sql`SELECT ${tickets.id} FROM ${source} tickets
          WHERE ${and(ticketFilters(actor, q, now, 'none'), rowTextMatch(actor, tsq))}
          LIMIT ${ks.limit}`);
    if (walked.rows.length === ks.limit) return ks.page(await viewsOf(db, walked.rows, ks.orderBy));
  }
  if (tsq !== null) {
    // Rare in the walk (or no walk for this sort): collect the matches through the GIN indexes — the
    // tickets' limited to the actor's projects inside the index — sort just their keys for the page,
    // then read the page's rows (joining names to every match first cost more than the collection).
    const projects = projectsQuery(actor, q.projectId);
    const ticketQuery = projects
      ? sql`(to_tsquery('simple', ${tsq}) && ${projects})`
      : sql`to_tsquery('simple', ${tsq})`;
    const filters = and(ticketFilters(actor, q, now, 'none'), ks.where);
    const keys = sql`${tickets.id}, ${tickets.createdAt}, ${tickets.updatedAt}, ${tickets.priority}, ${tickets.slaDueAt}`;
    const found = await db.execute<{ id: string }>(sql`SELECT ${tickets.id} FROM (
        SELECT ${keys} FROM tickets WHERE ${tickets.searchVector} @@ ${ticketQuery} AND ${filters}
        UNION
        SELECT ${keys} FROM tickets WHERE ${tickets.id} IN (SELECT c.ticket_id FROM ticket_comments c
          WHERE c.search_vector @@ to_tsquery('simple', ${tsq})${publicOnlyFor(actor)}) AND ${filters}
      ) tickets ORDER BY ${sql.join(ks.orderBy, sql`, `)} LIMIT ${ks.limit}`);
    return ks.page(await viewsOf(db, found.rows, ks.orderBy));
  }
  if (q.queue === 'my_groups' && sortKey === 'createdAt') {
    const walked = await myGroupsWalk(db, actor, q, now, ks);
    if (walked) return ks.page(await viewsOf(db, walked, ks.orderBy));
  }
  const rows = await ticketViewQuery(db)
    .where(and(ticketFilters(actor, q, now), ks.where))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(rows);
}

/** More groups than this are filtered through the global index instead. */
const MAX_WALK_GROUPS = 32;

/**
 * "My groups", newest first: each of the caller's groups walked through its own (group_id,
 * created_at, id) index, the walks merged for the page. Through the global created_at index a page
 * meant skipping every newer ticket of other groups and not yet routed — 1.3 s on 1 M tickets
 * whose newest were unrouted (bench/RESULTS.md). Null when the caller is in too many groups.
 */
async function myGroupsWalk(
  db: DbOrTx,
  actor: Actor,
  q: TicketListInput,
  now: Date,
  ks: { where: SQL | undefined; orderBy: SQL[]; limit: number },
): Promise<{ id: string }[] | null> {
  const groups = await db.execute<{ team_id: string }>(
    sql`SELECT team_id FROM team_members WHERE user_id = ${actor.userId} LIMIT ${MAX_WALK_GROUPS + 1}`,
  );
  if (groups.rows.length > MAX_WALK_GROUPS) return null;
  if (!groups.rows.length) return [];
  const order = sql.join(ks.orderBy, sql`, `);
  const filters = and(ticketFilters(actor, { ...q, queue: undefined }, now), ks.where);
  const walks = groups.rows.map(
    (g) =>
      sql`(SELECT ${tickets.id}, ${tickets.createdAt} FROM tickets WHERE ${tickets.groupId} = ${g.team_id} AND ${filters} ORDER BY ${order} LIMIT ${ks.limit})`,
  );
  const found = await db.execute<{ id: string }>(
    sql`SELECT ${tickets.id} FROM (${sql.join(walks, sql` UNION ALL `)}) tickets ORDER BY ${order} LIMIT ${ks.limit}`,
  );
  return found.rows;
}

/** The list rows of tickets found by id, in the list's order. */
async function viewsOf(db: DbOrTx, found: { id: string }[], orderBy: SQL[]): Promise<TicketView[]> {
  if (!found.length) return [];
  return ticketViewQuery(db)
    .where(sql`${tickets.id} = ANY(${`{${found.map((r) => r.id).join(',')}}`}::uuid[])`)
    .orderBy(...orderBy);
}
