import { describe, expect, it } from 'vitest';
import { CALENDAR_7X24 } from '../calendar/calendar.js';
import { at, show } from '../calendar/testing.js';
import type { ClockEvent } from './clock.js';
import { clockState, dueAt, elapsedBusinessMinutes } from './clock.js';
import { explainClock } from './explain.js';
import { clock, cn5x8, pause, resume, start, stop } from './testing.js';

describe('pause and resume across a weekend (5×8, 8-hour resolution target)', () => {
  // Friday 9 Jan 2026 14:00 raised; waiting on the customer from 16:00 until Monday 11:00.
  const c = clock(480, start('2026-01-09 14:00'), pause('2026-01-09 16:00'), resume('2026-01-12 11:00'));
  const unpaused = clock(480, start('2026-01-09 14:00'));

  it('moves the due time later by exactly the paused working time (Fri 16–18 + Mon 9–11)', () => {
    expect(show(dueAt(unpaused, cn5x8))).toBe('2026-01-12 14:00');
    expect(show(dueAt(c, cn5x8))).toBe('2026-01-12 18:00');
  });
  it('is running on Monday afternoon, 300 of 480 minutes used', () => {
    expect(clockState(c, cn5x8, at('2026-01-12 15:00'))).toEqual({
      state: 'running',
      phase: 'running',
      elapsedMinutes: 300,
      targetMinutes: 480,
      remainingMinutes: 180,
      percentUsed: 62.5,
      dueAt: at('2026-01-12 18:00'),
      pauseReason: null,
      stoppedAt: null,
    });
  });
  it('has no due time while paused, and uses nothing', () => {
    const s = clockState(c, cn5x8, at('2026-01-12 10:00'));
    expect(s).toMatchObject({
      state: 'paused',
      elapsedMinutes: 120,
      dueAt: null,
      pauseReason: 'waiting_customer',
    });
    expect(elapsedBusinessMinutes(c, cn5x8, at('2026-01-09 17:59'))).toBe(120);
  });
  it('explains every interval, the working ones summing to the elapsed minutes', () => {
    const e = explainClock(c, cn5x8, at('2026-01-12 15:00'));
    expect(
      e.intervals.map((i) => [
        i.kind,
        show(i.start),
        show(i.end),
        i.minutes,
        i.kind === 'paused' ? i.workingMinutes : null,
      ]),
    ).toEqual([
      ['working', '2026-01-09 14:00', '2026-01-09 16:00', 120, null],
      ['paused', '2026-01-09 16:00', '2026-01-12 11:00', 67 * 60, 240],
      ['working', '2026-01-12 11:00', '2026-01-12 12:00', 60, null],
      ['non_working', '2026-01-12 12:00', '2026-01-12 13:00', 60, null],
      ['working', '2026-01-12 13:00', '2026-01-12 15:00', 120, null],
    ]);
    expect(e).toMatchObject({
      phase: 'running',
      elapsedMinutes: 300,
      from: at('2026-01-09 14:00'),
      to: at('2026-01-12 15:00'),
    });
  });
  it('a pause that lies wholly outside working time changes nothing', () => {
    const weekendPause = clock(
      480,
      start('2026-01-09 14:00'),
      pause('2026-01-10 10:00'),
      resume('2026-01-11 20:00'),
    );
    expect(dueAt(weekendPause, cn5x8)).toBe(dueAt(unpaused, cn5x8));
    expect(
      explainClock(weekendPause, cn5x8, at('2026-01-12 09:30')).intervals.map((i) => [
        i.kind,
        show(i.start),
        show(i.end),
        i.minutes,
      ]),
    ).toEqual([
      ['working', '2026-01-09 14:00', '2026-01-09 18:00', 240],
      ['non_working', '2026-01-09 18:00', '2026-01-10 10:00', 16 * 60],
      ['paused', '2026-01-10 10:00', '2026-01-11 20:00', 34 * 60],
      ['non_working', '2026-01-11 20:00', '2026-01-12 09:00', 13 * 60],
      ['working', '2026-01-12 09:00', '2026-01-12 09:30', 30],
    ]);
  });
});

describe('the 国庆 golden week (5×8 China 2026)', () => {
  it('a 4-hour target raised Wednesday 30 Sep 16:00 is due Thursday 8 Oct 11:00', () => {
    expect(show(dueAt(clock(240, start('2026-09-30 16:00')), cn5x8))).toBe('2026-10-08 11:00');
  });
  it('paused over the holidays, it loses no time and resumes on the make-up Saturday', () => {
    const c = clock(240, start('2026-09-30 16:00'), pause('2026-09-30 17:00'), resume('2026-10-10 09:00'));
    expect(show(dueAt(c, cn5x8))).toBe('2026-10-10 12:00');
    expect(clockState(c, cn5x8, at('2026-10-08 10:00'))).toMatchObject({
      state: 'paused',
      elapsedMinutes: 60,
    });
  });
});

