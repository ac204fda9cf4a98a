import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { ticketEvents } from '../../db/schema/index.js';
import type { AnonCtx, Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';

/** Who changed a ticket: a person (request) or the system (a job). */
export type Who = Ctx | AnonCtx;

export const whoId = (who: Who): string | null => who.actor?.userId ?? null;

/**
 * Appends to the ticket's history, in the change's transaction (the audit row is written beside
 * it). `internal` entries (internal notes, routing details) are hidden from customer contacts.
 */
export async function recordTicketEvent(
  tx: DbOrTx,
  who: Who,
  ticketId: string,
  type: string,
  data: Record<string, unknown>,
  visibility: 'public' | 'internal' = 'public',
): Promise<void> {
  await tx.insert(ticketEvents).values({
    id: uuid7(),
    ticketId,
    at: who.now,
    actorId: whoId(who),
    actorName: who.actorName ?? 'system',
    type,
    visibility,
    data,
  });
}

export function listTicketEvents(db: DbOrTx, ticketId: string, includeInternal: boolean) {
  return db
    .select()
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.ticketId, ticketId),
        includeInternal ? undefined : eq(ticketEvents.visibility, 'public'),
      ),
    )
    .orderBy(asc(ticketEvents.at), asc(ticketEvents.id))
    .limit(2000);
}
