import { and, eq, sql } from 'drizzle-orm';
import { addBusinessMinutes, clockState, crossedThresholds, instant, nextThresholdAt } from '@opsdesk/domain';
import type {
  BusinessMinutes,
  CalendarDefinition,
  ClockEvent,
  Instant,
  SideEffects,
  SlaClock,
} from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { slaClocks, tickets } from '../../db/schema/index.js';
import type { StoredClockEvent } from '../../db/schema/index.js';
import { uuid7 } from '../../lib/ids.js';
import type { CalendarResolver } from '../calendars/calendar.definition.js';
import { policyForTicket, targetFor } from './sla.policy.repository.js';
import type { SlaPolicyRow } from './sla.policy.repository.js';

export type SlaClockRow = typeof slaClocks.$inferSelect;
export const METRICS = ['response', 'resolution'] as const;

export function domainClock(row: Pick<SlaClockRow, 'targetMinutes' | 'events'>): SlaClock {
  return {
    targetMinutes: row.targetMinutes as BusinessMinutes,
    events: row.events.map((e) => ({ ...e, at: instant(e.at) }) as ClockEvent),
  };
}

/** When a clock at its due minute turns breached: one business minute after the due time. */
export function breachInstant(def: CalendarDefinition, dueAt: Instant): Instant {
  return addBusinessMinutes(def, dueAt, 1 as BusinessMinutes);
}

/**
 * What the sweep and lists need, derived from the log at `now`: the state, the due time, and the
 * next time anything can happen without a new event (`next_check_at`): the next escalation step,
 * the breach, or now when a step or breach is due and not yet recorded. Null when nothing will.
 */
export function deriveClock(
  row: Pick<SlaClockRow, 'targetMinutes' | 'events' | 'escalations' | 'firedThresholds' | 'breachedAt'>,
  def: CalendarDefinition,
  nowDate: Date,
) {
  const now = instant(nowDate.getTime());
  const clock = domainClock(row);
  const st = clockState(clock, def, now);
  const stopped = st.phase === 'stopped';
  const thresholds = row.escalations.map((e) => e.threshold);
  let next: number | null = null;
  const consider = (t: number | null | undefined) => {
    if (t !== null && t !== undefined && (next === null || t < next)) next = t;
  };
  if (!stopped && thresholds.length) {
    consider(nextThresholdAt(clock, def, now, thresholds)?.at);
    if (crossedThresholds(clock, def, now, thresholds).some((t) => !row.firedThresholds.includes(t)))
      consider(now);
  }
  if (row.breachedAt === null) {
    if (st.state === 'breached') consider(now);
    else if (st.phase === 'running' && st.dueAt !== null) consider(breachInstant(def, st.dueAt));
  }
  const state: SlaClockRow['state'] = st.state === 'not_started' ? 'running' : st.state;
  return {
    status: st,
    state,
    stopped,
    dueAt: st.dueAt === null ? null : new Date(st.dueAt),
    nextCheckAt: next === null ? null : new Date(next),
  };
}

export async function saveDerived(
  tx: DbOrTx,
  row: SlaClockRow,
  def: CalendarDefinition,
  now: Date,
  patch: Partial<SlaClockRow> = {},
): Promise<SlaClockRow> {
  const merged = { ...row, ...patch };
  const d = deriveClock(merged, def, now);
  const [r] = await tx
    .update(slaClocks)
    .set({
      ...patch,
      state: d.state,
      stopped: d.stopped,
      dueAt: d.dueAt,
      nextCheckAt: d.nextCheckAt,
      updatedAt: now,
    })
    .where(eq(slaClocks.id, row.id))
    .returning();
  return r!;
}

/** Mirrors the clocks onto the ticket for lists: the earliest running due time and whether any breached. */
export async function syncTicketSla(tx: DbOrTx, ticketId: string): Promise<void> {
  await tx.execute(sql`UPDATE tickets SET
      sla_due_at = (SELECT min(due_at) FROM sla_clocks WHERE ticket_id = ${ticketId} AND NOT stopped AND state = 'running'),
      sla_breached = EXISTS (SELECT 1 FROM sla_clocks WHERE ticket_id = ${ticketId} AND (state = 'breached' OR breached_at IS NOT NULL))
    WHERE id = ${ticketId}`);
}

interface TicketForSla {
  id: string;
  projectId: string;
  kind: string;
  priority: number;
}

export type NewClockRow = typeof slaClocks.$inferInsert & Pick<SlaClockRow, 'dueAt' | 'state' | 'stopped'>;

/**
 * The clocks a new ticket starts under `policy` (none without one or without a target), derived
 * at `now` (pure but for reading the calendar), and what the ticket mirrors of them (`syncTicketSla`).
 */
