import type { CalendarDefinition, CompiledCalendar } from './calendar.js';
import { compileCalendar } from './calendar.js';
import type { DayNumber } from './local-date.js';
import { constantOffsetOnDay, instantAtWallTime, localDayAt } from './time-zone.js';
import type { BusinessMinutes, Instant } from './units.js';
import { MS_PER_DAY, MS_PER_MINUTE } from './units.js';

/** A working interval `[start, end)`. */
export interface WorkingInterval {
  start: Instant;
  end: Instant;
}

type Piece = [start: number, end: number];

/** A calendar with no working day in this many days in a row is taken to never work. */
const MAX_IDLE_DAYS = 3_700;
const MAX_ZONE_OFFSET_MS = 14 * 3_600_000;

/** The working pieces of one local day as instants, sorted and joined where they touch. */
function dayPieces(c: CompiledCalendar, day: DayNumber): Piece[] {
  const ranges = c.rangesOn(day);
  if (ranges.length === 0) return [];
  const midnight = day * MS_PER_DAY;
  const offset = constantOffsetOnDay(c.timeZone, day);
  const at = (minute: number): number =>
    offset !== null
      ? midnight + minute * MS_PER_MINUTE - offset
      : instantAtWallTime(c.timeZone, midnight + minute * MS_PER_MINUTE);
  const out: Piece[] = [];
  for (const [s, e] of ranges) {
    const a = at(s);
    const b = at(e);
    if (b <= a) continue; // a range swallowed by a spring-forward gap
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * Working pieces in time order, day by day, starting the local day before `from` (callers clip).
 * Days off cost one Set/Map lookup each; only working days touch the time zone. Stops once a day
 * starts at or after `until`; unbounded, it throws when the calendar never works again.
 */
function* pieces(c: CompiledCalendar, from: number, until = Infinity): Generator<Piece> {
  let idle = 0;
  for (let day = localDayAt(c.timeZone, from) - 1; day * MS_PER_DAY - MAX_ZONE_OFFSET_MS < until; day++) {
    const ps = dayPieces(c, day);
    if (ps.length > 0) idle = 0;
    else if (++idle > MAX_IDLE_DAYS) throw new RangeError('the calendar has no working time in ten years');
    yield* ps;
  }
}

/** Working milliseconds in `[from, to)`; 0 when `to ≤ from`. Integer. */
export function workingMsBetween(cal: CalendarDefinition, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  for (const [a, b] of pieces(compileCalendar(cal), from, to)) {
    if (a >= to) break;
    const s = Math.max(a, from);
    const e = Math.min(b, to);
    if (e > s) total += e - s;
  }
  return total;
}

/**
 * The working intervals within `[from, to)`, clipped to it, in order; intervals that touch (a
 * 7×24 midnight, Mon 22:00–24:00 + Tue 00:00–06:00) are joined. Empty when `to ≤ from`.
 */
export function workingIntervals(cal: CalendarDefinition, from: Instant, to: Instant): WorkingInterval[] {
  const out: WorkingInterval[] = [];
  if (to <= from) return out;
  for (const [a, b] of pieces(compileCalendar(cal), from, to)) {
    if (a >= to) break;
    const s = Math.max(a, from) as Instant;
    const e = Math.min(b, to) as Instant;
    if (e <= s) continue;
    const last = out[out.length - 1];
    if (last && last.end === s) last.end = e;
    else out.push({ start: s, end: e });
  }
  return out;
}

/**
 * Business minutes between two instants: the working time in `[from, to)`, negative when `to` is
 * before `from` (so "overdue by" reads naturally). Fractional only when an instant is not on a
 * whole minute; exact otherwise (computed in integer milliseconds, divided once).
 */
export function businessMinutesBetween(cal: CalendarDefinition, from: Instant, to: Instant): BusinessMinutes {
  const ms = to >= from ? workingMsBetween(cal, from, to) : -workingMsBetween(cal, to, from);
  return (ms / MS_PER_MINUTE) as BusinessMinutes;
}

/**
 * The due instant `minutes` business minutes after `start`.
 *
 * - Outside working time, counting begins at the next working moment (a ticket raised Friday
 *   23:59 on 5×8 starts counting Monday 09:00).
 * - 0 minutes gives `start` itself when it is working time, else the next working moment.
 * - A due time that falls exactly at the end of working hours is that end (Mon 09:00 + 180 min on
 *   5×8 is Mon 12:00, not 13:00).
 * - Exact to the millisecond: `minutes` is converted to milliseconds once (rounded) and added
 *   across working intervals; no minute-by-minute stepping, whole days off are skipped.
 *
 * Throws a RangeError when minutes < 0 or the calendar never works again.
 */
export function addBusinessMinutes(
  cal: CalendarDefinition,
  start: Instant,
  minutes: BusinessMinutes,
): Instant {
  if (!(minutes >= 0) || !Number.isFinite(minutes))
    throw new RangeError(`business minutes must be ≥ 0, got ${minutes}`);
  let remaining = Math.round(minutes * MS_PER_MINUTE);
  for (const [a, b] of pieces(compileCalendar(cal), start)) {
    const s = Math.max(a, start);
    if (b <= s) continue;
    if (remaining <= b - s) return (s + remaining) as Instant;
    remaining -= b - s;
  }
  throw new Error('unreachable: pieces() is unbounded');
}

/** `at` itself when it is working time, else the start of the next working interval. */
export function nextWorkingMoment(cal: CalendarDefinition, at: Instant): Instant {
  for (const [a, b] of pieces(compileCalendar(cal), at)) {
    if (b > at) return Math.max(a, at) as Instant;
  }
  throw new Error('unreachable: pieces() is unbounded');
}

/** Whether `at` is working time. Intervals are half-open: Mon 12:00 on 5×8 is lunch, 09:00 is work. */
export function isWorkingTime(cal: CalendarDefinition, at: Instant): boolean {
  return nextWorkingMoment(cal, at) === at;
}
