export type { BusinessMinutes, CalendarMinutes, Instant } from './units.js';
export {
  MS_PER_DAY,
  MS_PER_MINUTE,
  businessMinutes,
  calendarMinutes,
  floorToMinute,
  instant,
} from './units.js';
export type { DayNumber, IsoWeekday } from './local-date.js';
export { ISO_WEEKDAYS, formatDate, parseDate, parseTimeOfDay, weekdayOf } from './local-date.js';
export type { LocalDateTime } from './time-zone.js';
export {
  DEFAULT_TIME_ZONE,
  instantToLocal,
  isValidTimeZone,
  localToInstant,
  zoneOffsetMs,
} from './time-zone.js';
export type {
  CalendarDefinition,
  CalendarProblem,
  CalendarProblemCode,
  MakeupWorkday,
  TimeRange,
} from './calendar.js';
export { CALENDAR_7X24, HOURS_5X8, calendar5x8, calendar7x24, validateCalendar } from './calendar.js';
export type { WorkingInterval } from './working-time.js';
export {
  addBusinessMinutes,
  businessMinutesBetween,
  isWorkingTime,
  nextWorkingMoment,
  workingIntervals,
} from './working-time.js';
export * from './holidays.js';
