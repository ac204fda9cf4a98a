import { asc, eq } from 'drizzle-orm';
import { clockState, explainClock, instant } from '@opsdesk/domain';
import { slaEscalations } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { CalendarResolver } from '../calendars/calendar.definition.js';
import { findTicketView } from '../tickets/ticket.repository.js';
import { clocksOf, domainClock } from './sla.clocks.js';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/**
 * `GET /tickets/:id/sla`: each clock explained at `now` — every working, non-working and paused
 * interval from its start to its stop (or now), the working minutes summing to the time used.
 */
export async function ticketSla(ctx: Ctx, ticketId: string) {
  const view = await findTicketView(ctx.db, ctx.actor, ticketId);
  if (!view) throw AppError.notFound();
  const resolver = new CalendarResolver(ctx.db, ctx.now);
  const now = instant(ctx.now.getTime());
  const fired = await ctx.db
    .select()
    .from(slaEscalations)
    .where(eq(slaEscalations.ticketId, ticketId))
    .orderBy(asc(slaEscalations.threshold));
  const clocks = [];
  for (const row of await clocksOf(ctx.db, ticketId)) {
    const cal = await resolver.row(row.calendarId);
    const def = await resolver.definitionOf(cal);
    const clock = domainClock(row);
    const st = clockState(clock, def, now);
    const ex = explainClock(clock, def, now);
    clocks.push({
      metric: row.metric,
      state: st.state,
      phase: st.phase,
      targetMinutes: row.targetMinutes,
      elapsedMinutes: st.elapsedMinutes,
      remainingMinutes: st.remainingMinutes,
      percentUsed: Math.round(st.percentUsed * 100) / 100,
      dueAt: iso(st.dueAt),
      breachedAt: row.breachedAt?.toISOString() ?? null,
      pauseReason: st.pauseReason,
      calendar: { id: cal.id, name: cal.name, timeZone: cal.timeZone },
      from: iso(ex.from),
      to: iso(ex.to),
      intervals: ex.intervals.map((i) => ({
        kind: i.kind,
        start: new Date(i.start).toISOString(),
        end: new Date(i.end).toISOString(),
        minutes: i.minutes,
        ...(i.kind === 'paused' ? { reason: i.reason, workingMinutes: i.workingMinutes } : {}),
      })),
      escalations: fired
        .filter((e) => e.clockId === row.id)
        .map((e) => ({
          threshold: e.threshold,
          crossedAt: e.crossedAt.toISOString(),
          firedAt: e.firedAt.toISOString(),
        })),
    });
  }
  return { ticketId, now: ctx.now.toISOString(), clocks };
}
