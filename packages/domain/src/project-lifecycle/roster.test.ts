import { describe, expect, it } from 'vitest';
import { expandRotation, onDutyAt, shiftTimesValid, validateRotation } from './roster.js';

const dayNight = [
  { label: 'day', start: '08:00', end: '20:00' },
  { label: 'night', start: '20:00', end: '08:00' },
];

describe('expandRotation (Asia/Shanghai wall time)', () => {
  it('covers 7×24 with day and night shifts, turn by turn', () => {
    const shifts = expandRotation({
      from: '2026-06-01',
      days: 2,
      shifts: dayNight,
      userIds: ['a', 'b', 'c'],
    });
    expect(shifts.map((s) => [s.userId, s.label, s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
      ['a', 'day', '2026-06-01T00:00:00.000Z', '2026-06-01T12:00:00.000Z'],
      ['b', 'night', '2026-06-01T12:00:00.000Z', '2026-06-02T00:00:00.000Z'],
      ['c', 'day', '2026-06-02T00:00:00.000Z', '2026-06-02T12:00:00.000Z'],
      ['a', 'night', '2026-06-02T12:00:00.000Z', '2026-06-03T00:00:00.000Z'],
    ]);
  });

  it('treats an end at the start time as a 24-hour shift', () => {
    const [s] = expandRotation({
      from: '2026-06-01',
      days: 1,
      shifts: [{ label: '7x24', start: '09:00', end: '09:00' }],
      userIds: ['a'],
    });
    expect(s!.endsAt.getTime() - s!.startsAt.getTime()).toBe(24 * 3_600_000);
  });

  it.each<[string, Parameters<typeof validateRotation>[0], string[]]>([
    ['a good rotation', { from: '2026-06-01', days: 7, shifts: dayNight, userIds: ['a'] }, []],
    ['no people', { from: '2026-06-01', days: 7, shifts: dayNight, userIds: [] }, ['userIds']],
    ['no shifts', { from: '2026-06-01', days: 7, shifts: [], userIds: ['a'] }, ['shifts']],
    [
      'a bad time',
      { from: '2026-06-01', days: 7, shifts: [{ label: 'x', start: '8:00', end: '24:00' }], userIds: ['a'] },
      ['shifts.0.start', 'shifts.0.end'],
    ],
    ['too many days', { from: '2026-06-01', days: 63, shifts: dayNight, userIds: ['a'] }, ['days']],
    ['a bad date', { from: '2026-02-30', days: 1, shifts: dayNight, userIds: ['a'] }, ['from']],
  ])('validates %s', (_n, input, fields) => {
    expect(validateRotation(input).map((p) => p.field)).toEqual(fields);
  });
});

describe('who is on duty at an instant', () => {
  const shifts = expandRotation({ from: '2026-06-01', days: 1, shifts: dayNight, userIds: ['a', 'b'] });
  it.each([
    ['2026-06-01T00:00:00.000Z', ['a']],
    ['2026-06-01T11:59:59.999Z', ['a']],
    ['2026-06-01T12:00:00.000Z', ['b']],
    ['2026-06-02T00:00:00.000Z', []],
    ['2026-05-31T23:59:59.999Z', []],
  ])('at %s: %j', (iso, users) => {
    expect(onDutyAt(shifts, new Date(iso)).map((s) => s.userId)).toEqual(users);
  });

  it('checks shift times', () => {
    const t = new Date('2026-06-01T00:00:00Z');
    expect(shiftTimesValid(t, new Date(t.getTime() + 1))).toBe(true);
    expect(shiftTimesValid(t, t)).toBe(false);
    expect(shiftTimesValid(t, new Date(t.getTime() + 7 * 24 * 3_600_000 + 1))).toBe(false);
  });
});
