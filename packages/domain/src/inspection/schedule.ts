import type { Instant, IsoWeekday } from '../calendar/index.js';
import {
  DEFAULT_TIME_ZONE,
  MS_PER_DAY,
  floorToMinute,
  formatDate,
  instantToLocal,
  localToInstant,
  parseDate,
  weekdayOf,
} from '../calendar/index.js';

/**
 * When a plan's tasks fall due (定期巡检计划: the seed inspects every device once a month).
 *
 * - `monthly`, `day` 1–31: that day of every month; a day the month lacks means its last day, so
 *   `day: 31` is the last day of every month and `day: 30` is 28 or 29 February.
 * - `weekly`, `weekday` 1 (Monday) – 7 (Sunday), in ISO weeks (Monday to Sunday).
 * - `quarterly`, `month` 1–3 of the quarter and `day` 1–31 as for monthly: `{ month: 3, day: 31 }`
 *   is the last day of each quarter.
 * - `cron`: a five-field expression the server expands with a cron library; see `cronPeriod`.
 */
export type InspectionSchedule =
  | { kind: 'monthly'; day: number }
  | { kind: 'weekly'; weekday: IsoWeekday }
  | { kind: 'quarterly'; month: 1 | 2 | 3; day: number }
  | { kind: 'cron'; expression: string };

/** The schedules the domain expands itself. */
export type CalendarSchedule = Exclude<InspectionSchedule, { kind: 'cron' }>;

/**
 * One period of a schedule and the task it owes.
 *
 * `key` names the period, not the day: `'2026-11'` (monthly), `'2026-W48'` (weekly, ISO week-year),
 * `'2026-Q4'` (quarterly), `'2026-11-26T01:00Z'` (cron: the occurrence's minute in UTC, which stays
 * unique through a daylight-saving overlap). The server makes `(plan, key)` unique and inserts a
 * task with `ON CONFLICT DO NOTHING`, so two nodes, a retried job or a catch-up run generate it
 * exactly once — and moving a monthly plan from day 5 to day 20 mid-month does not owe a second task.
 */
export interface InspectionPeriod {
  key: string;
  /** Local `'YYYY-MM-DD'` the task is for. */
  scheduledDate: string;
  /** Local midnight starting `scheduledDate` (cron: the occurrence itself). */
  scheduledAt: Instant;
}

export type ScheduleProblemCode =
  'unknown_kind' | 'invalid_day' | 'invalid_weekday' | 'invalid_month' | 'invalid_cron';

export interface ScheduleProblem {
  path: 'kind' | 'day' | 'weekday' | 'month' | 'expression';
  code: ScheduleProblemCode;
}

/** Every problem of a schedule; empty when it is usable. A cron expression is only checked for five fields. */
export function validateSchedule(schedule: InspectionSchedule): ScheduleProblem[] {
  const isInt = (v: unknown, lo: number, hi: number) =>
    Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;
  switch (schedule.kind) {
    case 'monthly':
      return isInt(schedule.day, 1, 31) ? [] : [{ path: 'day', code: 'invalid_day' }];
    case 'weekly':
      return isInt(schedule.weekday, 1, 7) ? [] : [{ path: 'weekday', code: 'invalid_weekday' }];
    case 'quarterly':
      return [
        ...(isInt(schedule.month, 1, 3) ? [] : [{ path: 'month', code: 'invalid_month' } as const]),
        ...(isInt(schedule.day, 1, 31) ? [] : [{ path: 'day', code: 'invalid_day' } as const]),
      ];
    case 'cron': {
      const ok =
        typeof schedule.expression === 'string' && schedule.expression.trim().split(/\s+/).length === 5;
      return ok ? [] : [{ path: 'expression', code: 'invalid_cron' }];
    }
    default:
      return [{ path: 'kind', code: 'unknown_kind' }];
  }
}

/**
 * The key of the period `at` falls in, in `timeZone` (see `InspectionPeriod.key`). For cron it is
 * the minute of `at` in UTC: pass the occurrence.
 */
export function periodKey(
  schedule: InspectionSchedule,
  at: Instant,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  if (schedule.kind === 'cron') return cronKey(at);
  const { date } = instantToLocal(timeZone, at);
  const [y, m] = ymd(date);
  if (schedule.kind === 'monthly') return `${y}-${pad(m)}`;
  if (schedule.kind === 'quarterly') return `${y}-Q${Math.ceil(m / 3)}`;
  return isoWeekKey(dayNumber(date));
}

/** Longest span `schedulePeriodsBetween` expands, a guard against a runaway range: 100 years. */
const MAX_SPAN_MS = 100 * 366 * MS_PER_DAY;

