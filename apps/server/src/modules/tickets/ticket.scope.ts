import { and, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Actor } from '@opsdesk/domain';
import { projectVisible } from '../../db/scope.js';
import { tickets } from '../../db/schema/index.js';

/**
 * `canSeeTicket` (domain/tickets/access.ts) as a WHERE clause on `tickets`: the project scope, and
 * for subcontractor staff only tickets assigned to someone of their company.
 */
export function ticketVisible(actor: Actor): SQL {
  const base = projectVisible(actor, tickets.projectId);
  if (actor.kind !== 'subcontractor_staff') return base;
  return and(
    base,
    sql`${tickets.assigneeId} IN (SELECT u.id FROM users u WHERE u.subcontractor_id = ${actor.subcontractorId})`,
  )!;
}
