import { describe, expect, it } from 'vitest';
import { CALENDAR_7X24, calendar5x8 } from '../calendar/calendar.js';
import { calendarWithHolidays } from '../calendar/holidays.js';
import { CHINA_2026, at, show } from '../calendar/testing.js';
import { dueAt } from '../sla/clock.js';
import type { ArrivalTarget, ArrivalTargetProblem } from './arrival.js';
import {
  EXAMPLE_ARRIVAL_TARGETS,
  arrivalClock,
  arrivalDueAt,
  arrivalTargetFor,
  validateArrivalTargets,
} from './arrival.js';

const cn5x8 = calendarWithHolidays(calendar5x8(), [CHINA_2026]);
const T = EXAMPLE_ARRIVAL_TARGETS;

describe('arrivalDueAt: on-site arrival targets per area on the project calendar', () => {
  it.each<[string, string | null, typeof cn5x8, string, string]>([
    ['city, 7×24', 'city', CALENDAR_7X24, '2026-01-05 22:30', '2026-01-06 00:30'],
    ['suburbs, 7×24', 'suburb', CALENDAR_7X24, '2026-01-05 22:30', '2026-01-06 02:30'],
    ['city, 5×8, within the morning', 'city', cn5x8, '2026-01-05 09:30', '2026-01-05 11:30'],
    ['city, 5×8, over lunch', 'city', cn5x8, '2026-01-05 11:00', '2026-01-05 14:00'],
    ['city, 5×8, dispatched Friday evening', 'city', cn5x8, '2026-01-09 17:00', '2026-01-12 10:00'],
    ['city, 5×8, before the 国庆 holiday', 'city', cn5x8, '2026-09-30 17:30', '2026-10-08 10:30'],
    [
      'city, 5×8, seconds are cut as SLA clocks cut them',
      'city',
      cn5x8,
      '2026-01-05 09:30:59',
      '2026-01-05 11:30',
    ],
    [
      'unknown area falls back to the default (city)',
      'mountains',
      CALENDAR_7X24,
      '2026-01-05 10:00',
      '2026-01-05 12:00',
    ],
    ['no area falls back to the default', null, CALENDAR_7X24, '2026-01-05 10:00', '2026-01-05 12:00'],
  ])('%s', (_n, area, cal, from, due) => {
    const r = arrivalDueAt(T, area, cal, at(from));
    expect(r.ok && show(r.dueAt)).toBe(due);
    if (r.ok) expect(dueAt(arrivalClock(r.target, at(from)), cal)).toBe(r.dueAt); // the SLA engine agrees
  });

  it('has no target without the area and without a default', () => {
    const noDefault = T.map((t) => ({ ...t, isDefault: false }));
    expect(arrivalDueAt(noDefault, 'mountains', CALENDAR_7X24, at('2026-01-05 10:00'))).toEqual({
      ok: false,
      code: 'no_target',
    });
    expect(arrivalTargetFor([], 'city')).toBeNull();
    expect(arrivalTargetFor(noDefault, 'suburb')?.minutes).toBe(240);
  });
});

describe('validateArrivalTargets', () => {
  const ok: ArrivalTarget = { areaKey: 'city', label: { 'zh-CN': '市区', en: 'City' }, minutes: 120 };
  it('accepts the example and an empty list', () => {
    expect(validateArrivalTargets(T)).toEqual([]);
    expect(validateArrivalTargets([])).toEqual([]);
  });
  it.each<[string, ArrivalTarget[], ArrivalTargetProblem]>([
    ['bad key', [{ ...ok, areaKey: 'City Centre' }], { path: '0.areaKey', code: 'invalid_key' }],
    ['same area twice', [ok, ok], { path: '1.areaKey', code: 'duplicate_area' }],
    [
      'no English label',
      [{ ...ok, label: { 'zh-CN': '市区', en: ' ' } }],
      { path: '0.label.en', code: 'required' },
    ],
    ['zero minutes', [{ ...ok, minutes: 0 }], { path: '0.minutes', code: 'invalid_minutes' }],
    ['fractional minutes', [{ ...ok, minutes: 90.5 }], { path: '0.minutes', code: 'invalid_minutes' }],
    [
      'two defaults',
      [
        { ...ok, isDefault: true },
        { ...ok, areaKey: 'suburb', isDefault: true },
      ],
      { path: '1.isDefault', code: 'several_defaults' },
    ],
  ])('%s', (_n, targets, problem) => {
    expect(validateArrivalTargets(targets)).toContainEqual(problem);
  });
});
