import type { DayNumber, IsoWeekday } from './local-date.js';
import { ISO_WEEKDAYS, parseDate, parseTimeOfDay, weekdayOf } from './local-date.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from './time-zone.js';

/** Working hours within one local day: `'HH:MM'`, start inclusive, end exclusive; `'24:00'` ends the day. */
export interface TimeRange {
  start: string;
  end: string;
}

/** A weekend day that is a working day (调休), working the hours of `hours` (default Monday). */
export interface MakeupWorkday {
  /** `'YYYY-MM-DD'` local date. */
  date: string;
  /** The weekday whose hours apply that day; Monday when left out. */
  hours?: IsoWeekday;
}

/**
 * A business calendar (工作日历): the hours an SLA clock runs. Treated as immutable: derive a new
 * one (e.g. `calendarWithHolidays`) rather than changing one in place.
 *
 * - `weekly`: working ranges per ISO weekday, sorted, not overlapping; an empty list is a day off.
 *   Hours past midnight are written on the next day (a 22:00–06:00 shift is Mon 22:00–24:00 plus
 *   Tue 00:00–06:00); adjoining ranges join into one working interval.
 * - `holidays`: local dates without any work, whatever their weekday. A date that is both a holiday
 *   and a make-up workday is a holiday (and `validateCalendar` reports it).
 * - `makeupWorkdays`: local dates that work although their weekday does not (调休).
 */
export interface CalendarDefinition {
  /** IANA zone the hours are in; `Asia/Shanghai` by default. */
  timeZone: string;
  weekly: Readonly<Record<IsoWeekday, readonly TimeRange[]>>;
  holidays: ReadonlySet<string> | readonly string[];
  makeupWorkdays: readonly MakeupWorkday[];
}

const ALL_DAY: readonly TimeRange[] = Object.freeze([Object.freeze({ start: '00:00', end: '24:00' })]);

/** 7×24 in `timeZone`: always working, no holidays. */
export function calendar7x24(timeZone: string = DEFAULT_TIME_ZONE): CalendarDefinition {
  return Object.freeze({
    timeZone,
    weekly: Object.freeze({
      1: ALL_DAY,
      2: ALL_DAY,
      3: ALL_DAY,
      4: ALL_DAY,
      5: ALL_DAY,
      6: ALL_DAY,
      7: ALL_DAY,
    }),
    holidays: Object.freeze([]),
    makeupWorkdays: Object.freeze([]),
  });
}

/** 7×24 in Asia/Shanghai (the time zone makes no difference without holidays). */
export const CALENDAR_7X24: CalendarDefinition = calendar7x24();

/**
 * The working hours of a 5×8 calendar. The seed only says "5*8小时工作时间" without the hours, so
 * these are the common Chinese office hours: 09:00–12:00 and 13:00–18:00, lunch 12:00–13:00.
 */
export const HOURS_5X8: readonly TimeRange[] = Object.freeze([
  Object.freeze({ start: '09:00', end: '12:00' }),
  Object.freeze({ start: '13:00', end: '18:00' }),
]);

/**
 * 5×8 in `timeZone`: Monday to Friday, `HOURS_5X8` (8 working hours a day). No holidays yet — add
 * the year's statutory holidays and make-up workdays with `calendarWithHolidays`.
 */
export function calendar5x8(timeZone: string = DEFAULT_TIME_ZONE): CalendarDefinition {
  return Object.freeze({
    timeZone,
    weekly: Object.freeze({
      1: HOURS_5X8,
      2: HOURS_5X8,
      3: HOURS_5X8,
      4: HOURS_5X8,
      5: HOURS_5X8,
      6: [],
      7: [],
    }),
    holidays: Object.freeze([]),
    makeupWorkdays: Object.freeze([]),
  });
}

export type CalendarProblemCode =
  | 'invalid_time_zone'
  | 'invalid_time'
  | 'empty_range'
  | 'overlapping_ranges'
  | 'no_working_hours'
  | 'invalid_date'
  | 'invalid_weekday'
  | 'holiday_and_makeup';

/** One problem of a calendar; `path` is dotted, e.g. `weekly.1.0.end` or `makeupWorkdays.2.date`. */
export interface CalendarProblem {
  path: string;
  code: CalendarProblemCode;
}

