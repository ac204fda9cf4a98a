import type { CalendarDefinition } from '../calendar/calendar.js';
import type { BusinessMinutes, CalendarMinutes, Instant } from '../calendar/units.js';
import { MS_PER_MINUTE } from '../calendar/units.js';
import { workingIntervals, workingMsBetween } from '../calendar/working-time.js';
import type { ClockPhase, SlaClock } from './clock.js';
import { replayClock } from './clock.js';

/**
 * One stretch of a clock's life, `[start, end)`:
 * - `working`: running in working hours; `minutes` are business minutes and the only ones used;
 * - `non_working`: running outside working hours (nights, weekends, holidays, lunch);
 * - `paused`: the clock was paused, working hours or not; `workingMinutes` is the working time it
 *   held back, i.e. how far the pause moved the due time.
 */
export type ExplainedInterval =
  | { kind: 'working'; start: Instant; end: Instant; minutes: BusinessMinutes }
  | { kind: 'non_working'; start: Instant; end: Instant; minutes: CalendarMinutes }
  | {
      kind: 'paused';
      start: Instant;
      end: Instant;
      minutes: CalendarMinutes;
      reason: string;
      workingMinutes: BusinessMinutes;
    };

export interface ClockExplanation {
  phase: ClockPhase;
  /** The clock's start, or null before it. */
  from: Instant | null;
  /** Where the explanation ends: the stop, or `now`. */
  to: Instant | null;
  /** Equal to the sum of the `working` intervals' minutes. */
  elapsedMinutes: BusinessMinutes;
  intervals: ExplainedInterval[];
}

/**
 * Why a clock shows what it shows (`GET /tickets/:id/sla`): its time from start to stop (or `now`)
 * cut into working, non-working and paused intervals, in order, without gaps or empty intervals.
 * The working intervals' minutes add up exactly to the elapsed business minutes: the clock runs on
 * whole minutes, so every count is a whole number.
 */
export function explainClock(clock: SlaClock, cal: CalendarDefinition, now: Instant): ClockExplanation {
  const r = replayClock(clock, now);
  const intervals: ExplainedInterval[] = [];
  const push = (i: ExplainedInterval) => {
    const last = intervals[intervals.length - 1];
    const joined = last && last.end === i.start ? join(last, i) : null;
    if (joined) intervals[intervals.length - 1] = joined;
    else intervals.push(i);
  };
  const minutes = (a: number, b: number) => (b - a) / MS_PER_MINUTE;
  let elapsed = 0;
  for (const s of r.segments) {
    const start = s.start as Instant;
    const end = s.end as Instant;
    if (s.kind === 'paused') {
      const held = workingMsBetween(cal, start, end) / MS_PER_MINUTE;
      push({
        kind: 'paused',
        start,
        end,
        minutes: minutes(start, end) as CalendarMinutes,
        reason: s.reason ?? '',
        workingMinutes: held as BusinessMinutes,
      });
      continue;
    }
    let cursor = start;
    for (const w of workingIntervals(cal, start, end)) {
      if (w.start > cursor)
        push({
          kind: 'non_working',
          start: cursor,
          end: w.start,
          minutes: minutes(cursor, w.start) as CalendarMinutes,
        });
      const m = minutes(w.start, w.end);
      elapsed += m;
      push({ kind: 'working', start: w.start, end: w.end, minutes: m as BusinessMinutes });
      cursor = w.end;
    }
    if (end > cursor)
      push({ kind: 'non_working', start: cursor, end, minutes: minutes(cursor, end) as CalendarMinutes });
  }
  return {
    phase: r.phase,
    from: r.startedAt as Instant | null,
    to: r.phase === 'not_started' ? null : (r.end as Instant),
    elapsedMinutes: elapsed as BusinessMinutes,
    intervals,
  };
}

/** Two touching intervals as one, when they are of a kind (and a pause of the same reason). */
function join(a: ExplainedInterval, b: ExplainedInterval): ExplainedInterval | null {
  if (a.kind === 'working' && b.kind === 'working')
    return { ...a, end: b.end, minutes: (a.minutes + b.minutes) as BusinessMinutes };
  if (a.kind === 'non_working' && b.kind === 'non_working')
    return { ...a, end: b.end, minutes: (a.minutes + b.minutes) as CalendarMinutes };
  if (a.kind === 'paused' && b.kind === 'paused' && a.reason === b.reason) {
    return {
      ...a,
      end: b.end,
      minutes: (a.minutes + b.minutes) as CalendarMinutes,
      workingMinutes: (a.workingMinutes + b.workingMinutes) as BusinessMinutes,
    };
  }
  return null;
}
