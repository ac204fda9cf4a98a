import type { CalendarDefinition, MakeupWorkday } from './calendar.js';
import { parseDate, weekdayOf, yearOf } from './local-date.js';

/**
 * One year of China's statutory holidays (法定节假日) and make-up workdays (调休), as published by the
 * State Council each autumn. The server seeds them from the `chinese-days` package and admins may
 * import a corrected year as JSON.
 */
export interface HolidayYear {
  year: number;
  /** `'YYYY-MM-DD'` days off, weekend days inside a holiday included. */
  holidays: readonly string[];
  /** `'YYYY-MM-DD'` weekend days that are working days. */
  makeupWorkdays: readonly string[];
}

/**
 * `base` with the holidays and make-up workdays of the given years added (a make-up day works the
 * hours of a Monday). Entries already on `base` are kept. Apply it to calendars that follow China's
 * working days (5×8); a 7×24 calendar normally does not.
 */
export function calendarWithHolidays(
  base: CalendarDefinition,
  years: readonly HolidayYear[],
): CalendarDefinition {
  const holidays = new Set(base.holidays);
  const makeup = new Map<string, MakeupWorkday>(base.makeupWorkdays.map((m) => [m.date, m]));
  for (const y of years) {
    for (const d of y.holidays) holidays.add(d);
    for (const d of y.makeupWorkdays) if (!makeup.has(d)) makeup.set(d, { date: d });
  }
  return {
    timeZone: base.timeZone,
    weekly: base.weekly,
    holidays: [...holidays].sort(),
    makeupWorkdays: [...makeup.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  };
}

export type HolidayYearProblemCode =
  | 'invalid_year'
  | 'no_holidays'
  | 'invalid_date'
  | 'outside_year'
  | 'duplicate'
  | 'holiday_and_makeup'
  | 'makeup_not_weekend';

/** A problem of an imported year; `path` is dotted (`holidays.3`, `makeupWorkdays.0`). */
export interface HolidayYearProblem {
  path: string;
  code: HolidayYearProblemCode;
}

/**
 * Every problem of one year of holiday data; empty when it can be imported. Checks: the year is
 * 1970–9999; there is at least one holiday; each date is a real `'YYYY-MM-DD'` inside the year and
 * listed once; no date is both a holiday and a make-up workday; make-up workdays are Saturdays or
 * Sundays (a weekday works anyway).
 */
export function validateHolidayYear(data: HolidayYear): HolidayYearProblem[] {
  const problems: HolidayYearProblem[] = [];
  if (!Number.isInteger(data.year) || data.year < 1970 || data.year > 9999)
    problems.push({ path: 'year', code: 'invalid_year' });
  if (data.holidays.length === 0) problems.push({ path: 'holidays', code: 'no_holidays' });
  const holidays = new Set<string>();
  const check = (list: 'holidays' | 'makeupWorkdays', seen: Set<string>) =>
    data[list].forEach((date, i) => {
      const path = `${list}.${i}`;
      const day = parseDate(date);
      if (day === null) problems.push({ path, code: 'invalid_date' });
      else if (yearOf(day) !== data.year) problems.push({ path, code: 'outside_year' });
      else if (seen.has(date)) problems.push({ path, code: 'duplicate' });
      else if (list === 'makeupWorkdays' && holidays.has(date))
        problems.push({ path, code: 'holiday_and_makeup' });
      else if (list === 'makeupWorkdays' && weekdayOf(day) < 6)
        problems.push({ path, code: 'makeup_not_weekend' });
      seen.add(date);
    });
  check('holidays', holidays);
  check('makeupWorkdays', new Set());
  return problems;
}
