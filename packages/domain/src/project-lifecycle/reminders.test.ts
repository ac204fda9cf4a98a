import { describe, expect, it } from 'vitest';
import { dueReminder, reminderAt, reminderDate, taskOverdue } from './reminders.js';

const at = (iso: string) => new Date(iso);
const due = '2026-06-10';

describe('the reminder schedule of a task due on 2026-06-10', () => {
  it.each([
    [0, '2026-06-07'],
    [1, '2026-06-10'],
    [2, '2026-06-11'],
    [3, '2026-06-18'],
    [4, '2026-06-25'],
  ])('step %i on %s at 09:00 Shanghai', (step, date) => {
    expect(reminderDate(due, step)).toBe(date);
    expect(reminderAt(due, step).toISOString()).toBe(`${date}T01:00:00.000Z`);
  });

  it.each<
    [string, number, string, { step: number; kind: string; daysOverdue: number; nextStep: number } | null]
  >([
    ['before the first reminder', 0, '2026-06-07T00:59:59.999Z', null],
    [
      '3 days before, 09:00',
      0,
      '2026-06-07T01:00:00.000Z',
      { step: 0, kind: 'due_soon', daysOverdue: 0, nextStep: 1 },
    ],
    ['2 days before, the due-soon one sent', 1, '2026-06-08T05:00:00.000Z', null],
    [
      'on the due date',
      1,
      '2026-06-10T02:00:00.000Z',
      { step: 1, kind: 'due_today', daysOverdue: 0, nextStep: 2 },
    ],
    [
      'the day after',
      2,
      '2026-06-11T01:00:00.000Z',
      { step: 2, kind: 'overdue', daysOverdue: 1, nextStep: 3 },
    ],
    [
      'a week later',
      3,
      '2026-06-18T03:00:00.000Z',
      { step: 3, kind: 'overdue', daysOverdue: 8, nextStep: 4 },
    ],
    [
      'created on the due date: due-soon is skipped',
      0,
      '2026-06-10T04:00:00.000Z',
      { step: 1, kind: 'due_today', daysOverdue: 0, nextStep: 2 },
    ],
    [
      'created long after: only the latest overdue nudge',
      0,
      '2026-07-01T02:00:00.000Z',
      { step: 4, kind: 'overdue', daysOverdue: 15, nextStep: 5 },
    ],
    [
      'a sweep that missed weeks',
      3,
      '2026-08-20T00:00:00.000Z',
      { step: 11, kind: 'overdue', daysOverdue: 64, nextStep: 12 },
    ],
  ])('%s', (_n, nextStep, now, expected) => {
    const r = dueReminder(due, nextStep, at(now));
    if (expected === null) expect(r).toBeNull();
    else {
      expect(r).toMatchObject(expected);
      expect(r!.nextAt).toEqual(reminderAt(due, expected.nextStep));
      expect(r!.nextAt > at(now)).toBe(true);
      expect(reminderAt(due, r!.step) <= at(now)).toBe(true);
    }
  });

  it('sends each step once over a month when swept every hour', () => {
    let next = 0;
    const sent: number[] = [];
    for (
      let t = at('2026-06-01T00:00:00Z').getTime();
      t < at('2026-07-01T00:00:00Z').getTime();
      t += 3_600_000
    ) {
      const r = dueReminder(due, next, new Date(t));
      if (r) {
        sent.push(r.step);
        next = r.nextStep;
      }
    }
    expect(sent).toEqual([0, 1, 2, 3, 4]); // 06-07, 06-10, 06-11, 06-18, 06-25
  });

  it('flags a task overdue from the day after its due date, until done', () => {
    expect(taskOverdue(due, false, '2026-06-10')).toBe(false);
    expect(taskOverdue(due, false, '2026-06-11')).toBe(true);
    expect(taskOverdue(due, true, '2026-06-11')).toBe(false);
  });
});