describe('overnight 7×24', () => {
  it('runs through the night and pauses in it', () => {
    const c = clock(
      240,
      start('2026-01-05 22:00'),
      pause('2026-01-05 23:30', 'waiting_vendor'),
      resume('2026-01-06 00:30'),
    );
    expect(show(dueAt(c, CALENDAR_7X24))).toBe('2026-01-06 03:00');
    expect(
      explainClock(c, CALENDAR_7X24, at('2026-01-06 01:00')).intervals.map((i) => [
        i.kind,
        show(i.start),
        show(i.end),
        i.minutes,
      ]),
    ).toEqual([
      ['working', '2026-01-05 22:00', '2026-01-05 23:30', 90],
      ['paused', '2026-01-05 23:30', '2026-01-06 00:30', 60],
      ['working', '2026-01-06 00:30', '2026-01-06 01:00', 30],
    ]);
  });
});

describe('met and breached', () => {
  const c = (...tail: ClockEvent[]) => clock(30, start('2026-01-05 10:00:59'), ...tail);
  it('runs on whole minutes: started 10:00:59, due 10:30', () => {
    expect(show(dueAt(c(), CALENDAR_7X24))).toBe('2026-01-05 10:30');
  });
  it.each([
    ['2026-01-05 10:20', 'met', 20],
    ['2026-01-05 10:30:40', 'met', 30],
    ['2026-01-05 10:31', 'breached', 31],
  ])('stopped at %s → %s', (t, state, elapsed) => {
    const s = clockState(c(stop(t)), CALENDAR_7X24, at('2026-01-06 00:00'));
    expect(s).toMatchObject({
      state,
      phase: 'stopped',
      elapsedMinutes: elapsed,
      stoppedAt: at(t.slice(0, 16)),
    });
  });
  it.each([
    ['2026-01-05 10:00', 'running', 0],
    ['2026-01-05 10:30:59', 'running', 100],
    ['2026-01-05 10:31', 'breached', (31 * 100) / 30],
    ['2026-01-05 09:00', 'not_started', 0],
  ])('running at %s → %s (%d %%)', (t, state, percent) => {
    expect(clockState(c(), CALENDAR_7X24, at(t))).toMatchObject({ state, percentUsed: percent });
  });
  it('stays breached while paused, and reports how far over', () => {
    const s = clockState(c(pause('2026-01-05 10:45')), CALENDAR_7X24, at('2026-01-05 12:00'));
    expect(s).toMatchObject({
      state: 'breached',
      phase: 'paused',
      remainingMinutes: -15,
      dueAt: at('2026-01-05 10:30'),
    });
  });
  it('keeps the due time it had once stopped', () => {
    expect(clockState(c(stop('2026-01-05 10:10')), CALENDAR_7X24, at('2026-01-05 12:00')).dueAt).toBe(
      at('2026-01-05 10:30'),
    );
  });
  it('ignores events after now', () => {
    expect(clockState(c(stop('2026-01-05 10:20')), CALENDAR_7X24, at('2026-01-05 10:10'))).toMatchObject({
      state: 'running',
      elapsedMinutes: 10,
    });
  });
});

describe('malformed clocks are programming errors', () => {
  it.each([
    ['target 0', clock(0, start('2026-01-05 09:00'))],
    ['fractional target', clock(1.5, start('2026-01-05 09:00'))],
    ['resume while running', clock(60, start('2026-01-05 09:00'), resume('2026-01-05 10:00'))],
    ['pause before start', clock(60, pause('2026-01-05 09:00'))],
    ['two starts', clock(60, start('2026-01-05 09:00'), start('2026-01-05 10:00'))],
    [
      'after stop',
      clock(60, start('2026-01-05 09:00'), stop('2026-01-05 10:00'), resume('2026-01-05 11:00')),
    ],
    ['out of order', clock(60, start('2026-01-05 09:00'), pause('2026-01-05 08:00'))],
  ])('%s', (_name, c) => {
    expect(() => clockState(c, cn5x8, at('2026-01-06 00:00'))).toThrow(RangeError);
  });
  it('an empty log has not started', () => {
    expect(clockState(clock(60), cn5x8, at('2026-01-06 00:00'))).toMatchObject({
      state: 'not_started',
      dueAt: null,
    });
    expect(dueAt(clock(60), cn5x8)).toBeNull();
  });
});
