import { describe, expect, it } from 'vitest';
import {
  addDays,
  addPeriods,
  daysFrom,
  isLocalDate,
  isTimeOfDay,
  localDateAt,
  localInstant,
  periodEnd,
  periodsBetween,
} from './dates.js';

describe('local dates in Asia/Shanghai', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['', false],
  ])('isLocalDate(%s) = %s', (s, ok) => expect(isLocalDate(s)).toBe(ok));

  it.each([
    ['09:00', true],
    ['23:59', true],
    ['24:00', false],
    ['9:00', false],
  ])('isTimeOfDay(%s) = %s', (s, ok) => expect(isTimeOfDay(s)).toBe(ok));

  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', 21, '2026-01-22'],
    ['2026-12-31', -14, '2026-12-17'],
  ])('addDays(%s, %i) = %s', (d, n, out) => expect(addDays(d, n)).toBe(out));

  it('counts days between dates', () => {
    expect(daysFrom('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysFrom('2026-03-01', '2026-01-01')).toBe(-59);
  });

  it.each([
    ['2026-05-31T15:59:59.999Z', '2026-05-31'],
    ['2026-05-31T16:00:00.000Z', '2026-06-01'],
    ['2026-01-01T00:00:00.000Z', '2026-01-01'],
  ])('the Shanghai date at %s is %s', (iso, date) => expect(localDateAt(new Date(iso))).toBe(date));

  it('puts a wall time on the right instant (UTC+8, no daylight saving)', () => {
    expect(localInstant('2026-07-01', '09:00').toISOString()).toBe('2026-07-01T01:00:00.000Z');
    expect(localInstant('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(() => localInstant('2026-01-01', '25:00')).toThrow();
  });

  it.each([
    ['2026-02', '2026-02-28'],
    ['2028-02', '2028-02-29'],
    ['2026-12', '2026-12-31'],
  ])('the last day of %s is %s', (p, d) => expect(periodEnd(p)).toBe(d));

  it('steps and lists months across years', () => {
    expect(addPeriods('2026-11', 3)).toBe('2027-02');
    expect(addPeriods('2026-01', -1)).toBe('2025-12');
    expect(periodsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodsBetween('2026-03', '2026-02')).toEqual([]);
  });
});
