import { describe, expect, it } from 'vitest';
import { CALENDAR_7X24, calendar5x8, validateCalendar } from './calendar.js';
import { at } from './testing.js';
import { businessMinutes } from './units.js';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isWorkingTime,
  nextWorkingMoment,
} from './working-time.js';

describe('bad calendars', () => {
  it('throws on an invalid calendar', () => {
    const bad = { ...calendar5x8(), timeZone: 'Mars/Olympus' };
    expect(() => addBusinessMinutes(bad, at('2026-01-05 09:00'), businessMinutes(1))).toThrow(RangeError);
  });
  it('throws when the calendar never works again', () => {
    const days = Array.from({ length: 4000 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    );
    const allOff = { ...calendar5x8(), holidays: days };
    expect(() => nextWorkingMoment(allOff, at('2026-01-05 09:00'))).toThrow(/no working time/);
    expect(businessMinutesBetween(allOff, at('2026-01-05 09:00'), at('2026-02-05 09:00'))).toBe(0);
  });
  it('rejects negative minutes', () => {
    expect(() => addBusinessMinutes(calendar5x8(), at('2026-01-05 09:00'), -1 as never)).toThrow(RangeError);
  });
});

describe('validateCalendar', () => {
  const base = calendar5x8();
  it.each([
    ['5×8', base, []],
    ['7×24', CALENDAR_7X24, []],
    ['unknown zone', { ...base, timeZone: 'Asia/Beijing' }, [['timeZone', 'invalid_time_zone']]],
    [
      'bad time',
      { ...base, weekly: { ...base.weekly, 1: [{ start: '9:00', end: '12:00' }] } },
      [['weekly.1.0.start', 'invalid_time']],
    ],
    [
      '24:00 as a start',
      { ...base, weekly: { ...base.weekly, 1: [{ start: '24:00', end: '24:00' }] } },
      [['weekly.1.0.start', 'invalid_time']],
    ],
    [
      'empty range',
      { ...base, weekly: { ...base.weekly, 2: [{ start: '12:00', end: '12:00' }] } },
      [['weekly.2.0', 'empty_range']],
    ],
    [
      'overlap',
      {
        ...base,
        weekly: {
          ...base.weekly,
          3: [
            { start: '09:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        },
      },
      [['weekly.3.1', 'overlapping_ranges']],
    ],
    [
      'no hours',
      { ...base, weekly: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] } },
      [['weekly', 'no_working_hours']],
    ],
    ['bad holiday', { ...base, holidays: ['2026-02-30'] }, [['holidays.0', 'invalid_date']]],
    [
      'both',
      { ...base, holidays: ['2026-10-10'], makeupWorkdays: [{ date: '2026-10-10' }] },
      [['makeupWorkdays.0.date', 'holiday_and_makeup']],
    ],
    [
      'lender without hours',
      { ...base, makeupWorkdays: [{ date: '2026-10-10', hours: 6 as const }] },
      [['makeupWorkdays.0.hours', 'invalid_weekday']],
    ],
  ])('%s', (_name, cal, problems) => {
    expect(validateCalendar(cal).map((p) => [p.path, p.code])).toEqual(problems);
  });
  it('a date both holiday and make-up day is a holiday when used anyway', () => {
    const both = { ...base, holidays: ['2026-10-10'], makeupWorkdays: [{ date: '2026-10-10' }] };
    expect(isWorkingTime(both, at('2026-10-10 10:00'))).toBe(false);
  });
});
