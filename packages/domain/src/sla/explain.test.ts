import { describe, expect, it } from 'vitest';
import { at } from '../calendar/testing.js';
import { explainClock } from './explain.js';
import { clock, cn5x8, pause, resume, start, stop } from './testing.js';

describe('explainClock details', () => {
  it('shows a change of pause reason as two paused intervals', () => {
    const c = clock(
      600,
      start('2026-01-05 09:00'),
      pause('2026-01-05 10:00', 'waiting_customer'),
      pause('2026-01-05 11:00', 'waiting_vendor'),
      resume('2026-01-05 14:00'),
    );
    expect(
      explainClock(c, cn5x8, at('2026-01-05 15:00')).intervals.map((i) => [
        i.kind,
        i.kind === 'paused' ? i.reason : '',
        i.minutes,
      ]),
    ).toEqual([
      ['working', '', 60],
      ['paused', 'waiting_customer', 60],
      ['paused', 'waiting_vendor', 180],
      ['working', '', 60],
    ]);
  });
  it('joins the working time around a pause of no length', () => {
    const c = clock(600, start('2026-01-05 09:00'), pause('2026-01-05 10:00'), resume('2026-01-05 10:00'));
    expect(explainClock(c, cn5x8, at('2026-01-05 11:00')).intervals).toEqual([
      { kind: 'working', start: at('2026-01-05 09:00'), end: at('2026-01-05 11:00'), minutes: 120 },
    ]);
  });
  it('is empty before the start, and ends at the stop', () => {
    const c = clock(600, start('2026-01-05 09:00'), stop('2026-01-05 09:45'));
    expect(explainClock(c, cn5x8, at('2026-01-05 08:00'))).toEqual({
      phase: 'not_started',
      from: null,
      to: null,
      elapsedMinutes: 0,
      intervals: [],
    });
    expect(explainClock(c, cn5x8, at('2026-01-06 08:00'))).toMatchObject({
      phase: 'stopped',
      to: at('2026-01-05 09:45'),
      elapsedMinutes: 45,
    });
  });
});
