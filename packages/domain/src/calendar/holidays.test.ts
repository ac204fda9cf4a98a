import { describe, expect, it } from 'vitest';
import { calendar5x8, validateCalendar } from './calendar.js';
import type { HolidayYear } from './holidays.js';
import { calendarWithHolidays, validateHolidayYear } from './holidays.js';
import { CHINA_2026, at } from './testing.js';
import { isWorkingTime } from './working-time.js';

describe('validateHolidayYear', () => {
  const y = (over: Partial<HolidayYear>): HolidayYear => ({
    year: 2026,
    holidays: ['2026-10-01'],
    makeupWorkdays: ['2026-10-10'],
    ...over,
  });
  it.each([
    ['the 2026 data of chinese-days', CHINA_2026, []],
    ['a minimal year', y({}), []],
    ['no make-up days is fine', y({ makeupWorkdays: [] }), []],
    ['no holidays', y({ holidays: [] }), [['holidays', 'no_holidays']]],
    [
      'year out of range',
      y({ year: 1969 }),
      [
        ['year', 'invalid_year'],
        ['holidays.0', 'outside_year'],
        ['makeupWorkdays.0', 'outside_year'],
      ],
    ],
    [
      'not a date',
      y({ holidays: ['2026-02-29', '2026/10/02'] }),
      [
        ['holidays.0', 'invalid_date'],
        ['holidays.1', 'invalid_date'],
      ],
    ],
    [
      'another year',
      y({ holidays: ['2027-01-01'], makeupWorkdays: ['2025-12-27'] }),
      [
        ['holidays.0', 'outside_year'],
        ['makeupWorkdays.0', 'outside_year'],
      ],
    ],
    ['listed twice', y({ holidays: ['2026-10-01', '2026-10-01'] }), [['holidays.1', 'duplicate']]],
    ['in both lists', y({ makeupWorkdays: ['2026-10-01'] }), [['makeupWorkdays.0', 'holiday_and_makeup']]],
    [
      'make-up on a Friday',
      y({ makeupWorkdays: ['2026-10-09'] }),
      [['makeupWorkdays.0', 'makeup_not_weekend']],
    ],
    ['make-up on a Sunday', y({ makeupWorkdays: ['2026-09-20'] }), []],
  ])('%s', (_name, data, problems) => {
    expect(validateHolidayYear(data).map((p) => [p.path, p.code])).toEqual(problems);
  });
});

describe('calendarWithHolidays', () => {
  it('adds the years to the base and keeps what the base had', () => {
    const base = {
      ...calendar5x8(),
      holidays: ['2025-12-31'],
      makeupWorkdays: [{ date: '2026-09-20', hours: 5 as const }],
    };
    const cal = calendarWithHolidays(base, [
      CHINA_2026,
      { year: 2027, holidays: ['2027-01-01'], makeupWorkdays: [] },
    ]);
    expect(cal.holidays).toContain('2025-12-31');
    expect(cal.holidays).toContain('2026-10-07');
    expect(cal.holidays).toContain('2027-01-01');
    expect(cal.makeupWorkdays.find((m) => m.date === '2026-09-20')).toEqual({ date: '2026-09-20', hours: 5 });
    expect(cal.makeupWorkdays.map((m) => m.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(validateCalendar(cal)).toEqual([]);
    expect(cal.weekly).toBe(base.weekly);
  });
  it('makes the make-up days work Monday hours and the holidays stop work', () => {
    const cal = calendarWithHolidays(calendar5x8(), [CHINA_2026]);
    expect(isWorkingTime(cal, at('2026-01-04 09:00'))).toBe(true); // Sunday
    expect(isWorkingTime(cal, at('2026-01-04 12:30'))).toBe(false);
    expect(isWorkingTime(cal, at('2026-01-02 10:00'))).toBe(false); // Friday, 元旦
    expect(isWorkingTime(calendar5x8(), at('2026-01-02 10:00'))).toBe(true);
  });
});
