import { describe, expect, it } from 'vitest';
import type { PlanCiFacts, PlanCiSelection, InspectionPlan, PlanProblem } from './plan.js';
import { ciInPlan, validatePlan } from './plan.js';
import { TEMPLATE, item } from './testing.js';
import type { InspectionTemplate } from './template.js';

const PRINTERS: InspectionTemplate = {
  ...TEMPLATE,
  id: 'tpl-prn',
  items: [item('test_page', { type: 'boolean', normal: true }, { ciTypeKey: 'printer' })],
};
const OVERLAP: InspectionTemplate = {
  ...TEMPLATE,
  id: 'tpl-sw',
  items: [item('ports', { type: 'boolean', normal: true }, { ciTypeKey: 'switch' })],
};
const TEMPLATES = [TEMPLATE, PRINTERS, OVERLAP];

const PLAN: InspectionPlan = {
  templateIds: ['tpl-1', 'tpl-prn'],
  selection: { mode: 'filter', filter: { ciTypeKeys: ['switch'], siteIds: ['site-x'] } },
  schedule: { kind: 'monthly', day: 5 },
  assigneeId: null,
  teamId: 'team-net',
  dueDays: 5,
};

describe('validatePlan', () => {
  it('accepts a usable plan', () => {
    expect(validatePlan(PLAN, TEMPLATES)).toEqual([]);
    expect(
      validatePlan(
        { ...PLAN, selection: { mode: 'explicit', ciIds: ['a', 'b'] }, assigneeId: 'u', teamId: null },
        TEMPLATES,
      ),
    ).toEqual([]);
  });
  it.each<[string, Partial<InspectionPlan>, PlanProblem]>([
    ['no templates', { templateIds: [] }, { path: 'templateIds', code: 'no_templates' }],
    [
      'unknown template',
      { templateIds: ['tpl-1', 'nope'] },
      { path: 'templateIds.1', code: 'unknown_template' },
    ],
    [
      'same template twice',
      { templateIds: ['tpl-1', 'tpl-1'] },
      { path: 'templateIds.1', code: 'duplicate_template' },
    ],
    [
      'two templates for switches',
      { templateIds: ['tpl-1', 'tpl-sw'] },
      { path: 'templateIds.1', code: 'overlapping_templates' },
    ],
    ['no CIs', { selection: { mode: 'explicit', ciIds: [] } }, { path: 'selection.ciIds', code: 'no_cis' }],
    [
      'a CI twice',
      { selection: { mode: 'explicit', ciIds: ['a', 'a'] } },
      { path: 'selection.ciIds.1', code: 'duplicate_ci' },
    ],
    [
      'a filter on a type no template covers',
      { selection: { mode: 'filter', filter: { ciTypeKeys: ['ups'] } } },
      { path: 'selection.filter.ciTypeKeys.0', code: 'uncovered_ci_type' },
    ],
    ['nobody to do it', { assigneeId: null, teamId: null }, { path: 'assigneeId', code: 'no_assignee' }],
    [
      'bad schedule day',
      { schedule: { kind: 'monthly', day: 0 } },
      { path: 'schedule.day', code: 'invalid_day' },
    ],
    [
      'bad cron',
      { schedule: { kind: 'cron', expression: 'daily' } },
      { path: 'schedule.expression', code: 'invalid_cron' },
    ],
    ['no due window', { dueDays: 0 }, { path: 'dueDays', code: 'invalid_due_days' }],
    [
      'a weekly task due after a week',
      { schedule: { kind: 'weekly', weekday: 1 }, dueDays: 8 },
      { path: 'dueDays', code: 'invalid_due_days' },
    ],
    ['a monthly task due after 28 days', { dueDays: 29 }, { path: 'dueDays', code: 'invalid_due_days' }],
    [
      'a quarterly task due after 89 days',
      { schedule: { kind: 'quarterly', month: 1, day: 1 }, dueDays: 90 },
      { path: 'dueDays', code: 'invalid_due_days' },
    ],
  ])('%s', (_n, patch, problem) => {
    expect(validatePlan({ ...PLAN, ...patch }, TEMPLATES)).toContainEqual(problem);
  });
  it.each<[InspectionPlan['schedule'], number]>([
    [{ kind: 'weekly', weekday: 1 }, 7],
    [{ kind: 'monthly', day: 31 }, 28],
    [{ kind: 'quarterly', month: 1, day: 31 }, 89],
    [{ kind: 'cron', expression: '0 9 1 1 *' }, 366],
  ])('allows %j due within %d days', (schedule, days) => {
    expect(validatePlan({ ...PLAN, schedule, dueDays: days }, TEMPLATES)).toEqual([]);
  });
});

describe('ciInPlan', () => {
  const covered = ['physical_server', 'switch', 'printer'];
  const sw = (siteId: string | null, ciTypeKey = 'switch'): PlanCiFacts => ({
    ciId: 'c1',
    ciTypeKey,
    siteId,
  });
  it.each<[string, PlanCiSelection, PlanCiFacts, boolean]>([
    [
      'all switches at site X: a switch there',
      { mode: 'filter', filter: { ciTypeKeys: ['switch'], siteIds: ['x'] } },
      sw('x'),
      true,
    ],
    [
      'all switches at site X: a switch elsewhere',
      { mode: 'filter', filter: { ciTypeKeys: ['switch'], siteIds: ['x'] } },
      sw('y'),
      false,
    ],
    [
      'all switches at site X: a switch without a site',
      { mode: 'filter', filter: { ciTypeKeys: ['switch'], siteIds: ['x'] } },
      sw(null),
      false,
    ],
    [
      'all switches at site X: a printer there',
      { mode: 'filter', filter: { ciTypeKeys: ['switch'], siteIds: ['x'] } },
      sw('x', 'printer'),
      false,
    ],
    ['everything at site X', { mode: 'filter', filter: { siteIds: ['x'] } }, sw('x', 'printer'), true],
    [
      'an empty filter: every covered CI',
      { mode: 'filter', filter: { ciTypeKeys: [], siteIds: [] } },
      sw(null),
      true,
    ],
    ['an empty filter: not an uncovered type', { mode: 'filter', filter: {} }, sw(null, 'ups'), false],
    ['explicit: listed', { mode: 'explicit', ciIds: ['c1'] }, sw(null), true],
    ['explicit: not listed', { mode: 'explicit', ciIds: ['c2'] }, sw(null), false],
    [
      'explicit: listed but retyped to an uncovered type',
      { mode: 'explicit', ciIds: ['c1'] },
      sw(null, 'ups'),
      false,
    ],
  ])('%s', (_n, selection, ci, inPlan) => {
    expect(ciInPlan(selection, covered, ci)).toBe(inPlan);
  });
});
