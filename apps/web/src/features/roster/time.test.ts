import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import {
  addDays,
  dayStart,
  monthGridStart,
  overlapsDay,
  pickerToInstant,
  shanghaiToday,
  shiftTimes,
  weekStart,
} from './time';

describe('roster time (Asia/Shanghai, UTC+8)', () => {
  it('knows the Shanghai date whatever the browser zone', () => {
    expect(shanghaiToday(Date.parse('2026-05-31T16:30:00Z'))).toBe('2026-06-01');
    expect(shanghaiToday(Date.parse('2026-05-31T15:59:00Z'))).toBe('2026-05-31');
  });
  it('lays weeks from Monday and months as a 6-week grid', () => {
    expect(weekStart('2026-06-03')).toBe('2026-06-01');
    expect(weekStart('2026-06-07')).toBe('2026-06-01');
    expect(monthGridStart('2026-07-15')).toBe('2026-06-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
  it('puts a night shift on both days it touches, with the other day named', () => {
    const night = { startsAt: '2026-06-01T12:00:00.000Z', endsAt: '2026-06-02T00:00:00.000Z' };
    expect(overlapsDay(night, '2026-06-01')).toBe(true);
    expect(overlapsDay(night, '2026-06-02')).toBe(true);
    expect(overlapsDay(night, '2026-06-03')).toBe(false);
    expect(shiftTimes(night, '2026-06-01')).toBe('20:00–06-02 08:00');
    expect(dayStart('2026-06-02')).toBe('2026-06-02T00:00:00+08:00');
  });
  it('reads what a picker shows as Shanghai wall time', () => {
    expect(pickerToInstant(dayjs('2026-06-01T08:00'))).toBe('2026-06-01T08:00:00+08:00');
    expect(pickerToInstant(null)).toBeUndefined();
  });
});
