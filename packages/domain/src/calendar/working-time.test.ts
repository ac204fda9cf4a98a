import { describe, expect, it } from 'vitest';
import type { CalendarDefinition } from './calendar.js';
import { CALENDAR_7X24, calendar5x8 } from './calendar.js';
import { calendarWithHolidays } from './holidays.js';
import { CHINA_2026, at, show } from './testing.js';
import { businessMinutes } from './units.js';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isWorkingTime,
  nextWorkingMoment,
  workingIntervals,
} from './working-time.js';

const cn5x8 = calendarWithHolidays(calendar5x8(), [CHINA_2026]);
const add = (cal: CalendarDefinition, start: string, minutes: number, tz = cal.timeZone) =>
  show(addBusinessMinutes(cal, at(start, tz), businessMinutes(minutes)), tz);
const between = (cal: CalendarDefinition, from: string, to: string, tz = cal.timeZone) =>
  businessMinutesBetween(cal, at(from, tz), at(to, tz));

// 2026-01-05 … 2026-01-11 is an ordinary week: Mon 5th … Fri 9th, Sat 10th, Sun 11th.
describe('5×8: addBusinessMinutes on an ordinary week (09:00–12:00, 13:00–18:00)', () => {
  it.each([
    ['2026-01-05 09:00', 0, '2026-01-05 09:00', 'working start counts from itself'],
    ['2026-01-05 08:00', 0, '2026-01-05 09:00', 'before hours: 0 minutes is the next working moment'],
    ['2026-01-05 12:00', 0, '2026-01-05 13:00', 'lunch is not working time'],
    ['2026-01-05 09:00', 180, '2026-01-05 12:00', 'due at the end of the morning stays there'],
    ['2026-01-05 09:00', 181, '2026-01-05 13:01', 'lunch is skipped'],
    ['2026-01-05 11:30', 60, '2026-01-05 13:30', 'across the lunch break'],
    ['2026-01-05 12:30', 30, '2026-01-05 13:30', 'starting in the lunch break'],
    ['2026-01-05 09:00', 480, '2026-01-05 18:00', 'a full day'],
    ['2026-01-05 09:00', 481, '2026-01-06 09:01', 'one minute into the next day'],
    ['2026-01-05 17:30', 60, '2026-01-06 09:30', 'overnight'],
    ['2026-01-09 23:59', 0, '2026-01-12 09:00', 'Friday 23:59 waits for Monday'],
    ['2026-01-09 23:59', 1, '2026-01-12 09:01', 'Friday 23:59 + 1'],
    ['2026-01-09 17:59', 2, '2026-01-12 09:01', 'the last minute of Friday then Monday'],
    ['2026-01-10 10:00', 2400, '2026-01-16 18:00', 'a working week from Saturday'],
    ['2026-01-05 09:00:30', 1, '2026-01-05 09:01:30', 'seconds are kept'],
    ['2026-01-12 09:00', 10_000, '2026-02-09 16:40', '10 000 minutes is 20 days and 400 minutes'],
  ])('%s + %d → %s (%s)', (start, minutes, due) => {
    expect(add(calendar5x8(), start, minutes)).toBe(due);
  });
});

