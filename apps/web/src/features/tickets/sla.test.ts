import { describe, expect, it } from 'vitest';
import { clockBadge, listBadge, slaTone, splitMinutes } from './sla';

describe('SLA badge colour', () => {
  it.each([
    [0, 'green'],
    [49.9, 'green'],
    [50, 'amber'], // exactly half left is no longer "more than half"
    [79.9, 'amber'],
    [80, 'red'], // 20 % left
    [100, 'red'],
    [130, 'red'],
  ] as const)('%s %% used is %s', (used, tone) => {
    expect(slaTone(used)).toBe(tone);
  });

  it('is red once breached, whatever is left', () => {
    expect(slaTone(10, true)).toBe('red');
  });

  it('reads the clock state: breached red, met green, paused keeps its colour, not started grey', () => {
    expect(clockBadge({ state: 'breached', percentUsed: 120, remainingMinutes: -12 })).toEqual({
      tone: 'red',
      kind: 'breached',
      remainingMinutes: -12,
    });
    expect(clockBadge({ state: 'met', percentUsed: 90, remainingMinutes: 6 }).tone).toBe('green');
    expect(clockBadge({ state: 'paused', percentUsed: 60, remainingMinutes: 24 })).toEqual({
      tone: 'amber',
      kind: 'paused',
      remainingMinutes: 24,
    });
    expect(clockBadge({ state: 'running', percentUsed: 10, remainingMinutes: 54 }).tone).toBe('green');
    expect(clockBadge({ state: 'not_started', percentUsed: 0, remainingMinutes: 60 }).tone).toBe('grey');
  });
});

describe('list badge (estimated from creation to due)', () => {
  const created = '2026-05-01T08:00:00.000Z';
  const due = '2026-05-01T12:00:00.000Z'; // a 4-hour window
  const at = (iso: string) => Date.parse(iso);
  const row = {
    createdAt: created,
    slaDueAt: due,
    slaBreached: false,
    stateCategory: 'in_progress' as const,
  };

  it('is green early, amber past half, red in the last fifth and overdue', () => {
    expect(listBadge(row, at('2026-05-01T09:00:00.000Z'))).toEqual({
      tone: 'green',
      kind: 'running',
      remainingMinutes: 180,
    });
    expect(listBadge(row, at('2026-05-01T10:30:00.000Z'))?.tone).toBe('amber');
    expect(listBadge(row, at('2026-05-01T11:30:00.000Z'))?.tone).toBe('red');
    expect(listBadge(row, at('2026-05-01T12:30:00.000Z'))).toMatchObject({
      tone: 'red',
      remainingMinutes: -30,
    });
  });

  it('shows a breach, a pause, and nothing without a running clock', () => {
    expect(listBadge({ ...row, slaBreached: true }, at(created))?.kind).toBe('breached');
    expect(listBadge({ ...row, slaDueAt: null, stateCategory: 'pending' }, at(created))?.kind).toBe('paused');
    expect(listBadge({ ...row, slaDueAt: null, stateCategory: 'resolved' }, at(created))).toBeNull();
  });
});

describe('splitMinutes', () => {
  it('splits into days, hours and minutes', () => {
    expect(splitMinutes(0)).toEqual({ d: 0, h: 0, m: 0 });
    expect(splitMinutes(125)).toEqual({ d: 0, h: 2, m: 5 });
    expect(splitMinutes(1440 + 61)).toEqual({ d: 1, h: 1, m: 1 });
    expect(splitMinutes(-90)).toEqual({ d: 0, h: 1, m: 30 });
  });
});
