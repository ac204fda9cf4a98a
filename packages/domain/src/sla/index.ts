export type { ClockEvent, ClockPhase, ClockState, ClockStatus, SlaClock } from './clock.js';
export { clockState, dueAt, elapsedBusinessMinutes } from './clock.js';
export * from './thresholds.js';
export * from './explain.js';