describe('5×8 with China 2026: 国庆 (1–7 Oct, make-up Sun 20 Sep and Sat 10 Oct)', () => {
  it.each([
    ['2026-09-18 17:00', 120, '2026-09-20 10:00', 'Friday to the make-up Sunday'],
    ['2026-09-19 10:00', 0, '2026-09-20 09:00', 'the Saturday before is still off'],
    ['2026-09-20 17:00', 120, '2026-09-21 10:00', 'make-up Sunday to Monday'],
    ['2026-09-24 17:00', 120, '2026-09-28 10:00', '中秋 25–27 Sep is off (Fri–Sun)'],
    ['2026-09-30 17:00', 120, '2026-10-08 10:00', 'the whole golden week is skipped'],
    ['2026-10-01 10:00', 0, '2026-10-08 09:00', 'raised on National Day'],
    ['2026-10-09 17:00', 120, '2026-10-10 10:00', 'to the make-up Saturday'],
    ['2026-10-10 17:00', 120, '2026-10-12 10:00', 'Sunday 11 Oct is off again'],
  ])('%s + %d → %s (%s)', (start, minutes, due) => {
    expect(add(cn5x8, start, minutes)).toBe(due);
  });
  it.each([
    ['2026-09-19 00:00', '2026-09-21 00:00', 480, 'the make-up Sunday is a full day'],
    ['2026-09-28 00:00', '2026-10-12 00:00', 6 * 480, 'Mon–Wed, Thu 8, Fri 9, Sat 10 Oct'],
    ['2026-10-01 00:00', '2026-10-08 00:00', 0, 'nothing on the holidays'],
  ])('between %s and %s → %d (%s)', (from, to, minutes) => {
    expect(between(cn5x8, from, to)).toBe(minutes);
  });
  it('knows which days work', () => {
    expect(isWorkingTime(cn5x8, at('2026-09-20 10:00'))).toBe(true);
    expect(isWorkingTime(cn5x8, at('2026-10-05 10:00'))).toBe(false); // a Monday
    expect(isWorkingTime(cn5x8, at('2026-10-10 12:30'))).toBe(false); // lunch on the make-up day
    expect(isWorkingTime(cn5x8, at('2026-10-11 10:00'))).toBe(false);
  });
});

describe('5×8 with China 2026: 春节 (15–23 Feb, make-up Sat 14 and Sat 28 Feb)', () => {
  it.each([
    ['2026-02-13 17:00', 120, '2026-02-14 10:00', 'Friday to the make-up Saturday'],
    ['2026-02-14 17:00', 120, '2026-02-24 10:00', 'nine days off'],
    ['2026-02-16 08:00', 480, '2026-02-24 18:00', 'raised on New Year’s Eve (除夕)'],
    ['2026-02-27 17:30', 31, '2026-02-28 09:01', 'make-up Saturday 28 Feb'],
  ])('%s + %d → %s (%s)', (start, minutes, due) => {
    expect(add(cn5x8, start, minutes)).toBe(due);
  });
  it('counts 11 working days from 9 Feb to 1 Mar', () => {
    expect(between(cn5x8, '2026-02-09 00:00', '2026-03-02 00:00')).toBe(11 * 480);
  });
  it('without the holidays the same span is 15 days', () => {
    expect(between(calendar5x8(), '2026-02-09 00:00', '2026-03-02 00:00')).toBe(15 * 480);
  });
});

