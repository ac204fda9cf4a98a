// Property tests of SLA clocks over random logs, with a seeded PRNG (the seed is in every message).
import { describe, expect, it } from 'vitest';
import type { CalendarDefinition } from '../calendar/calendar.js';
import { calendar5x8, calendar7x24 } from '../calendar/calendar.js';
import { calendarWithHolidays } from '../calendar/holidays.js';
import { CHINA_2026, prng } from '../calendar/testing.js';
import type { BusinessMinutes, Instant } from '../calendar/units.js';
import { businessMinutesBetween, isWorkingTime } from '../calendar/working-time.js';
import type { ClockEvent, SlaClock } from './clock.js';
import { clockState, dueAt, elapsedBusinessMinutes } from './clock.js';
import { explainClock } from './explain.js';
import { nextThresholdAt, thresholdMinutes } from './thresholds.js';

const CALENDARS: [string, CalendarDefinition][] = [
  ['5×8 China 2026', calendarWithHolidays(calendar5x8(), [CHINA_2026])],
  ['7×24', calendar7x24()],
  ['5×8 Berlin', calendar5x8('Europe/Berlin')],
];
const RUNS = 200;
const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 1);
const T1 = Date.UTC(2026, 11, 1);

/** A random log: start, then pauses (some changing reason) and resumes, maybe a stop; any millisecond. */
function randomClock(seed: number): { clock: SlaClock; now: Instant } {
  const r = prng(seed);
  let t = T0 + Math.floor(r.next() * (T1 - T0));
  const events: ClockEvent[] = [{ type: 'start', at: t as Instant }];
  let paused = false;
  for (let i = r.int(0, 6); i > 0; i--) {
    t += r.int(0, 3 * 86_400_000);
    if (paused && r.next() < 0.7) events.push({ type: 'resume', at: t as Instant });
    else
      events.push({
        type: 'pause',
        at: t as Instant,
        reason: r.pick(['waiting_customer', 'waiting_vendor']),
      });
    paused = events[events.length - 1]?.type === 'pause';
  }
  if (r.next() < 0.3) events.push({ type: 'stop', at: (t += r.int(0, 86_400_000)) as Instant });
  const now = (t + r.int(0, 5 * 86_400_000)) as Instant;
  return { clock: { targetMinutes: r.int(1, 5_000) as BusinessMinutes, events }, now };
}

describe.each(CALENDARS)('SLA clock properties: %s', (_name, cal) => {
  it('explain intervals are contiguous, and the working ones sum exactly to the elapsed minutes', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const { clock, now } = randomClock(seed);
      const e = explainClock(clock, cal, now);
      let cursor = e.from;
      let working = 0;
      let wall = 0;
      for (const i of e.intervals) {
        expect(i.start === cursor && i.end > i.start && Number.isInteger(i.minutes), `seed ${seed}`).toBe(
          true,
        );
        expect(i.minutes, `seed ${seed}`).toBe(
          i.kind === 'working' ? businessMinutesBetween(cal, i.start, i.end) : (i.end - i.start) / MIN,
        );
        if (i.kind === 'working') working += i.minutes;
        wall += (i.end - i.start) / MIN;
        cursor = i.end;
      }
      expect(cursor, `seed ${seed}`).toBe(e.to);
      expect(wall, `seed ${seed}`).toBe(e.from === null || e.to === null ? 0 : (e.to - e.from) / MIN);
      expect(working, `seed ${seed}`).toBe(e.elapsedMinutes);
      expect(elapsedBusinessMinutes(clock, cal, now), `seed ${seed}`).toBe(e.elapsedMinutes);
    }
  });

  it('the clock never accrues outside working time: working intervals are working, the rest is not', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const { clock, now } = randomClock(seed);
      const e = explainClock(clock, cal, now);
      for (const i of e.intervals) {
        if (i.kind === 'working')
          expect(
            isWorkingTime(cal, i.start) && isWorkingTime(cal, (i.end - 1) as Instant),
            `seed ${seed}`,
          ).toBe(true);
        if (i.kind === 'non_working')
          expect(businessMinutesBetween(cal, i.start, i.end), `seed ${seed}`).toBe(0);
      }
      // used = working time since the start − working time held back by pauses
      const held = e.intervals.reduce((s, i) => s + (i.kind === 'paused' ? i.workingMinutes : 0), 0);
      if (e.from !== null && e.to !== null)
        expect(e.elapsedMinutes, `seed ${seed}`).toBe(businessMinutesBetween(cal, e.from, e.to) - held);
    }
  });

  it('a pause never makes the due time earlier, and moves it by exactly the paused working time', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const r = prng(seed);
      const start = (T0 + r.int(0, (T1 - T0) / MIN) * MIN) as Instant;
      const p = (start + r.int(0, 10 * 1440) * MIN) as Instant;
      const q = (p + r.int(0, 5 * 1440) * MIN) as Instant;
      const targetMinutes = r.int(1, 5_000) as BusinessMinutes;
      const plain = dueAt({ targetMinutes, events: [{ type: 'start', at: start }] }, cal);
      const withPause = dueAt(
        {
          targetMinutes,
          events: [
            { type: 'start', at: start },
            { type: 'pause', at: p, reason: 'x' },
            { type: 'resume', at: q },
          ],
        },
        cal,
      );
      if (plain === null || withPause === null) throw new Error('a running clock has a due time');
      expect(withPause >= plain, `seed ${seed}`).toBe(true);
      if (p < plain)
        expect(businessMinutesBetween(cal, plain, withPause), `seed ${seed}`).toBe(
          businessMinutesBetween(cal, p, q),
        );
      else expect(withPause, `seed ${seed}`).toBe(plain);
    }
  });

  it('elapsed never decreases with now, and a running clock is breached exactly after its due time', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const { clock, now } = randomClock(seed);
      const later = (now + prng(seed).int(0, 3 * 86_400_000)) as Instant;
      expect(
        elapsedBusinessMinutes(clock, cal, later) >= elapsedBusinessMinutes(clock, cal, now),
        `seed ${seed}`,
      ).toBe(true);
      const s = clockState(clock, cal, now);
      if (s.phase === 'running' && s.dueAt !== null) {
        expect(s.state === 'breached', `seed ${seed}`).toBe(Math.floor(now / MIN) * MIN > s.dueAt);
      }
    }
  });

  it('the next threshold is crossed exactly at its instant, not a minute before', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const { clock, now } = randomClock(seed);
      const next = nextThresholdAt(clock, cal, now, [25, 50, 80, 100, 120]);
      if (next === null) continue;
      const need = thresholdMinutes(clock.targetMinutes, next.threshold);
      expect(next.at > now, `seed ${seed}`).toBe(true);
      expect(clockState(clock, cal, next.at).percentUsed >= next.threshold, `seed ${seed}`).toBe(true);
      expect(elapsedBusinessMinutes(clock, cal, next.at), `seed ${seed}`).toBe(need);
      expect(elapsedBusinessMinutes(clock, cal, (next.at - MIN) as Instant) < need, `seed ${seed}`).toBe(
        true,
      );
    }
  });
});
