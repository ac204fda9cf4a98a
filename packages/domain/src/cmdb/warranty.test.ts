import { describe, expect, it } from 'vitest';
import { chinaDay, daysBetween, shiftDay, warrantyBucket } from './warranty.js';

describe('warrantyBucket', () => {
  it.each<[string, string | null, 30 | 60 | 90 | null]>([
    ['2026-03-01', null, null],
    ['2026-03-01', '2026-02-28', null], // ended yesterday
    ['2026-03-01', '2026-03-01', 30], // last day today
    ['2026-03-01', '2026-03-31', 30], // 30 days
    ['2026-03-01', '2026-04-01', 60], // 31 days
    ['2026-03-01', '2026-04-30', 60], // 60 days
    ['2026-03-01', '2026-05-01', 90], // 61 days
    ['2026-03-01', '2026-05-30', 90], // 90 days
    ['2026-03-01', '2026-05-31', null], // 91 days
    ['2024-02-28', '2024-03-29', 30], // leap year: 30 days
  ])('today %s, ends %s → %s', (today, end, bucket) => {
    expect(warrantyBucket(today, end)).toBe(bucket);
  });
});

describe('day arithmetic', () => {
  it('counts and shifts calendar days', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDay('2024-03-01', -1)).toBe('2024-02-29');
  });
  it('takes the day in China (UTC+8)', () => {
    expect(chinaDay(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(chinaDay(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
});
