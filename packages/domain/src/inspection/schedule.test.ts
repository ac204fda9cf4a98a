import { describe, expect, it } from 'vitest';
import { at, prng, show } from '../calendar/testing.js';
import type { Instant } from '../calendar/units.js';
import type { CalendarSchedule, InspectionSchedule, ScheduleProblem } from './schedule.js';
import { cronPeriod, periodKey, schedulePeriodsBetween, taskWindow, validateSchedule } from './schedule.js';

const SH = 'Asia/Shanghai';
const list = (s: CalendarSchedule, from: string, to: string, tz = SH) =>
  schedulePeriodsBetween(s, at(from, tz), at(to, tz), tz).map((p) => `${p.key} ${p.scheduledDate}`);

describe('schedulePeriodsBetween', () => {
  it.each<[string, CalendarSchedule, string, string, string[]]>([
    [
      'monthly on the 5th',
      { kind: 'monthly', day: 5 },
      '2026-01-01 00:00',
      '2026-04-01 00:00',
      ['2026-01 2026-01-05', '2026-02 2026-02-05', '2026-03 2026-03-05'],
    ],
    [
      'monthly, starting after this month’s day',
      { kind: 'monthly', day: 5 },
      '2026-01-10 00:00',
      '2026-03-01 00:00',
      ['2026-02 2026-02-05'],
    ],
    [
      'monthly, from is inclusive',
      { kind: 'monthly', day: 5 },
      '2026-01-05 00:00',
      '2026-01-06 00:00',
      ['2026-01 2026-01-05'],
    ],
    ['monthly, to is exclusive', { kind: 'monthly', day: 5 }, '2026-01-01 00:00', '2026-01-05 00:00', []],
    [
      'monthly, a minute after midnight misses it',
      { kind: 'monthly', day: 5 },
      '2026-01-05 00:01',
      '2026-02-01 00:00',
      [],
    ],
    [
      'day 31 is the last day of every month',
      { kind: 'monthly', day: 31 },
      '2026-01-01 00:00',
      '2026-07-01 00:00',
      [
        '2026-01 2026-01-31',
        '2026-02 2026-02-28',
        '2026-03 2026-03-31',
        '2026-04 2026-04-30',
        '2026-05 2026-05-31',
        '2026-06 2026-06-30',
      ],
    ],
    [
      'day 30 in a leap February',
      { kind: 'monthly', day: 30 },
      '2028-02-01 00:00',
      '2028-04-01 00:00',
      ['2028-02 2028-02-29', '2028-03 2028-03-30'],
    ],
    [
      'day 29 in a common February',
      { kind: 'monthly', day: 29 },
      '2026-02-01 00:00',
      '2026-03-01 00:00',
      ['2026-02 2026-02-28'],
    ],
    [
      'across a year end',
      { kind: 'monthly', day: 1 },
      '2026-11-15 00:00',
      '2027-02-15 00:00',
      ['2026-12 2026-12-01', '2027-01 2027-01-01', '2027-02 2027-02-01'],
    ],
    [
      'weekly on Monday',
      { kind: 'weekly', weekday: 1 },
      '2026-01-01 00:00',
      '2026-01-20 00:00',
      ['2026-W02 2026-01-05', '2026-W03 2026-01-12', '2026-W04 2026-01-19'],
    ],
    [
      'weekly on Sunday (the ISO week’s last day)',
      { kind: 'weekly', weekday: 7 },
      '2026-01-01 00:00',
      '2026-01-12 00:00',
      ['2026-W01 2026-01-04', '2026-W02 2026-01-11'],
    ],
    [
      'weekly across the year end: 2026 has 53 ISO weeks',
      { kind: 'weekly', weekday: 5 },
      '2026-12-20 00:00',
      '2027-01-12 00:00',
      ['2026-W52 2026-12-25', '2026-W53 2027-01-01', '2027-W01 2027-01-08'],
    ],
    [
      'weekly: 30 Dec 2024 is in 2025-W01',
      { kind: 'weekly', weekday: 1 },
      '2024-12-29 00:00',
      '2025-01-01 00:00',
      ['2025-W01 2024-12-30'],
    ],
    [
      'quarterly, first month, 15th',
      { kind: 'quarterly', month: 1, day: 15 },
      '2026-01-01 00:00',
      '2027-01-01 00:00',
      ['2026-Q1 2026-01-15', '2026-Q2 2026-04-15', '2026-Q3 2026-07-15', '2026-Q4 2026-10-15'],
    ],
    [
      'quarterly, last day of each quarter',
      { kind: 'quarterly', month: 3, day: 31 },
      '2026-01-01 00:00',
      '2027-01-01 00:00',
      ['2026-Q1 2026-03-31', '2026-Q2 2026-06-30', '2026-Q3 2026-09-30', '2026-Q4 2026-12-31'],
    ],
    [
      'quarterly, second month, 30th → 28 February',
      { kind: 'quarterly', month: 2, day: 30 },
      '2026-01-01 00:00',
      '2026-07-01 00:00',
      ['2026-Q1 2026-02-28', '2026-Q2 2026-05-30'],
    ],
    [
      'quarterly, starting mid-quarter',
      { kind: 'quarterly', month: 1, day: 1 },
      '2026-02-10 00:00',
      '2026-08-01 00:00',
      ['2026-Q2 2026-04-01', '2026-Q3 2026-07-01'],
    ],
    ['an empty or reversed range', { kind: 'monthly', day: 1 }, '2026-03-01 00:00', '2026-01-01 00:00', []],
  ])('%s', (_n, schedule, from, to, expected) => {
    expect(list(schedule, from, to)).toEqual(expected);
  });

  it('schedules at local midnight of the plan’s zone', () => {
    const [p] = schedulePeriodsBetween(
      { kind: 'monthly', day: 5 },
      at('2026-01-01 00:00'),
      at('2026-02-01 00:00'),
      SH,
    );
    expect(p?.scheduledAt).toBe(Date.UTC(2026, 0, 4, 16));
    const [b] = schedulePeriodsBetween(
      { kind: 'monthly', day: 5 },
      at('2026-01-01 00:00', 'Europe/Berlin'),
      at('2026-02-01 00:00', 'Europe/Berlin'),
      'Europe/Berlin',
    );
    expect(b?.scheduledAt).toBe(Date.UTC(2026, 0, 4, 23));
  });

  it('a midnight skipped by daylight saving time starts at the end of the gap (Santiago, 6 Sep 2026)', () => {
    const tz = 'America/Santiago';
    const [p] = schedulePeriodsBetween(
      { kind: 'monthly', day: 6 },
      at('2026-09-01 00:00', tz),
      at('2026-10-01 00:00', tz),
      tz,
    );
    expect(p && [p.key, p.scheduledDate, show(p.scheduledAt, tz)]).toEqual([
      '2026-09',
      '2026-09-06',
      '2026-09-06 01:00',
    ]);
  });

  it('generates each period exactly once however the job splits its windows', () => {
    const rnd = prng(20261126);
    const schedules: CalendarSchedule[] = [
      { kind: 'monthly', day: 31 },
      { kind: 'weekly', weekday: 3 },
      { kind: 'quarterly', month: 2, day: 29 },
    ];
    const start = at('2025-12-20 13:37');
    const end = at('2028-03-05 00:00');
    for (const s of schedules) {
      const whole = schedulePeriodsBetween(s, start, end, SH);
      const pieces = [];
      let from = start;
      while (from < end) {
        const to = Math.min(end, from + rnd.int(1, 40) * 86_400_000 + rnd.int(0, 86_399_999)) as Instant;
        pieces.push(...schedulePeriodsBetween(s, from, to, SH));
        from = to;
      }
      expect(pieces).toEqual(whole);
      expect(new Set(whole.map((p) => p.key)).size).toBe(whole.length);
      for (const p of whole) expect(periodKey(s, p.scheduledAt, SH)).toBe(p.key);
    }
  });

  it('refuses an invalid schedule or a runaway range as programming errors', () => {
    expect(() =>
      schedulePeriodsBetween({ kind: 'monthly', day: 32 }, at('2026-01-01 00:00'), at('2026-02-01 00:00')),
    ).toThrow(RangeError);
    expect(() =>
      schedulePeriodsBetween({ kind: 'weekly', weekday: 1 }, at('1970-01-01 00:00'), at('2071-01-01 00:00')),
    ).toThrow(RangeError);
  });
});

