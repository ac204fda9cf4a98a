import type { LocalDate } from './dates.js';
import { addDays, isLocalDate, isTimeOfDay, localInstant } from './dates.js';

/**
 * The duty roster (值班表). A shift is stored as two instants (who is on duty from when until when),
 * so "who is on duty at this instant" is one indexed range test and a swap changes one row. Weekly
 * habits (day/night, 7×24) are written as a rotation that `expandRotation` turns into shifts, in
 * Asia/Shanghai wall time.
 */
export const MAX_SHIFT_HOURS = 7 * 24;
export const MAX_ROTATION_DAYS = 62;
export const MAX_ROTATION_SHIFTS = 2_000;

/** A shift of every day: `end` at or before `start` means the next morning (night shift, or 24 h). */
export interface ShiftPattern {
  label: string;
  start: string;
  end: string;
}

export interface RotationInput {
  /** First day, `'YYYY-MM-DD'`. */
  from: LocalDate;
  days: number;
  shifts: readonly ShiftPattern[];
  /** Who takes the shifts, in turn. */
  userIds: readonly string[];
}

export interface PlannedShift {
  userId: string;
  label: string;
  startsAt: Date;
  endsAt: Date;
}

export interface RotationProblem {
  field: string;
  rule: 'rule.invalidValue' | 'rule.rotationTooLong' | 'rule.required';
}

/** What is wrong with a rotation, by field. */
export function validateRotation(r: RotationInput): RotationProblem[] {
  const problems: RotationProblem[] = [];
  if (!isLocalDate(r.from)) problems.push({ field: 'from', rule: 'rule.invalidValue' });
  if (!Number.isInteger(r.days) || r.days < 1 || r.days > MAX_ROTATION_DAYS)
    problems.push({ field: 'days', rule: 'rule.rotationTooLong' });
  if (r.shifts.length === 0) problems.push({ field: 'shifts', rule: 'rule.required' });
  r.shifts.forEach((s, i) => {
    if (!isTimeOfDay(s.start)) problems.push({ field: `shifts.${i}.start`, rule: 'rule.invalidValue' });
    if (!isTimeOfDay(s.end)) problems.push({ field: `shifts.${i}.end`, rule: 'rule.invalidValue' });
  });
  if (r.userIds.length === 0) problems.push({ field: 'userIds', rule: 'rule.required' });
  if (Number.isInteger(r.days) && r.days * r.shifts.length > MAX_ROTATION_SHIFTS)
    problems.push({ field: 'days', rule: 'rule.rotationTooLong' });
  return problems;
}

/**
 * The shifts of a rotation, in time order: on day d, shift i goes to the next person in turn
 * (`userIds[(d × shifts + i) mod people]`), so duty moves round the team evenly.
 */
export function expandRotation(r: RotationInput): PlannedShift[] {
  const out: PlannedShift[] = [];
  for (let d = 0; d < r.days; d++) {
    const day = addDays(r.from, d);
    r.shifts.forEach((s, i) => {
      const startsAt = localInstant(day, s.start);
      const endsAt = localInstant(s.end > s.start ? day : addDays(day, 1), s.end);
      const userId = r.userIds[(d * r.shifts.length + i) % r.userIds.length]!;
      out.push({ userId, label: s.label, startsAt, endsAt });
    });
  }
  return out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Whether a shift's instants are usable: it ends after it starts, and lasts at most a week. */
export function shiftTimesValid(startsAt: Date, endsAt: Date): boolean {
  const ms = endsAt.getTime() - startsAt.getTime();
  return ms > 0 && ms <= MAX_SHIFT_HOURS * 3_600_000;
}

/** The shifts on duty at `at`: started at or before it, ending after it. */
export function onDutyAt<T extends { startsAt: Date; endsAt: Date }>(shifts: readonly T[], at: Date): T[] {
  return shifts.filter((s) => s.startsAt <= at && at < s.endsAt);
}
