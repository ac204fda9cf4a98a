import { describe, expect, it } from 'vitest';
import { formatDate, parseDate, parseTimeOfDay, weekdayOf } from './local-date.js';
import { instantToLocal, isValidTimeZone, localToInstant, zoneOffsetMs } from './time-zone.js';
import type { Instant } from './units.js';

const utc = (iso: string) => Date.parse(iso) as Instant;

describe('zoneOffsetMs', () => {
  it.each([
    ['Asia/Shanghai', '2026-01-15T00:00:00Z', 480],
    ['Asia/Shanghai', '2026-07-15T00:00:00Z', 480],
    ['Europe/Berlin', '2026-03-29T00:59:59Z', 60], // last second of CET
    ['Europe/Berlin', '2026-03-29T01:00:00Z', 120], // CEST from 01:00 UTC
    ['Europe/Berlin', '2026-10-25T00:59:59Z', 120],
    ['Europe/Berlin', '2026-10-25T01:00:00Z', 60],
    ['Asia/Kolkata', '2026-01-15T00:00:00Z', 330],
    ['America/New_York', '2026-07-01T12:00:00Z', -240],
    ['UTC', '2026-07-01T12:00:00Z', 0],
  ])('%s at %s → %d min', (tz, iso, minutes) => {
    expect(zoneOffsetMs(tz, utc(iso))).toBe(minutes * 60_000);
  });
});

describe('localToInstant', () => {
  it.each([
    ['Asia/Shanghai', '2026-10-01', '00:00', '2026-09-30T16:00:00Z'],
    ['Asia/Shanghai', '2026-01-12', '09:00', '2026-01-12T01:00:00Z'],
    ['Asia/Shanghai', '2026-01-12', '24:00', '2026-01-12T16:00:00Z'],
    ['Europe/Berlin', '2026-03-29', '01:59', '2026-03-29T00:59:00Z'],
    // 02:00–03:00 does not exist that night: the first instant showing ≥ 02:30 is 03:00 CEST
    ['Europe/Berlin', '2026-03-29', '02:00', '2026-03-29T01:00:00Z'],
    ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:00:00Z'],
    ['Europe/Berlin', '2026-03-29', '03:00', '2026-03-29T01:00:00Z'],
    ['Europe/Berlin', '2026-03-29', '03:01', '2026-03-29T01:01:00Z'],
    // 02:00–03:00 happens twice: the first occurrence (CEST)
    ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T00:30:00Z'],
    ['Europe/Berlin', '2026-10-25', '03:00', '2026-10-25T02:00:00Z'],
    ['Europe/Berlin', '2026-10-25', '24:00', '2026-10-25T23:00:00Z'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:00:00Z'],
    // Lord Howe moves by half an hour: 02:00 → 02:30
    ['Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-03T15:30:00Z'],
  ])('%s %s %s → %s', (tz, date, time, iso) => {
    expect(new Date(localToInstant(tz, date, time)).toISOString()).toBe(new Date(iso).toISOString());
  });
  it('throws on malformed input', () => {
    expect(() => localToInstant('Asia/Shanghai', '2026-02-30', '09:00')).toThrow(RangeError);
    expect(() => localToInstant('Asia/Shanghai', '2026-02-01', '24:01')).toThrow(RangeError);
  });
});

describe('instantToLocal', () => {
  it.each([
    [
      'Asia/Shanghai',
      '2026-09-30T16:00:00Z',
      { date: '2026-10-01', time: '00:00', weekday: 4, offsetMinutes: 480 },
    ],
    [
      'Asia/Shanghai',
      '2026-09-30T15:59:59.999Z',
      { date: '2026-09-30', time: '23:59', weekday: 3, offsetMinutes: 480 },
    ],
    [
      'Europe/Berlin',
      '2026-10-25T00:30:00Z',
      { date: '2026-10-25', time: '02:30', weekday: 7, offsetMinutes: 120 },
    ],
    [
      'Europe/Berlin',
      '2026-10-25T01:30:00Z',
      { date: '2026-10-25', time: '02:30', weekday: 7, offsetMinutes: 60 },
    ],
    [
      'America/New_York',
      '2026-01-01T03:00:00Z',
      { date: '2025-12-31', time: '22:00', weekday: 3, offsetMinutes: -300 },
    ],
  ])('%s %s', (tz, iso, local) => {
    expect(instantToLocal(tz, utc(iso))).toEqual(local);
  });
  it('round-trips every quarter hour of a DST week in Berlin, except the skipped hour', () => {
    for (let t = utc('2026-03-26T00:00:00Z'); t < utc('2026-04-02T00:00:00Z'); t = (t + 900_000) as Instant) {
      const l = instantToLocal('Europe/Berlin', t);
      const back = localToInstant('Europe/Berlin', l.date, l.time);
      // the second 02:xx of an overlap would map to the first; March has a gap, not an overlap
      expect(back).toBe(t);
    }
  });
});

describe('local dates', () => {
  it.each([
    ['1970-01-01', 0, 4],
    ['2026-10-01', 20_727, 4],
    ['2026-09-20', 20_716, 7],
    ['2026-10-10', 20_736, 6],
    ['2024-02-29', 19_782, 4],
  ])('%s is day %d, ISO weekday %d', (date, day, weekday) => {
    expect(parseDate(date)).toBe(day);
    expect(formatDate(day)).toBe(date);
    expect(weekdayOf(day)).toBe(weekday);
  });
  it.each(['2026-02-29', '2026-13-01', '2026-1-01', '26-01-01', '2026-01-00', ''])(
    '%s is not a date',
    (d) => {
      expect(parseDate(d)).toBeNull();
    },
  );
  it.each([
    ['00:00', 0],
    ['09:30', 570],
    ['24:00', 1440],
    ['24:01', null],
    ['12:60', null],
    ['9:00', null],
  ])('time %s → %s', (s, m) => {
    expect(parseTimeOfDay(s)).toBe(m);
  });
  it('knows time zones', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
