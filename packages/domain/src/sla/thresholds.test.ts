import { describe, expect, it } from 'vitest';
import { at, show } from '../calendar/testing.js';
import { crossedThresholds, nextThresholdAt, thresholdMinutes } from './thresholds.js';
import { clock, cn5x8, pause, start, stop } from './testing.js';

describe('escalation thresholds', () => {
  // 2 hours on 5×8 from Monday 11:00: 50 % at 12:00, 80 % (96 min) at 13:36, 100 % at 14:00.
  const c = clock(120, start('2026-01-05 11:00'));
  it.each([
    ['2026-01-05 11:00', 50, '2026-01-05 12:00'],
    ['2026-01-05 12:00', 80, '2026-01-05 13:36'],
    ['2026-01-05 12:30', 80, '2026-01-05 13:36'],
    ['2026-01-05 13:36:30', 100, '2026-01-05 14:00'],
    ['2026-01-05 14:00', null, null],
  ])('after %s the next is %s at %s', (now, threshold, when) => {
    const next = nextThresholdAt(c, cn5x8, at(now));
    expect(next && [next.threshold, show(next.at)]).toEqual(threshold === null ? null : [threshold, when]);
  });
  it('has none before the clock starts', () => {
    expect(nextThresholdAt(c, cn5x8, at('2026-01-05 10:00'))).toBeNull();
  });
  it('lists what is crossed, for a timer that fires late', () => {
    expect(crossedThresholds(c, cn5x8, at('2026-01-05 11:59'))).toEqual([]);
    expect(crossedThresholds(c, cn5x8, at('2026-01-05 13:50'))).toEqual([50, 80]);
    expect(crossedThresholds(c, cn5x8, at('2026-01-05 14:00'), [100, 50, 80])).toEqual([50, 80, 100]);
  });
  it('supports steps after the breach, and none while paused or stopped', () => {
    expect(show(nextThresholdAt(c, cn5x8, at('2026-01-05 14:00'), [50, 80, 100, 150])?.at ?? null)).toBe(
      '2026-01-05 15:00',
    );
    expect(
      nextThresholdAt(
        clock(120, start('2026-01-05 11:00'), pause('2026-01-05 11:10')),
        cn5x8,
        at('2026-01-05 11:20'),
      ),
    ).toBeNull();
    expect(
      nextThresholdAt(
        clock(120, start('2026-01-05 11:00'), stop('2026-01-05 11:10')),
        cn5x8,
        at('2026-01-05 11:20'),
      ),
    ).toBeNull();
  });
  it.each([
    [30, 50, 15],
    [25, 50, 13],
    [120, 80, 96],
    [7, 100, 7],
    [10, 150, 15],
  ])('%d minutes × %d %% → %d', (t, p, m) => {
    expect(thresholdMinutes(t, p)).toBe(m);
  });
});