describe('periodKey', () => {
  it.each<[InspectionSchedule, string, string, string]>([
    [{ kind: 'monthly', day: 5 }, '2026-11-26 10:00', SH, '2026-11'],
    [{ kind: 'quarterly', month: 1, day: 1 }, '2026-11-26 10:00', SH, '2026-Q4'],
    [{ kind: 'weekly', weekday: 1 }, '2026-11-26 10:00', SH, '2026-W48'],
    [{ kind: 'weekly', weekday: 1 }, '2027-01-03 23:59', SH, '2026-W53'],
    [{ kind: 'weekly', weekday: 1 }, '2027-01-04 00:00', SH, '2027-W01'],
    // the same instant is 1 December in Shanghai and still 30 November in UTC
    [{ kind: 'monthly', day: 1 }, '2026-12-01 00:30', SH, '2026-12'],
    [{ kind: 'monthly', day: 1 }, '2026-11-30 16:30', 'UTC', '2026-11'],
    [{ kind: 'quarterly', month: 3, day: 31 }, '2026-03-31 23:59', SH, '2026-Q1'],
    [{ kind: 'quarterly', month: 3, day: 31 }, '2026-04-01 00:00', SH, '2026-Q2'],
    [{ kind: 'cron', expression: '0 9 * * 1' }, '2026-11-30 09:00:59', SH, '2026-11-30T01:00Z'],
  ])('%j at %s (%s) → %s', (schedule, local, tz, key) => {
    expect(periodKey(schedule, at(local, tz), tz)).toBe(key);
  });
});

