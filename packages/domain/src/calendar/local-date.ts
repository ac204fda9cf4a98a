import { MS_PER_DAY, mod } from './units.js';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/**
 * A local date is handled as a day number: whole days since 1970-01-01 on the proleptic
 * Gregorian calendar, independent of any time zone. Date strings are `'YYYY-MM-DD'`.
 */
export type DayNumber = number;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/** The day number of a `'YYYY-MM-DD'` string, or null when it is not a real date. */
export function parseDate(date: string): DayNumber | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = utcMs(y, mo, d);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null; // 2026-02-30
  return ms / MS_PER_DAY;
}

/** `'YYYY-MM-DD'` of a day number. */
export function formatDate(day: DayNumber): string {
  const d = new Date(day * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** The ISO weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(day: DayNumber): IsoWeekday {
  return (mod(day + 3, 7) + 1) as IsoWeekday;
}

/** The year of a day number. */
export function yearOf(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/**
 * Minutes since local midnight of an `'HH:MM'` string, or null when malformed. `'24:00'` (1 440)
 * is accepted as the end of the day; nothing later is.
 */
export function parseTimeOfDay(time: string): number | null {
  const m = TIME_RE.exec(time);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/** `'HH:MM'` of minutes since local midnight (0–1 440). */
export function formatTimeOfDay(minutes: number): string {
  return `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
}

/** Date.UTC without its 0–99 → 1900s year quirk. */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