export async function planClocks(
  resolver: CalendarResolver,
  policy: SlaPolicyRow | null,
  ticket: TicketForSla,
  now: Date,
): Promise<{ rows: NewClockRow[]; slaDueAt: Date | null; slaBreached: boolean }> {
  const rows: NewClockRow[] = [];
  if (!policy) return { rows, slaDueAt: null, slaBreached: false };
  const def = await resolver.definition(policy.calendarId);
  for (const metric of METRICS) {
    const target = targetFor(policy, ticket.priority, metric);
    if (!target) continue;
    const base = {
      id: uuid7(),
      ticketId: ticket.id,
      projectId: ticket.projectId,
      metric,
      policyId: policy.id,
      calendarId: policy.calendarId,
      targetMinutes: target,
      escalations: policy.escalations,
      firedThresholds: [] as number[],
      events: [{ type: 'start', at: now.getTime() }] as StoredClockEvent[],
      breachedAt: null,
    };
    const d = deriveClock(base, def, now);
    rows.push({
      ...base,
      state: d.state,
      stopped: d.stopped,
      dueAt: d.dueAt,
      nextCheckAt: d.nextCheckAt,
      updatedAt: now,
    });
  }
  const running = rows.filter((r) => !r.stopped && r.state === 'running' && r.dueAt !== null);
  return {
    rows,
    slaDueAt: running.length ? new Date(Math.min(...running.map((r) => r.dueAt!.getTime()))) : null,
    slaBreached: rows.some((r) => r.state === 'breached' || r.breachedAt),
  };
}

/** Starts the ticket's clocks per its SLA policy (none without a policy or a target). */
export async function startClocks(
  tx: DbOrTx,
  resolver: CalendarResolver,
  ticket: TicketForSla,
  categoryPath: readonly string[],
  now: Date,
): Promise<void> {
  const policy = await policyForTicket(tx, ticket.projectId, ticket.kind, categoryPath);
  if (!policy) return;
  const { rows } = await planClocks(resolver, policy, ticket, now);
  for (const row of rows) await tx.insert(slaClocks).values(row);
  await syncTicketSla(tx, ticket.id);
}

export function clocksOf(tx: DbOrTx, ticketId: string, lock = false) {
  const q = tx.select().from(slaClocks).where(eq(slaClocks.ticketId, ticketId)).orderBy(slaClocks.metric);
  return lock ? q.for('update') : q;
}

/** The events a transition's side effects add to one clock (pure). */
export function eventsAfter(
  row: Pick<SlaClockRow, 'metric' | 'events' | 'stopped'>,
  fx: SideEffects,
  at: number,
): StoredClockEvent[] {
  const events = [...row.events];
  const last = events[events.length - 1];
  const t = Math.max(at, last?.at ?? at);
  const phase = () => {
    const e = events[events.length - 1];
    return !e ? 'none' : e.type === 'stop' ? 'stopped' : e.type === 'pause' ? 'paused' : 'running';
  };
  if (fx.resumeResolution && row.metric === 'resolution' && phase() === 'stopped') {
    // Reopened: the time it spent resolved becomes a pause, then it runs again (a log never restarts after `stop`).
    events[events.length - 1] = { type: 'pause', at: events[events.length - 1]!.at, reason: 'resolved' };
    events.push({ type: 'resume', at: t });
  }
  if (fx.meetsResponse && row.metric === 'response' && phase() !== 'stopped')
    events.push({ type: 'stop', at: t });
  if (fx.pauseSla && phase() !== 'stopped') events.push({ type: 'pause', at: t, reason: fx.pauseSla });
  if (fx.resumeSla && phase() === 'paused') events.push({ type: 'resume', at: t });
  // Resolving also answers: a response clock still running stops with the resolution.
  if (fx.stopResolution && phase() !== 'stopped') events.push({ type: 'stop', at: t });
  if (fx.stopSla && phase() !== 'stopped') events.push({ type: 'stop', at: t });
  return events;
}

/** Applies a transition's (or a reply's) SLA side effects to the ticket's clocks, in its transaction. */
export async function applyClockEffects(
  tx: DbOrTx,
  resolver: CalendarResolver,
  ticketId: string,
  fx: SideEffects,
  now: Date,
): Promise<void> {
  const rows = await clocksOf(tx, ticketId, true);
  let changed = false;
  for (const row of rows) {
    const events = eventsAfter(row, fx, now.getTime());
    if (events.length === row.events.length && events.every((e, i) => e === row.events[i])) continue;
    await saveDerived(tx, row, await resolver.definition(row.calendarId), now, { events });
    changed = true;
  }
  if (changed) await syncTicketSla(tx, ticketId);
}

/** After a priority, kind or category change: each clock takes the target of the policy for the new values. */
export async function retargetClocks(
  tx: DbOrTx,
  resolver: CalendarResolver,
  ticket: TicketForSla,
  categoryPath: readonly string[],
  now: Date,
): Promise<void> {
  const policy = await policyForTicket(tx, ticket.projectId, ticket.kind, categoryPath);
  const rows = await clocksOf(tx, ticket.id, true);
  if (!rows.length) {
    await startClocksIfLive(tx, resolver, ticket, categoryPath, now);
    return;
  }
  for (const row of rows) {
    // A work order's arrival clock follows the project's arrival targets, not the policy (decision 0400).
    if (row.metric === 'arrival') continue;
    const target = policy ? targetFor(policy, ticket.priority, row.metric) : null;
    if (!target || target === row.targetMinutes) continue;
    await saveDerived(tx, row, await resolver.definition(row.calendarId), now, {
      targetMinutes: target,
      policyId: policy!.id,
    });
  }
  await syncTicketSla(tx, ticket.id);
}

async function startClocksIfLive(
  tx: DbOrTx,
  resolver: CalendarResolver,
  ticket: TicketForSla,
  categoryPath: readonly string[],
  now: Date,
) {
  const [t] = await tx
    .select({ c: tickets.stateCategory })
    .from(tickets)
    .where(and(eq(tickets.id, ticket.id)));
  if (t && (t.c === 'open' || t.c === 'in_progress'))
    await startClocks(tx, resolver, ticket, categoryPath, now);
}
