import type { CalendarDefinition } from '../calendar/calendar.js';
import type { Instant } from '../calendar/units.js';
import type { SlaClock } from './clock.js';
import { instantAtElapsed, replayClock } from './clock.js';

/** Escalation steps (升级) in percent of the target used, unless a project sets its own. */
export const DEFAULT_ESCALATION_THRESHOLDS: readonly number[] = Object.freeze([50, 80, 100]);

export interface ThresholdCrossing {
  /** Percent of the target. */
  threshold: number;
  at: Instant;
}

/**
 * Whole business minutes at which a threshold counts as crossed: the first whole minute at which
 * the percentage used is at least `threshold` (30 min × 50 % → 15; 25 min × 50 % → 13).
 */
export function thresholdMinutes(targetMinutes: number, threshold: number): number {
  if (!(threshold > 0) || !Number.isFinite(threshold))
    throw new RangeError(`a threshold is a positive percentage, got ${threshold}`);
  return Math.ceil((targetMinutes * threshold) / 100);
}

/** The thresholds (ascending) the clock has crossed by `now`; a crossed one stays crossed. */
export function crossedThresholds(
  clock: SlaClock,
  cal: CalendarDefinition,
  now: Instant,
  thresholds: readonly number[] = DEFAULT_ESCALATION_THRESHOLDS,
): number[] {
  const r = replayClock(clock, now);
  const end = r.end;
  if (end === null) return [];
  return [...thresholds]
    .sort((a, b) => a - b)
    .filter((p) => {
      const at = instantAtElapsed(r, cal, thresholdMinutes(clock.targetMinutes, p));
      return at !== null && at <= end;
    });
}

/**
 * The next escalation threshold the clock will cross after `now`, and when; null when it will not
 * cross one without a change to its log: paused, stopped, not started, or past every threshold.
 * The server keeps this instant in an indexed column, fetches only the rows due, and recomputes
 * after firing a step or on any event of the clock. Thresholds are percent of the target (above
 * 100 allowed, for steps after the breach); each crosses at a whole minute, see `thresholdMinutes`.
 * Unlike the sketch it takes `now`: "next" is relative to it, and a timer that fired must
 * not get the same threshold back.
 */
export function nextThresholdAt(
  clock: SlaClock,
  cal: CalendarDefinition,
  now: Instant,
  thresholds: readonly number[] = DEFAULT_ESCALATION_THRESHOLDS,
): ThresholdCrossing | null {
  const r = replayClock(clock, now);
  const end = r.end;
  if (r.phase !== 'running' || end === null) return null;
  for (const threshold of [...thresholds].sort((a, b) => a - b)) {
    const at = instantAtElapsed(r, cal, thresholdMinutes(clock.targetMinutes, threshold));
    if (at !== null && at > end) return { threshold, at };
  }
  return null;
}