/**
 * Every problem of a calendar definition; empty when it is usable. Admin-entered calendars are
 * checked with this; the calculation functions throw on an invalid calendar instead.
 */
export function validateCalendar(cal: CalendarDefinition): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (!isValidTimeZone(cal.timeZone)) problems.push({ path: 'timeZone', code: 'invalid_time_zone' });
  let anyHours = false;
  for (const wd of ISO_WEEKDAYS) {
    const ranges = cal.weekly[wd] ?? [];
    let previousEnd = -1;
    ranges.forEach((r, i) => {
      const s = parseTimeOfDay(r.start);
      const e = parseTimeOfDay(r.end);
      if (s === null || s === 1440) problems.push({ path: `weekly.${wd}.${i}.start`, code: 'invalid_time' });
      if (e === null) problems.push({ path: `weekly.${wd}.${i}.end`, code: 'invalid_time' });
      if (s === null || e === null || s === 1440) return;
      if (e <= s) problems.push({ path: `weekly.${wd}.${i}`, code: 'empty_range' });
      else if (s < previousEnd) problems.push({ path: `weekly.${wd}.${i}`, code: 'overlapping_ranges' });
      else anyHours = true;
      previousEnd = Math.max(previousEnd, e);
    });
  }
  if (!anyHours) problems.push({ path: 'weekly', code: 'no_working_hours' });
  const holidays = new Set<string>();
  [...cal.holidays].forEach((d, i) => {
    if (parseDate(d) === null) problems.push({ path: `holidays.${i}`, code: 'invalid_date' });
    holidays.add(d);
  });
  cal.makeupWorkdays.forEach((m, i) => {
    if (parseDate(m.date) === null) problems.push({ path: `makeupWorkdays.${i}.date`, code: 'invalid_date' });
    else if (holidays.has(m.date))
      problems.push({ path: `makeupWorkdays.${i}.date`, code: 'holiday_and_makeup' });
    // The weekday lent its hours must exist and have some, or the make-up day would not work.
    const lender = m.hours ?? 1;
    if (!ISO_WEEKDAYS.includes(lender) || (cal.weekly[lender] ?? []).length === 0) {
      problems.push({ path: `makeupWorkdays.${i}.hours`, code: 'invalid_weekday' });
    }
  });
  return problems;
}

/** Working ranges of one day in minutes since local midnight: `[start, end)` pairs, sorted. */
export type DayRanges = readonly (readonly [number, number])[];

/** A calendar prepared for calculation: parsed once, looked up by day number. */
export interface CompiledCalendar {
  timeZone: string;
  rangesOn(day: DayNumber): DayRanges;
}

const compiled = new WeakMap<CalendarDefinition, CompiledCalendar>();

/**
 * The compiled form of a calendar, memoised per definition object. Throws a RangeError on an
 * invalid calendar (a programming error: validate admin input with `validateCalendar`).
 */
export function compileCalendar(cal: CalendarDefinition): CompiledCalendar {
  const hit = compiled.get(cal);
  if (hit) return hit;
  const problems = validateCalendar(cal).filter((p) => p.code !== 'holiday_and_makeup');
  if (problems.length > 0) {
    throw new RangeError(`invalid calendar: ${problems.map((p) => `${p.path} ${p.code}`).join(', ')}`);
  }
  const weekly = new Map<IsoWeekday, DayRanges>();
  for (const wd of ISO_WEEKDAYS) {
    weekly.set(
      wd,
      (cal.weekly[wd] ?? []).map((r) => [parseTimeOfDay(r.start) ?? 0, parseTimeOfDay(r.end) ?? 0] as const),
    );
  }
  const holidays = new Set([...cal.holidays].map((d) => parseDate(d)));
  const makeup = new Map<DayNumber, DayRanges>();
  for (const m of cal.makeupWorkdays) {
    const day = parseDate(m.date);
    if (day !== null && !holidays.has(day)) makeup.set(day, weekly.get(m.hours ?? 1) ?? []);
  }
  const result: CompiledCalendar = {
    timeZone: cal.timeZone,
    rangesOn(day) {
      if (holidays.has(day)) return [];
      return makeup.get(day) ?? weekly.get(weekdayOf(day)) ?? [];
    },
  };
  compiled.set(cal, result);
  return result;
}
