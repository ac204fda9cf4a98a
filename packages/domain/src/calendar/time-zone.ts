import type { DayNumber, IsoWeekday } from './local-date.js';
import { formatDate, formatTimeOfDay, parseDate, parseTimeOfDay, utcMs, weekdayOf } from './local-date.js';
import type { Instant } from './units.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, mod } from './units.js';

/**
 * Time zones from the runtime's tz database through `Intl` — no table of our own. A "wall" time is
 * local date and time written as milliseconds since 1970-01-01 00:00 *local*, i.e. what `Date.UTC`
 * would give for the local fields.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the runtime knows the IANA zone name (e.g. `Asia/Shanghai`, `Europe/Berlin`, `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall time at an instant (milliseconds kept). */
export function wallTimeAt(timeZone: string, at: number): number {
  // Offsets by zone and UTC hour, for hours whose first and last millisecond share an offset: no
  // zone changes its offset twice within an hour, so the whole hour has that offset. An hour with a
  // change in it is asked of `Intl` every time.
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const hour = Math.floor(at / MS_PER_HOUR);
  const known = zone.get(hour);
  if (known !== undefined) return at + known;
  const start = hour * MS_PER_HOUR;
  const end = start + MS_PER_HOUR - 1;
  const offset = intlWallTimeAt(timeZone, start) - start;
  if (intlWallTimeAt(timeZone, end) - end !== offset) return intlWallTimeAt(timeZone, at);
  if (zone.size >= 100_000) zone.clear();
  zone.set(hour, offset);
  return at + offset;
}

const offsets = new Map<string, Map<number, number>>();

/** The wall time at an instant as `Intl` reads it, every time (`wallTimeAt` remembers offsets; tests compare the two). */
export function intlWallTimeAt(timeZone: string, at: number): number {
  const f: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const p of formatter(timeZone).formatToParts(at))
    if (p.type !== 'literal') f[p.type] = Number(p.value);
  // `% 24`: some ICU builds print hour 24 for midnight
  const wall = utcMs(
    f.year ?? 1970,
    f.month ?? 1,
    f.day ?? 1,
    (f.hour ?? 0) % 24,
    f.minute ?? 0,
    f.second ?? 0,
  );
  return wall + mod(at, 1000);
}

/**
 * Offset of local time from UTC at an instant, in milliseconds: +28 800 000 for Asia/Shanghai,
 * +3 600 000 or +7 200 000 for Europe/Berlin depending on daylight saving time.
 */
export function zoneOffsetMs(timeZone: string, at: number): number {
  return wallTimeAt(timeZone, at) - at;
}

/**
 * The instant a wall time happens: the first instant at which the zone's clock shows that time or
 * later. So a wall time skipped by a spring-forward gap (Berlin, last Sunday of March, 02:30) maps
 * to the end of the gap (03:00 CEST), and a wall time that happens twice in an autumn overlap maps
 * to its first occurrence. The mapping never decreases as the wall time grows.
 */
export function instantAtWallTime(timeZone: string, wall: number): Instant {
  // Every zone's offset lies within ±14 h, so the answer lies within a day of `wall`.
  const before = zoneOffsetMs(timeZone, wall - MS_PER_DAY);
  const after = zoneOffsetMs(timeZone, wall + MS_PER_DAY);
  if (before === after) return (wall - before) as Instant;
  const candidates = [wall - before, wall - after].filter((t) => zoneOffsetMs(timeZone, t) === wall - t);
  if (candidates.length > 0) return Math.min(...candidates) as Instant;
  // A gap: the wall clock jumps over `wall`; find the transition (whole seconds in tzdata).
  let lo = Math.floor((wall - after) / 1000);
  let hi = Math.ceil((wall - before) / 1000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zoneOffsetMs(timeZone, mid * 1000) === before) lo = mid;
    else hi = mid;
  }
  return (hi * 1000) as Instant;
}

/** The local day (day number) an instant falls on. */
export function localDayAt(timeZone: string, at: number): DayNumber {
  return Math.floor(wallTimeAt(timeZone, at) / MS_PER_DAY);
}

/**
 * The instant of a local date and time (see `instantAtWallTime` for DST gaps and overlaps).
 * `time` is `'HH:MM'` (default midnight; `'24:00'` is the next midnight). Throws on a malformed
 * date or time: parse user input with the contract schemas first.
 */
export function localToInstant(timeZone: string, date: string, time = '00:00'): Instant {
  const day = parseDate(date);
  const minutes = parseTimeOfDay(time);
  if (day === null || minutes === null) throw new RangeError(`not a local date and time: ${date} ${time}`);
  return instantAtWallTime(timeZone, day * MS_PER_DAY + minutes * MS_PER_MINUTE);
}

export interface LocalDateTime {
  /** `'YYYY-MM-DD'` */
  date: string;
  /** `'HH:MM'` (seconds dropped) */
  time: string;
  weekday: IsoWeekday;
  /** Offset from UTC in minutes at that instant (+480 for Asia/Shanghai). */
  offsetMinutes: number;
}

/** The local date, time and weekday of an instant. */
export function instantToLocal(timeZone: string, at: Instant): LocalDateTime {
  const wall = wallTimeAt(timeZone, at);
  const day = Math.floor(wall / MS_PER_DAY);
  return {
    date: formatDate(day),
    time: formatTimeOfDay(Math.floor(mod(wall, MS_PER_DAY) / MS_PER_MINUTE)),
    weekday: weekdayOf(day),
    offsetMinutes: (wall - at) / MS_PER_MINUTE,
  };
}

// Offsets at UTC midnights, memoised per zone: the calendar asks for them day after day, and one
// Intl call costs microseconds. The tz database of a running process does not change, so this is
// a cache of a pure function; it is bounded so a long-lived server does not grow it forever.
const gridOffsets = new Map<string, Map<number, number>>();
const GRID_CACHE_LIMIT = 50_000;

function gridOffset(timeZone: string, k: number): number {
  let zone = gridOffsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    gridOffsets.set(timeZone, zone);
  }
  let o = zone.get(k);
  if (o === undefined) {
    if (zone.size >= GRID_CACHE_LIMIT) zone.clear();
    o = zoneOffsetMs(timeZone, k * MS_PER_DAY);
    zone.set(k, o);
  }
  return o;
}

/**
 * The zone's offset throughout a local day, or null when it changes near that day. A local day
 * lies within UTC days `day - 1` … `day + 2`; when the offset is the same at the four UTC
 * midnights around it there is no transition in between (tzdata never changes the offset and
 * back within a day).
 */
export function constantOffsetOnDay(timeZone: string, day: DayNumber): number | null {
  const o = gridOffset(timeZone, day - 1);
  for (let k = day; k <= day + 2; k++) if (gridOffset(timeZone, k) !== o) return null;
  return o;
}
