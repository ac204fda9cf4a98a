// Property tests with a seeded PRNG: each case prints its seed when it fails, so it can be replayed.
import { describe, expect, it } from 'vitest';
import type { CalendarDefinition } from './calendar.js';
import { calendar5x8, calendar7x24 } from './calendar.js';
import { calendarWithHolidays } from './holidays.js';
import { CHINA_2026, prng } from './testing.js';
import type { Instant } from './units.js';
import { businessMinutes } from './units.js';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isWorkingTime,
  nextWorkingMoment,
  workingIntervals,
} from './working-time.js';

const CALENDARS: [string, CalendarDefinition][] = [
  ['5×8 China 2026', calendarWithHolidays(calendar5x8(), [CHINA_2026])],
  ['7×24 Berlin', calendar7x24('Europe/Berlin')],
  ['5×8 Berlin', calendar5x8('Europe/Berlin')],
  [
    'odd hours Berlin, night shift and DST-night Sunday',
    {
      timeZone: 'Europe/Berlin',
      weekly: {
        1: [
          { start: '08:17', end: '11:43' },
          { start: '22:00', end: '24:00' },
        ],
        2: [
          { start: '00:00', end: '06:00' },
          { start: '13:00', end: '13:01' },
        ],
        3: [{ start: '09:00', end: '17:00' }],
        4: [],
        5: [{ start: '00:00', end: '24:00' }],
        6: [{ start: '00:00', end: '02:30' }],
        7: [{ start: '01:00', end: '04:00' }],
      },
      holidays: ['2026-03-25', '2026-10-28'],
      makeupWorkdays: [{ date: '2026-03-26', hours: 3 }],
    },
  ],
];

// Instants from December 2025 to January 2027, both DST switches included; any millisecond.
const FROM = Date.UTC(2025, 11, 1);
const TO = Date.UTC(2027, 0, 31);
const RUNS = 300;

describe.each(CALENDARS)('calendar properties: %s', (_name, cal) => {
  const instantFrom = (r: ReturnType<typeof prng>): Instant =>
    (r.next() < 0.5
      ? FROM + Math.floor(r.next() * (TO - FROM))
      : FROM + r.int(0, (TO - FROM) / 60_000) * 60_000) as Instant;

  it('adding never goes backwards and grows with the minutes', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const r = prng(seed);
      const start = instantFrom(r);
      const m1 = r.int(0, 20_000);
      const m2 = m1 + r.int(0, 5_000);
      const d1 = addBusinessMinutes(cal, start, businessMinutes(m1));
      const d2 = addBusinessMinutes(cal, start, businessMinutes(m2));
      expect(d1 >= start && d2 >= d1, `seed ${seed}`).toBe(true);
    }
  });

  it('businessMinutesBetween(start, addBusinessMinutes(start, m)) === m', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const r = prng(seed);
      const start = instantFrom(r);
      const m = r.int(0, 20_000);
      expect(
        businessMinutesBetween(cal, start, addBusinessMinutes(cal, start, businessMinutes(m))),
        `seed ${seed}`,
      ).toBe(m);
    }
  });

  it('a due time after a positive amount is reached in working time', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const r = prng(seed);
      const due = addBusinessMinutes(cal, instantFrom(r), businessMinutes(r.int(1, 20_000)));
      expect(isWorkingTime(cal, (due - 1) as Instant), `seed ${seed}`).toBe(true);
    }
  });

  it('a later start never gives an earlier due time', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const r = prng(seed);
      const a = instantFrom(r);
      const b = (a + r.int(0, 10 * 86_400_000)) as Instant;
      const m = businessMinutes(r.int(0, 10_000));
      expect(addBusinessMinutes(cal, b, m) >= addBusinessMinutes(cal, a, m), `seed ${seed}`).toBe(true);
    }
  });

  it('working intervals are ordered, apart, inside the range, working, and sum to the business time', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const r = prng(seed);
      const from = instantFrom(r);
      const to = (from + r.int(0, 20 * 86_400_000)) as Instant;
      const ws = workingIntervals(cal, from, to);
      let sum = 0;
      let previousEnd = -Infinity;
      for (const w of ws) {
        expect(
          w.start >= from && w.end <= to && w.start < w.end && w.start > previousEnd,
          `seed ${seed}`,
        ).toBe(true);
        expect(
          isWorkingTime(cal, w.start) && isWorkingTime(cal, (w.end - 1) as Instant),
          `seed ${seed}`,
        ).toBe(true);
        if (w.end < to) expect(isWorkingTime(cal, w.end), `seed ${seed}`).toBe(false);
        sum += w.end - w.start;
        previousEnd = w.end;
      }
      expect(businessMinutesBetween(cal, from, to), `seed ${seed}`).toBe(sum / 60_000);
    }
  });

  it('business time adds up over a split and is antisymmetric', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const r = prng(seed);
      const [a, b, c] = [instantFrom(r), instantFrom(r), instantFrom(r)].sort((x, y) => x - y) as [
        Instant,
        Instant,
        Instant,
      ];
      const ab = businessMinutesBetween(cal, a, b) * 60_000;
      const bc = businessMinutesBetween(cal, b, c) * 60_000;
      expect(Math.round(ab + bc), `seed ${seed}`).toBe(
        Math.round(businessMinutesBetween(cal, a, c) * 60_000),
      );
      expect(businessMinutesBetween(cal, c, a), `seed ${seed}`).toBe(-businessMinutesBetween(cal, a, c));
    }
  });

  it('the next working moment is working, not before, and nothing works in between', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const r = prng(seed);
      const t = instantFrom(r);
      const next = nextWorkingMoment(cal, t);
      expect(next >= t && isWorkingTime(cal, next), `seed ${seed}`).toBe(true);
      expect(businessMinutesBetween(cal, t, next), `seed ${seed}`).toBe(0);
      expect(addBusinessMinutes(cal, t, businessMinutes(0)), `seed ${seed}`).toBe(next);
    }
  });
});

describe('7×24 counts real elapsed time, DST or not', () => {
  it('equals the difference of the instants', () => {
    const cal = calendar7x24('Europe/Berlin');
    for (let seed = 1; seed <= RUNS; seed++) {
      const r = prng(seed);
      const from = (FROM + r.int(0, (TO - FROM) / 60_000) * 60_000) as Instant;
      const to = (from + r.int(0, 40 * 1440) * 60_000) as Instant;
      expect(businessMinutesBetween(cal, from, to), `seed ${seed}`).toBe((to - from) / 60_000);
    }
  });
});
