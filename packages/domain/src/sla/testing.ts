// Test support for SLA clock tests: short builders of clock logs on Shanghai local times.
import { calendar5x8 } from '../calendar/calendar.js';
import { calendarWithHolidays } from '../calendar/holidays.js';
import { CHINA_2026, at } from '../calendar/testing.js';
import type { BusinessMinutes } from '../calendar/units.js';
import type { ClockEvent, SlaClock } from './clock.js';

export const cn5x8 = calendarWithHolidays(calendar5x8(), [CHINA_2026]);
export const start = (t: string): ClockEvent => ({ type: 'start', at: at(t) });
export const pause = (t: string, reason = 'waiting_customer'): ClockEvent => ({
  type: 'pause',
  at: at(t),
  reason,
});
export const resume = (t: string): ClockEvent => ({ type: 'resume', at: at(t) });
export const stop = (t: string): ClockEvent => ({ type: 'stop', at: at(t) });
export const clock = (minutes: number, ...events: ClockEvent[]): SlaClock => ({
  targetMinutes: minutes as BusinessMinutes,
  events,
});
