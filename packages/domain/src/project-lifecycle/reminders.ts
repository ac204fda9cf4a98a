import type { LocalDate } from './dates.js';
import { addDays, daysFrom, localDateAt, localInstant } from './dates.js';

/**
 * When a dated project task reminds its owner, in the in-app notification centre:
 *
 * - step 0, `due_soon`: 3 days before the due date;
 * - step 1, `due_today`: on the due date;
 * - step 2, `overdue`: the day after the due date;
 * - step 3, 4, …, `overdue` again every 7 days while the task stays open (a weekly nudge rather
 *   than a daily one, so an old task does not bury the bell).
 *
 * Each at 09:00 Asia/Shanghai. A task remembers its next unsent step; a sweep that finds several
 * steps passed (the task was created late, or the sweep did not run) sends only the latest.
 */
export const REMINDER_KINDS = ['due_soon', 'due_today', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_TIME = '09:00';
export const DUE_SOON_DAYS = 3;
export const OVERDUE_REPEAT_DAYS = 7;

/** The date of reminder `step` for a task due on `dueDate`. */
export function reminderDate(dueDate: LocalDate, step: number): LocalDate {
  if (!Number.isInteger(step) || step < 0) throw new Error(`bad reminder step ${step}`);
  if (step === 0) return addDays(dueDate, -DUE_SOON_DAYS);
  if (step === 1) return dueDate;
  return addDays(dueDate, 1 + (step - 2) * OVERDUE_REPEAT_DAYS);
}

/** The instant of reminder `step`: 09:00 Asia/Shanghai on its date. */
export function reminderAt(dueDate: LocalDate, step: number): Date {
  return localInstant(reminderDate(dueDate, step), REMINDER_TIME);
}

export function reminderKind(step: number): ReminderKind {
  return step === 0 ? 'due_soon' : step === 1 ? 'due_today' : 'overdue';
}

export interface DueReminder {
  step: number;
  kind: ReminderKind;
  /** Days past the due date on the reminder's date (0 before and on it). */
  daysOverdue: number;
  /** The step after this one and when it is due: what the task remembers next. */
  nextStep: number;
  nextAt: Date;
}

/**
 * The reminder to send at `now` for a task due on `dueDate` whose next unsent step is `nextStep`:
 * the latest step whose time has come (earlier ones are skipped), or null when none has.
 */
export function dueReminder(dueDate: LocalDate, nextStep: number, now: Date): DueReminder | null {
  if (reminderAt(dueDate, nextStep) > now) return null;
  let step = nextStep;
  // Jump over whole weeks of missed overdue nudges, then walk the last few.
  if (step >= 2) {
    const late = daysFrom(reminderDate(dueDate, step), localDateAt(now));
    step += Math.max(0, Math.floor(late / OVERDUE_REPEAT_DAYS) - 1);
  }
  while (reminderAt(dueDate, step + 1) <= now) step++;
  return {
    step,
    kind: reminderKind(step),
    daysOverdue: Math.max(0, daysFrom(dueDate, reminderDate(dueDate, step))),
    nextStep: step + 1,
    nextAt: reminderAt(dueDate, step + 1),
  };
}

/** Whether a task still to be done is past its due date on `today`. */
export function taskOverdue(dueDate: LocalDate, done: boolean, today: LocalDate): boolean {
  return !done && today > dueDate;
}