describe('custom hours, breaks and overnight', () => {
  const factory: CalendarDefinition = {
    timeZone: 'Asia/Shanghai',
    weekly: {
      1: [
        { start: '08:30', end: '11:45' },
        { start: '13:15', end: '17:00' },
        { start: '18:00', end: '20:30' },
      ],
      2: [
        { start: '08:30', end: '11:45' },
        { start: '13:15', end: '17:00' },
      ],
      3: [
        { start: '08:30', end: '11:45' },
        { start: '13:15', end: '17:00' },
      ],
      4: [
        { start: '08:30', end: '11:45' },
        { start: '13:15', end: '17:00' },
      ],
      5: [
        { start: '08:30', end: '11:45' },
        { start: '13:15', end: '17:00' },
      ],
      6: [{ start: '09:00', end: '12:00' }],
      7: [],
    },
    holidays: [],
    makeupWorkdays: [],
  };
  const nightShift: CalendarDefinition = {
    timeZone: 'Asia/Shanghai',
    weekly: {
      1: [{ start: '22:00', end: '24:00' }],
      2: [
        { start: '00:00', end: '06:00' },
        { start: '22:00', end: '24:00' },
      ],
      3: [{ start: '00:00', end: '06:00' }],
      4: [],
      5: [],
      6: [],
      7: [],
    },
    holidays: [],
    makeupWorkdays: [{ date: '2026-01-11', hours: 2 }], // a Sunday working Tuesday's hours
  };
  it.each([
    [factory, '2026-01-05 11:40', 10, '2026-01-05 13:20'],
    [factory, '2026-01-05 16:50', 20, '2026-01-05 18:10'],
    [factory, '2026-01-05 20:20', 20, '2026-01-06 08:40'],
    [factory, '2026-01-09 16:30', 60, '2026-01-10 09:30'],
    [factory, '2026-01-10 11:30', 60, '2026-01-12 09:00'],
    [nightShift, '2026-01-05 23:00', 120, '2026-01-06 01:00'],
    [nightShift, '2026-01-06 05:00', 120, '2026-01-06 23:00'],
    [nightShift, '2026-01-07 05:30', 60, '2026-01-11 00:30'],
    [nightShift, '2026-01-11 05:30', 60, '2026-01-11 22:30'],
  ])('%#: %s + %d → %s', (cal, start, minutes, due) => {
    expect(add(cal, start, minutes)).toBe(due);
  });
  it('joins Monday 22:00–24:00 and Tuesday 00:00–06:00 into one interval', () => {
    const ws = workingIntervals(nightShift, at('2026-01-05 20:00'), at('2026-01-06 08:00'));
    expect(ws.map((w) => [show(w.start), show(w.end)])).toEqual([['2026-01-05 22:00', '2026-01-06 06:00']]);
  });
  it('lists the working intervals of a 5×8 stretch, clipped', () => {
    const ws = workingIntervals(calendar5x8(), at('2026-01-09 10:30'), at('2026-01-12 10:00'));
    expect(ws.map((w) => [show(w.start), show(w.end)])).toEqual([
      ['2026-01-09 10:30', '2026-01-09 12:00'],
      ['2026-01-09 13:00', '2026-01-09 18:00'],
      ['2026-01-12 09:00', '2026-01-12 10:00'],
    ]);
    expect(workingIntervals(calendar5x8(), at('2026-01-12 10:00'), at('2026-01-09 10:30'))).toEqual([]);
  });
});

describe('7×24', () => {
  it.each([
    ['2026-01-05 23:30', 60, '2026-01-06 00:30'],
    ['2026-12-31 23:59', 2, '2027-01-01 00:01'],
    ['2026-10-01 00:00', 7 * 1440, '2026-10-08 00:00'],
  ])('%s + %d → %s', (start, minutes, due) => {
    expect(add(CALENDAR_7X24, start, minutes)).toBe(due);
  });
  it('is one interval over many nights', () => {
    const from = at('2026-01-05 20:00');
    const to = at('2026-01-09 04:00');
    expect(workingIntervals(CALENDAR_7X24, from, to)).toEqual([{ start: from, end: to }]);
    expect(businessMinutesBetween(CALENDAR_7X24, from, to)).toBe((to - from) / 60_000);
  });
});

describe('nextWorkingMoment and isWorkingTime (half-open intervals)', () => {
  it.each([
    ['2026-01-05 09:00', true, '2026-01-05 09:00'],
    ['2026-01-05 11:59:59', true, '2026-01-05 11:59:59'],
    ['2026-01-05 12:00', false, '2026-01-05 13:00'],
    ['2026-01-05 18:00', false, '2026-01-06 09:00'],
    ['2026-01-10 09:00', false, '2026-01-12 09:00'],
  ])('%s working=%s next=%s', (t, working, next) => {
    expect(isWorkingTime(calendar5x8(), at(t))).toBe(working);
    expect(show(nextWorkingMoment(calendar5x8(), at(t)))).toBe(next);
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    ['2026-01-05 09:00', '2026-01-05 18:00', 480],
    ['2026-01-05 18:00', '2026-01-05 09:00', -480],
    ['2026-01-05 11:00', '2026-01-05 14:00', 120],
    ['2026-01-09 17:00', '2026-01-12 10:00', 120],
    ['2026-01-05 09:00:30', '2026-01-05 09:01', 0.5],
    ['2026-01-10 00:00', '2026-01-11 23:59', 0],
  ])('%s → %s = %d', (from, to, minutes) => {
    expect(between(calendar5x8(), from, to)).toBe(minutes);
  });
});
