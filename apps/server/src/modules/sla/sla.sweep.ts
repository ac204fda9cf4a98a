import { systemCtx } from '../../jobs/system-ctx.js';
import { asc, eq, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { slaClocks, tickets } from '../../db/schema/index.js';
import type { Deps } from '../../http/context.js';
import { CalendarResolver } from '../calendars/calendar.definition.js';
import { MAIL_JOB } from '../mail/mail.outbox.js';
import { ticketColumns } from '../tickets/ticket.repository.js';
import { sweepBatch } from './sla.sweep.batch.js';

const BATCH = 100;
const MAX_ROUNDS = 20;

/**
 * The SLA timer sweep (a pg-boss cron job, every minute). It reads only clocks whose
 * `next_check_at` is due — through the partial index — so its cost grows with the clocks that are
 * due, not with all running ones. A batch of due clocks is claimed with their tickets in one
 * statement (`FOR UPDATE … SKIP LOCKED`: a clock or ticket another node or a request holds is left
 * for the next run), their states computed in memory by the domain's pure functions, and their
 * steps, breaches, history, audit rows, notifications and next checks written in a few set-based
 * statements, in one transaction per batch (docs/decisions/0203). Every step is a row with a unique
 * (clock, threshold) and every breach a row unique on the clock, written `ON CONFLICT DO NOTHING`:
 * only the steps whose row was written are announced, so a step happens once across nodes and
 * retries. A clock whose step changes its ticket (raises the priority, moves the group) is handled
 * by `checkClock`, one clock after another, because the change retargets the ticket's other
 * clocks. Returns how many clocks it handled.
 */
export async function sweepClocks(deps: Deps): Promise<number> {
  let handled = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = deps.now();
    // Most minutes have nothing due: one indexed read, no transaction.
    const someDue = await deps.db.execute(
      sql`SELECT 1 FROM sla_clocks WHERE next_check_at <= ${now} LIMIT 1`,
    );
    if (!someDue.rows.length) break;
    // One resolver per round (its doc: one per request or job run): each calendar and the holiday
    // data are read once for all the clocks.
    const resolver = new CalendarResolver(deps.db, now);
    const who = systemCtx(deps, 'sla.sweep', now);
    const claimed = await deps.db.transaction(async (tx) => {
      const rows = await tx
        .select({ clock: slaClocks, ticket: ticketColumns })
        .from(slaClocks)
        .innerJoin(tickets, eq(tickets.id, slaClocks.ticketId))
        .where(lte(slaClocks.nextCheckAt, now))
        .orderBy(asc(slaClocks.nextCheckAt))
        .limit(BATCH)
        .for('update', { of: [tickets, slaClocks], skipLocked: true });
      if (rows.length) await sweepBatch(tx, who, rows, resolver);
      return rows.length;
    });
    handled += claimed;
    if (claimed < BATCH) break;
  }
  if (handled) await deps.jobs.send(MAIL_JOB, {}).catch(() => undefined);
  return handled;
}

/** For tests and tools: the clocks of a ticket, unlocked. */
export function clockRows(db: DbOrTx, ticketId: string) {
  return db.select().from(slaClocks).where(eq(slaClocks.ticketId, ticketId));
}
