/**
 * Local dates of service projects. Contract dates, due dates and handover dates are calendar
 * dates (`'YYYY-MM-DD'`) in Asia/Shanghai; instants (reminders, shifts) are `Date`s.
 *
 * Asia/Shanghai has been UTC+8 all year since 1991 (no daylight saving), so a fixed offset is exact
 * for every date opsdesk handles and keeps these helpers free of any time-zone database. The
 * general, zone-aware calendar lives in `../calendar`.
 */
export type LocalDate = string;

const DAY_MS = 86_400_000;
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const PERIOD_RE = /^(\d{4})-(\d{2})$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Whether `s` is a real calendar date `'YYYY-MM-DD'` (2026-02-30 is not). */
export function isLocalDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** Whether `s` is a time of day `'HH:MM'` (00:00–23:59). */
export function isTimeOfDay(s: string): boolean {
  return TIME_RE.test(s);
}

function dayOf(date: LocalDate): number {
  if (!isLocalDate(date)) throw new Error(`not a date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function dateOfDay(day: number): LocalDate {
  const d = new Date(day * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `date` moved by `days` (negative: earlier). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOfDay(dayOf(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: LocalDate, to: LocalDate): number {
  return dayOf(to) - dayOf(from);
}

/** The Asia/Shanghai calendar date at an instant. */
export function localDateAt(at: Date | number): LocalDate {
  const ms = typeof at === 'number' ? at : at.getTime();
  return dateOfDay(Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** The instant of a wall time (`'HH:MM'`, default midnight) on a date in Asia/Shanghai. */
export function localInstant(date: LocalDate, time = '00:00'): Date {
  const m = TIME_RE.exec(time);
  if (!m) throw new Error(`not a time of day: ${time}`);
  return new Date(dayOf(date) * DAY_MS + (Number(m[1]) * 60 + Number(m[2])) * 60_000 - SHANGHAI_OFFSET_MS);
}

/** `'YYYY-MM-DD HH:MM'` in Asia/Shanghai, for messages. */
export function formatLocal(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The month `'YYYY-MM'` a date falls in. */
export function periodOf(date: LocalDate): string {
  return date.slice(0, 7);
}

function periodParts(period: string): [number, number] {
  const m = PERIOD_RE.exec(period);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new Error(`not a period: ${period}`);
  return [Number(m[1]), Number(m[2])];
}

/** The first day of a month `'YYYY-MM'`. */
export function periodStart(period: string): LocalDate {
  periodParts(period);
  return `${period}-01`;
}

/** The last day of a month `'YYYY-MM'`. */
export function periodEnd(period: string): LocalDate {
  const [y, m] = periodParts(period);
  return dateOfDay(Date.UTC(y, m, 1) / DAY_MS - 1);
}

/** The month `n` months after `period` (negative: before). */
export function addPeriods(period: string, n: number): string {
  const [y, m] = periodParts(period);
  const index = y * 12 + (m - 1) + n;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** Months from `from` to `to`, both included; empty when `to` is earlier. */
export function periodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = from; p <= to; p = addPeriods(p, 1)) out.push(p);
  return out;
}

/** The earlier / later of two dates (string order is date order for `'YYYY-MM-DD'`). */
export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b);
export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);
