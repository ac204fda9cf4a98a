import type { CalendarDefinition } from '../calendar/calendar.js';
import type { BusinessMinutes, Instant } from '../calendar/units.js';
import { MS_PER_MINUTE, floorToMinute } from '../calendar/units.js';
import { addBusinessMinutes, workingMsBetween } from '../calendar/working-time.js';

/**
 * One entry of a clock's log. `start` when the clock begins (ticket raised), `pause` when the
 * ticket enters a pausing state (waiting on the customer; a pause while paused changes the
 * reason), `resume` when it leaves it, `stop` when the target event happens (responded, resolved).
 * Whether a stopped clock met its target follows from the time it used.
 */
export type ClockEvent =
  | { type: 'start'; at: Instant }
  | { type: 'pause'; at: Instant; reason: string }
  | { type: 'resume'; at: Instant }
  | { type: 'stop'; at: Instant };

/**
 * An SLA clock (响应时间 / 解决时间): a target in business minutes of a calendar, and its log.
 *
 * Clocks run on whole minutes: every instant (events and `now`) is truncated to its minute, as a
 * wall clock without seconds shows it. So a clock started 10:00:59 with a 30-minute target is due
 * 10:30, and a reply at 10:30:40 meets it. All its minute counts are then whole numbers.
 */
export interface SlaClock {
  /** Positive whole business minutes. */
  targetMinutes: BusinessMinutes;
  /** In time order, beginning with `start`; nothing after `stop`. */
  events: readonly ClockEvent[];
}

export type ClockPhase = 'not_started' | 'running' | 'paused' | 'stopped';

/** A stretch of the clock's life in one phase, `[start, end)` on whole minutes. */
export interface ClockSegment {
  kind: 'running' | 'paused';
  start: number;
  end: number;
  reason?: string;
}

export interface Replay {
  phase: ClockPhase;
  /** Non-empty segments in order, from start to stop or the replay's end. */
  segments: ClockSegment[];
  startedAt: number | null;
  stoppedAt: number | null;
  /** The phase the clock was in when it stopped or at the replay's end. */
  lastKind: 'running' | 'paused' | null;
  pauseReason: string | null;
  /** Where the replay ends: stop, `until`, or the last event. */
  end: number | null;
}

/** Throws a RangeError unless the target is a positive whole number and the log is well-formed. */
export function assertClock(clock: SlaClock): void {
  const t = clock.targetMinutes;
  if (!Number.isSafeInteger(t) || t <= 0)
    throw new RangeError(`a clock target is positive whole minutes, got ${t}`);
  let phase: ClockPhase = 'not_started';
  let last = -Infinity;
  clock.events.forEach((e, i) => {
    if (e.at < last) throw new RangeError(`clock event ${i} is earlier than the one before`);
    last = e.at;
    const ok =
      (e.type === 'start' && phase === 'not_started') ||
      (e.type === 'pause' && (phase === 'running' || phase === 'paused')) ||
      (e.type === 'resume' && phase === 'paused') ||
      (e.type === 'stop' && (phase === 'running' || phase === 'paused'));
    if (!ok) throw new RangeError(`clock event ${i} (${e.type}) cannot follow phase ${phase}`);
    phase = e.type === 'start' || e.type === 'resume' ? 'running' : e.type === 'pause' ? 'paused' : 'stopped';
  });
}

/**
 * Replays the log up to `until` (events after it are ignored; the open phase runs to it), or to
 * the last event when `until` is left out. Instants are truncated to the minute.
 */
export function replayClock(clock: SlaClock, until?: Instant): Replay {
  assertClock(clock);
  const limit = until === undefined ? Infinity : floorToMinute(until);
  const r: Replay = {
    phase: 'not_started',
    segments: [],
    startedAt: null,
    stoppedAt: null,
    lastKind: null,
    pauseReason: null,
    end: null,
  };
  let open: ClockSegment | null = null;
  const close = (at: number) => {
    if (open && at > open.start) r.segments.push({ ...open, end: at });
    open = null;
  };
  for (const e of clock.events) {
    const at = floorToMinute(e.at);
    if (at > limit) break;
    r.end = at;
    close(at);
    switch (e.type) {
      case 'start':
      case 'resume':
        if (e.type === 'start') r.startedAt = at;
        open = { kind: 'running', start: at, end: at };
        r.phase = 'running';
        r.lastKind = 'running';
        r.pauseReason = null;
        break;
      case 'pause':
        open = { kind: 'paused', start: at, end: at, reason: e.reason };
        r.phase = 'paused';
        r.lastKind = 'paused';
        r.pauseReason = e.reason;
        break;
      case 'stop':
        r.phase = 'stopped';
        r.stoppedAt = at;
        break;
    }
  }
  if (open !== null && limit !== Infinity) {
    close(limit);
    r.end = limit;
  }
  return r;
}

