import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHECKLIST_TEMPLATES as T,
  closingAppearsOn,
  closingChecklist,
  monthlyItems,
  recurringPeriodsDue,
  startChecklist,
  validateChecklistTemplate,
} from './checklists.js';
import type { ChecklistTemplate } from './checklists.js';

const keysAndDue = (tasks: { templateKey: string; dueDate: string }[]) =>
  tasks.map((x) => [x.templateKey, x.dueDate]);

describe('the start checklist', () => {
  it('has every activity of 项目启动阶段, each due 3 weeks after the service start', () => {
    const tasks = startChecklist(T, '2026-03-01');
    expect(keysAndDue(tasks)).toEqual([
      ['start.form_team', '2026-03-22'],
      ['start.collect_information', '2026-03-22'],
      ['start.service_plan', '2026-03-22'],
      ['start.implementation_plan', '2026-03-22'],
      ['start.kickoff_meeting', '2026-03-22'],
      ['start.emergency_plan', '2026-03-22'],
      ['start.maintenance_plan', '2026-03-22'],
      ['start.service_continuity', '2026-03-22'],
    ]);
    expect(tasks.filter((x) => x.category === 'approval').map((x) => x.templateKey)).toEqual([
      'start.service_plan',
      'start.implementation_plan',
    ]);
    expect(tasks.every((x) => x.phase === 'start' && x.period === '')).toBe(true);
    expect(tasks[1]!.owner).toEqual({ kind: 'role', role: 'technical_lead' });
  });

  it('follows edited templates: order, offsets, inactive items, no owner role', () => {
    const edited: ChecklistTemplate[] = T.map((x) =>
      x.key === 'start.kickoff_meeting'
        ? { ...x, dueOffsetDays: 7, position: 1, ownerRole: null }
        : x.key === 'start.form_team'
          ? { ...x, active: false }
          : x,
    );
    const tasks = startChecklist(edited, '2026-03-01');
    expect(tasks[0]).toMatchObject({
      templateKey: 'start.kickoff_meeting',
      dueDate: '2026-03-08',
      owner: { kind: 'project_manager' },
    });
    expect(tasks.map((x) => x.templateKey)).not.toContain('start.form_team');
  });
});

describe('the closing checklist', () => {
  it('appears 2 weeks before the end date, its items due around the end', () => {
    expect(closingAppearsOn('2026-12-31')).toBe('2026-12-17');
    expect(keysAndDue(closingChecklist(T, '2026-12-31'))).toEqual([
      ['closing.collect_documents', '2026-12-24'],
      ['closing.annual_summary', '2026-12-24'],
      ['closing.annual_review_meeting', '2026-12-28'],
      ['closing.handover_work', '2026-12-31'],
      ['closing.renewal_decision', '2026-12-31'],
    ]);
  });
});

describe('the monthly items of implementation', () => {
  it('covers a month, due after its end (report on the 5th, meeting on the 10th)', () => {
    expect(monthlyItems(T, '2026-02').map((x) => [x.templateKey, x.period, x.dueDate])).toEqual([
      ['implementation.monthly_report', '2026-02', '2026-03-05'],
      ['implementation.operations_meeting', '2026-02', '2026-03-10'],
    ]);
    expect(monthlyItems(T, '2026-12')[0]!.dueDate).toBe('2027-01-05');
  });

  it.each<[string, string, string, string | null, string, string[]]>([
    ['first time, mid-service', '2026-01-01', '2026-12-31', null, '2026-05-20', ['2026-05']],
    ['first time, before the service starts', '2026-07-01', '2027-06-30', null, '2026-05-20', []],
    [
      'after a gap of months',
      '2026-01-01',
      '2026-12-31',
      '2026-02',
      '2026-05-01',
      ['2026-03', '2026-04', '2026-05'],
    ],
    ['up to date', '2026-01-01', '2026-12-31', '2026-05', '2026-05-31', []],
    ['never past the end month', '2026-01-01', '2026-06-30', '2026-05', '2026-09-01', ['2026-06']],
  ])('periods due: %s', (_n, start, end, through, today, out) => {
    expect(recurringPeriodsDue(start, end, through, today)).toEqual(out);
  });
});

describe('validateChecklistTemplate', () => {
  it('accepts the defaults', () => {
    for (const x of T) expect(validateChecklistTemplate(x)).toEqual([]);
  });
  it.each<[string, Partial<ChecklistTemplate>, string]>([
    ['a monthly start item', { phase: 'start', recurrence: 'monthly', dueOffsetDays: 21 }, 'recurrence'],
    [
      'a one-off implementation item',
      { phase: 'implementation', recurrence: 'once', dueOffsetDays: 5 },
      'recurrence',
    ],
    [
      'a start item due before the start',
      { phase: 'start', recurrence: 'once', dueOffsetDays: -1 },
      'dueOffsetDays',
    ],
    [
      'a closing item due before the checklist appears',
      { phase: 'closing', recurrence: 'once', dueOffsetDays: -15 },
      'dueOffsetDays',
    ],
    [
      'a monthly item due in 4 weeks',
      { phase: 'implementation', recurrence: 'monthly', dueOffsetDays: 28 },
      'dueOffsetDays',
    ],
    ['a fractional offset', { phase: 'start', recurrence: 'once', dueOffsetDays: 1.5 }, 'dueOffsetDays'],
    [
      'a customer as owner',
      { phase: 'start', recurrence: 'once', dueOffsetDays: 21, ownerRole: 'customer_approver' },
      'ownerRole',
    ],
  ])('refuses %s', (_n, over, field) => {
    const base = T[0]!;
    expect(validateChecklistTemplate({ ...base, ...over }).map((p) => p.field)).toEqual([field]);
  });
});
