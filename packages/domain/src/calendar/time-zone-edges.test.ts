import { describe, expect, it } from 'vitest';
import type { CalendarDefinition } from './calendar.js';
import { calendar5x8, calendar7x24 } from './calendar.js';
import { calendarWithHolidays } from './holidays.js';
import { CHINA_2026, at, show } from './testing.js';
import { intlWallTimeAt, wallTimeAt } from './time-zone.js';
import type { Instant } from './units.js';
import { businessMinutes } from './units.js';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isWorkingTime,
  nextWorkingMoment,
} from './working-time.js';

const cn5x8 = calendarWithHolidays(calendar5x8(), [CHINA_2026]);
const add = (cal: CalendarDefinition, start: string, minutes: number, tz = cal.timeZone) =>
  show(addBusinessMinutes(cal, at(start, tz), businessMinutes(minutes)), tz);
const between = (cal: CalendarDefinition, from: string, to: string, tz = cal.timeZone) =>
  businessMinutesBetween(cal, at(from, tz), at(to, tz));

describe('time-zone edges', () => {
  const berlin5x8 = calendar5x8('Europe/Berlin');
  const berlin7x24 = calendar7x24('Europe/Berlin');
  const berlinNight: CalendarDefinition = {
    ...berlin7x24,
    weekly: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [{ start: '01:00', end: '04:00' }] },
  };
  it('a Shanghai calendar read from UTC: Monday 09:00 CST is 01:00 UTC', () => {
    const sundayNightUtc = Date.parse('2026-01-04T23:30:00Z') as Instant; // Monday 07:30 in Shanghai
    expect(new Date(nextWorkingMoment(calendar5x8(), sundayNightUtc)).toISOString()).toBe(
      '2026-01-05T01:00:00.000Z',
    );
    const lateFridayUtc = Date.parse('2026-01-09T09:59:00Z') as Instant; // Friday 17:59 in Shanghai
    expect(new Date(addBusinessMinutes(calendar5x8(), lateFridayUtc, businessMinutes(2))).toISOString()).toBe(
      '2026-01-12T01:01:00.000Z',
    );
  });
  it('the local day, not the UTC day, decides: Shanghai midnight is 16:00 UTC the day before', () => {
    const holidayStart = Date.parse('2026-09-30T16:00:00Z') as Instant;
    expect(isWorkingTime(cn5x8, (holidayStart - 1) as Instant)).toBe(false); // 23:59:59 Wed, after hours
    expect(businessMinutesBetween(cn5x8, Date.parse('2026-09-30T00:00:00Z') as Instant, holidayStart)).toBe(
      480,
    );
  });
  it.each([
    ['2026-03-29 00:00', '2026-03-30 00:00', 23 * 60, 'spring forward: a 23-hour Sunday'],
    ['2026-10-25 00:00', '2026-10-26 00:00', 25 * 60, 'fall back: a 25-hour Sunday'],
    ['2026-03-28 12:00', '2026-03-29 12:00', 23 * 60, 'noon to noon across the gap'],
  ])('Berlin 7×24 %s → %s = %d (%s)', (from, to, minutes) => {
    expect(between(berlin7x24, from, to)).toBe(minutes);
  });
  it.each([
    ['2026-03-29 00:00', '2026-03-30 00:00', 120, '01:00–04:00 with 02:00–03:00 skipped'],
    ['2026-10-25 00:00', '2026-10-26 00:00', 240, '01:00–04:00 with 02:00–03:00 twice'],
    ['2026-03-22 00:00', '2026-03-23 00:00', 180, 'an ordinary Sunday'],
  ])('Berlin Sunday 01:00–04:00 %s → %s = %d (%s)', (from, to, minutes) => {
    expect(between(berlinNight, from, to)).toBe(minutes);
  });
  it.each([
    ['2026-03-27 17:00', 120, '2026-03-30 10:00', 'Friday CET to Monday CEST'],
    ['2026-10-23 17:00', 120, '2026-10-26 10:00', 'Friday CEST to Monday CET'],
  ])('Berlin 5×8 %s + %d → %s (%s)', (start, minutes, due) => {
    expect(add(berlin5x8, start, minutes)).toBe(due);
  });
  it('Berlin 7×24 adds real minutes, not wall minutes, across the switch', () => {
    expect(add(berlin7x24, '2026-03-29 01:30', 60)).toBe('2026-03-29 03:30');
    expect(add(berlin7x24, '2026-10-25 01:30', 120)).toBe('2026-10-25 02:30'); // the second 02:30
  });
});

describe('wallTimeAt: the offsets it remembers per hour agree with Intl at every instant', () => {
  // Days with a change: Berlin and New York spring forward and fall back (on a UTC hour), Lord Howe moves 30 minutes.
  const cases: [string, string][] = [
    ['Europe/Berlin', '2026-03-29T00:00:00Z'],
    ['Europe/Berlin', '2026-10-25T00:00:00Z'],
    ['America/New_York', '2026-03-08T04:00:00Z'],
    ['America/New_York', '2026-11-01T04:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T13:00:00Z'],
    // Changes in the middle of a UTC hour: 02:00 at +10:30 (15:30Z), 02:00 at −3:30 (05:30Z).
    ['Australia/Lord_Howe', '2026-10-03T12:00:00Z'],
    ['America/St_Johns', '2026-03-08T02:00:00Z'],
    ['America/St_Johns', '2026-11-01T02:00:00Z'],
    ['Asia/Kathmandu', '2026-01-01T00:00:00Z'],
    ['Asia/Shanghai', '2026-10-01T00:00:00Z'],
  ];
  it.each(cases)('%s around %s, every 7 minutes and 13 seconds for a day, twice', (zone, from) => {
    const start = Date.parse(from);
    for (let round = 0; round < 2; round++)
      for (let at = start; at < start + 86_400_000; at += 433_001)
        expect(wallTimeAt(zone, at)).toBe(intlWallTimeAt(zone, at));
  });
});