function runningMs(r: Replay, cal: CalendarDefinition): number {
  let ms = 0;
  for (const s of r.segments) if (s.kind === 'running') ms += workingMsBetween(cal, s.start, s.end);
  return ms;
}

/**
 * Business minutes the clock has used by `now`: the working time of the calendar while the clock
 * was running. Paused time never counts, even in working hours; time outside working hours never
 * counts. 0 before the start. A whole number.
 */
export function elapsedBusinessMinutes(
  clock: SlaClock,
  cal: CalendarDefinition,
  now: Instant,
): BusinessMinutes {
  return (runningMs(replayClock(clock, now), cal) / MS_PER_MINUTE) as BusinessMinutes;
}

/**
 * The instant a replayed clock reaches `minutes` used: within its history when it already has,
 * else projected from the replay's end if the clock is running there (or stopped while running —
 * a "would have been" time); null when it is paused (or stopped while paused) and short of it.
 */
export function instantAtElapsed(r: Replay, cal: CalendarDefinition, minutes: number): Instant | null {
  const need = minutes * MS_PER_MINUTE;
  let used = 0;
  for (const s of r.segments) {
    if (s.kind !== 'running') continue;
    const w = workingMsBetween(cal, s.start, s.end);
    if (used + w >= need)
      return addBusinessMinutes(cal, s.start as Instant, ((need - used) / MS_PER_MINUTE) as BusinessMinutes);
    used += w;
  }
  if (r.lastKind !== 'running' || r.end === null) return null;
  return addBusinessMinutes(cal, r.end as Instant, ((need - used) / MS_PER_MINUTE) as BusinessMinutes);
}

/**
 * When the clock is due: the instant it will have used its target. Paused business time moves it
 * later by exactly that much. Null while the log ends in a pause (a paused clock has no due time;
 * it gets one again on resume). For a stopped clock, the due time it had.
 */
export function dueAt(clock: SlaClock, cal: CalendarDefinition): Instant | null {
  return instantAtElapsed(replayClock(clock), cal, clock.targetMinutes);
}

export type ClockState = 'not_started' | 'running' | 'paused' | 'met' | 'breached';

export interface ClockStatus {
  /**
   * `breached` once more than the target is used (whether running, paused or stopped); `met` when
   * stopped within it; else the phase. At exactly 100 % a running clock is not yet breached: a
   * stop within its due minute meets it.
   */
  state: ClockState;
  phase: ClockPhase;
  elapsedMinutes: BusinessMinutes;
  targetMinutes: BusinessMinutes;
  /** target − elapsed: negative once breached ("overdue by"). */
  remainingMinutes: number;
  /** elapsed / target × 100, unrounded; above 100 once breached. */
  percentUsed: number;
  /** See `dueAt`; as known at `now`. */
  dueAt: Instant | null;
  pauseReason: string | null;
  stoppedAt: Instant | null;
}

/** The clock at `now` (events after `now` are ignored). */
export function clockState(clock: SlaClock, cal: CalendarDefinition, now: Instant): ClockStatus {
  const r = replayClock(clock, now);
  const elapsed = runningMs(r, cal) / MS_PER_MINUTE;
  const target = clock.targetMinutes;
  const state: ClockState =
    r.phase === 'not_started'
      ? 'not_started'
      : elapsed > target
        ? 'breached'
        : r.phase === 'stopped'
          ? 'met'
          : r.phase;
  return {
    state,
    phase: r.phase,
    elapsedMinutes: elapsed as BusinessMinutes,
    targetMinutes: target,
    remainingMinutes: target - elapsed,
    percentUsed: (elapsed * 100) / target,
    dueAt: instantAtElapsed(r, cal, target),
    pauseReason: r.phase === 'paused' ? r.pauseReason : null,
    stoppedAt: r.stoppedAt as Instant | null,
  };
}