describe('cron periods', () => {
  it('keys an occurrence by its minute in UTC and schedules it on its local date', () => {
    expect(cronPeriod(at('2026-11-26 07:30:45'), SH)).toEqual({
      key: '2026-11-25T23:30Z',
      scheduledDate: '2026-11-26',
      scheduledAt: at('2026-11-26 07:30'),
    });
  });
  it('keeps the two 02:30s of a daylight-saving overlap apart (Berlin, 25 Oct 2026)', () => {
    const first = cronPeriod(Date.UTC(2026, 9, 25, 0, 30) as Instant, 'Europe/Berlin');
    const second = cronPeriod(Date.UTC(2026, 9, 25, 1, 30) as Instant, 'Europe/Berlin');
    expect([first.key, second.key]).toEqual(['2026-10-25T00:30Z', '2026-10-25T01:30Z']);
    expect(first.scheduledDate).toBe(second.scheduledDate);
  });
});

describe('taskWindow', () => {
  const [jan5] = schedulePeriodsBetween(
    { kind: 'monthly', day: 5 },
    at('2026-01-01 00:00'),
    at('2026-02-01 00:00'),
  );
  it.each<[number, string]>([
    [1, '2026-01-06 00:00'],
    [5, '2026-01-10 00:00'],
    [28, '2026-02-02 00:00'],
  ])('%d days → due %s', (days, due) => {
    if (!jan5) throw new Error('no period');
    const w = taskWindow(jan5, days);
    expect([show(w.opensAt), show(w.dueAt)]).toEqual(['2026-01-05 00:00', due]);
  });
  it('a cron task opens at its occurrence and is due at a local midnight', () => {
    const w = taskWindow(cronPeriod(at('2026-11-26 09:00')), 2);
    expect([show(w.opensAt), show(w.dueAt)]).toEqual(['2026-11-26 09:00', '2026-11-28 00:00']);
  });
  it.each([0, -1, 1.5, 367, Number.NaN])('refuses %d days', (days) => {
    if (!jan5) throw new Error('no period');
    expect(() => taskWindow(jan5, days)).toThrow(RangeError);
  });
});

describe('validateSchedule', () => {
  it.each<[unknown, ScheduleProblem[]]>([
    [{ kind: 'monthly', day: 1 }, []],
    [{ kind: 'monthly', day: 31 }, []],
    [{ kind: 'monthly', day: 0 }, [{ path: 'day', code: 'invalid_day' }]],
    [{ kind: 'monthly', day: 32 }, [{ path: 'day', code: 'invalid_day' }]],
    [{ kind: 'monthly', day: 1.5 }, [{ path: 'day', code: 'invalid_day' }]],
    [{ kind: 'monthly', day: '5' }, [{ path: 'day', code: 'invalid_day' }]],
    [{ kind: 'weekly', weekday: 7 }, []],
    [{ kind: 'weekly', weekday: 0 }, [{ path: 'weekday', code: 'invalid_weekday' }]],
    [{ kind: 'quarterly', month: 3, day: 31 }, []],
    [
      { kind: 'quarterly', month: 4, day: 0 },
      [
        { path: 'month', code: 'invalid_month' },
        { path: 'day', code: 'invalid_day' },
      ],
    ],
    [{ kind: 'cron', expression: '0 9 1 * *' }, []],
    [{ kind: 'cron', expression: '0 9 1 *' }, [{ path: 'expression', code: 'invalid_cron' }]],
    [{ kind: 'cron' }, [{ path: 'expression', code: 'invalid_cron' }]],
    [{ kind: 'daily' }, [{ path: 'kind', code: 'unknown_kind' }]],
  ])('%j', (schedule, problems) => {
    expect(validateSchedule(schedule as InspectionSchedule)).toEqual(problems);
  });
});
