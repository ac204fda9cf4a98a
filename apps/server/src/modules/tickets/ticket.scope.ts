import { and, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Actor } from '@opsdesk/domain';
import { projectVisible } from '../../db/scope.js';
import { tickets } from '../../db/schema/index.js';

/**
 * Further tickets a subcontractor's staff see, registered by modules that dispatch work to a
 * company rather than a person (work orders, docs/decisions/0400): a condition on `tickets`.
 */
const subcontractorScopes: ((subcontractorId: string) => SQL)[] = [];
export function addSubcontractorTicketScope(scope: (subcontractorId: string) => SQL): void {
  if (!subcontractorScopes.includes(scope)) subcontractorScopes.push(scope);
}

/**
 * `canSeeTicket` (domain/tickets/access.ts) as a WHERE clause on `tickets`: the project scope, and
 * for subcontractor staff only tickets assigned to someone of their company (or, through a
 * registered scope, dispatched to it).
 */
export function ticketVisible(actor: Actor): SQL {
  const base = projectVisible(actor, tickets.projectId);
  if (actor.kind !== 'subcontractor_staff') return base;
  const company = actor.subcontractorId;
  if (!company) return sql`false`;
  return and(
    base,
    or(
      sql`${tickets.assigneeId} IN (SELECT u.id FROM users u WHERE u.subcontractor_id = ${company})`,
      ...subcontractorScopes.map((scope) => scope(company)),
    ),
  )!;
}