/**
 * The periods whose task is scheduled in `[from, to)`: `scheduledAt ≥ from` and `< to`, in order.
 * The job runs it over "since the last run until now (plus any lead time)"; overlapping windows are
 * harmless because the key makes generation exactly-once. Empty when `to ≤ from`. Throws a
 * RangeError on an invalid schedule or a span over 100 years (programming errors).
 */
export function schedulePeriodsBetween(
  schedule: CalendarSchedule,
  from: Instant,
  to: Instant,
  timeZone: string = DEFAULT_TIME_ZONE,
): InspectionPeriod[] {
  if (validateSchedule(schedule).length > 0)
    throw new RangeError(`invalid schedule ${JSON.stringify(schedule)}`);
  if (to - from > MAX_SPAN_MS) throw new RangeError('schedulePeriodsBetween spans more than 100 years');
  const out: InspectionPeriod[] = [];
  if (to <= from) return out;
  const startDay = dayNumber(instantToLocal(timeZone, from).date);
  for (let i = 0; ; i++) {
    const day = scheduledDay(schedule, startDay, i);
    const scheduledDate = formatDate(day);
    const scheduledAt = localToInstant(timeZone, scheduledDate);
    if (scheduledAt >= to) return out;
    if (scheduledAt >= from)
      out.push({ key: periodKey(schedule, scheduledAt, timeZone), scheduledDate, scheduledAt });
  }
}

/** The scheduled day of the `i`-th period counting from the one containing local day `startDay`. */
function scheduledDay(schedule: CalendarSchedule, startDay: number, i: number): number {
  if (schedule.kind === 'weekly') {
    const monday = startDay - (weekdayOf(startDay) - 1);
    return monday + 7 * i + (schedule.weekday - 1);
  }
  const [y, m] = ymd(formatDate(startDay));
  if (schedule.kind === 'monthly') return clampedDay(y, m - 1 + i, schedule.day);
  const quarterStart = Math.floor((m - 1) / 3) * 3; // 0-based month
  return clampedDay(y, quarterStart + 3 * i + schedule.month - 1, schedule.day);
}

/** Day number of `day` in month `month0` (0-based, may overflow into later years) of `year`, clamped to the month's end. */
function clampedDay(year: number, month0: number, day: number): number {
  const last = Date.UTC(year, month0 + 1, 0) / MS_PER_DAY; // day 0 of the next month
  const first = Date.UTC(year, month0, 1) / MS_PER_DAY;
  return Math.min(first + day - 1, last);
}

/**
 * The period of one cron occurrence (the server expands the expression in the plan's zone): keyed
 * by the occurrence's minute in UTC, scheduled on its local date.
 */
export function cronPeriod(occurrence: Instant, timeZone: string = DEFAULT_TIME_ZONE): InspectionPeriod {
  const at = floorToMinute(occurrence);
  return { key: cronKey(at), scheduledDate: instantToLocal(timeZone, at).date, scheduledAt: at };
}

/**
 * The window of a period's task: it opens at `scheduledAt` and is due at the local midnight ending
 * the `dueDays`-th day, counting the scheduled day as the first (`dueDays: 1` → due by the end of
 * the scheduled day; monthly on the 5th with 5 days → due at the end of the 9th). Calendar days,
 * not working days: an inspection is planned around holidays by its plan, not stretched by them.
 * Throws a RangeError unless `dueDays` is a whole number 1–366 (`validatePlan` bounds it further).
 */
export function taskWindow(
  period: InspectionPeriod,
  dueDays: number,
  timeZone: string = DEFAULT_TIME_ZONE,
): { opensAt: Instant; dueAt: Instant } {
  if (!Number.isInteger(dueDays) || dueDays < 1 || dueDays > 366)
    throw new RangeError(`dueDays must be a whole number 1–366, got ${dueDays}`);
  const dueDate = formatDate(dayNumber(period.scheduledDate) + dueDays);
  return { opensAt: period.scheduledAt, dueAt: localToInstant(timeZone, dueDate) };
}

/** Longest due window per schedule kind: never longer than the shortest period, so a plan has one task open at a time. */
export const MAX_DUE_DAYS: Readonly<Record<InspectionSchedule['kind'], number>> = {
  weekly: 7,
  monthly: 28,
  quarterly: 89,
  cron: 366,
};

function cronKey(at: Instant): string {
  return `${new Date(floorToMinute(at)).toISOString().slice(0, 16)}Z`;
}

function isoWeekKey(day: number): string {
  const thursday = day - (weekdayOf(day) - 1) + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / MS_PER_DAY;
  return `${year}-W${pad(Math.floor((thursday - jan1) / 7) + 1)}`;
}

/** Day number of a local date this module produced itself (always well-formed). */
function dayNumber(date: string): number {
  const day = parseDate(date);
  if (day === null) throw new RangeError(`not a date: ${date}`);
  return day;
}

function ymd(date: string): [number, number, number] {
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  return [y, m, d];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
