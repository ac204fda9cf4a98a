import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import type { ProjectRole } from '../access/roles.js';
import type { InspectionTaskFacts } from './access.js';
import {
  canManageTemplate,
  canSeeInspectionTask,
  inspectionAbilities,
  inspectionTaskAbilities,
  subcontractorSeesWorkOrder,
  workOrderAbilities,
} from './access.js';

const base = {
  globalRoles: [],
  customerId: null,
  subcontractorId: null,
  managesDivision: null,
  managesRegion: null,
  memberships: [],
} as const;
const staff = (userId: string, role?: ProjectRole): Actor => ({
  ...base,
  userId,
  kind: 'staff',
  memberships: role ? [{ projectId: 'p1', role, specialty: null }] : [],
});
const admin: Actor = { ...base, userId: 'admin', kind: 'staff', globalRoles: ['admin'] };
const pm = staff('pm', 'project_manager');
const lead = staff('lead', 'technical_lead');
const engineer = staff('eng', 'engineer');
const desk = staff('desk', 'service_desk_agent');
const cm = staff('cm', 'customer_manager');
const manager = staff('dm'); // sees the project through its division, holds no role
const contact: Actor = { ...base, userId: 'contact', kind: 'customer_contact', customerId: 'c1' };
const field: Actor = {
  ...base,
  userId: 'field',
  kind: 'subcontractor_staff',
  subcontractorId: 's1',
  memberships: [{ projectId: 'p1', role: 'field_engineer', specialty: null }],
};
const otherField: Actor = { ...field, userId: 'field2', subcontractorId: 's2' };

describe('inspectionAbilities', () => {
  it.each<[string, Actor, boolean, boolean, boolean, boolean]>([
    //                              plans  findings readTasks report
    ['the system admin', admin, true, false, true, true],
    ['the project manager', pm, true, true, true, true],
    ['the technical lead', lead, true, true, true, true],
    ['an engineer', engineer, false, true, true, true],
    ['the service desk', desk, false, true, true, true],
    ['the customer manager', cm, false, true, true, true],
    ['a division manager without a role', manager, false, false, true, true],
    ['a customer contact', contact, false, false, false, true],
    ['a field engineer of a subcontractor', field, false, false, true, false],
  ])('%s', (_, actor, plans, findings, readTasks, report) => {
    expect(inspectionAbilities(actor, 'p1')).toEqual({
      managePlans: plans,
      manageTemplates: plans,
      manageFindings: findings,
      readTasks,
      readReport: report,
    });
  });

  it('templates: built-in ones are never edited, global ones are the admin’s, project ones its managers’', () => {
    expect(canManageTemplate(admin, { projectId: null, builtIn: true })).toBe(false);
    expect(canManageTemplate(admin, { projectId: null, builtIn: false })).toBe(true);
    expect(canManageTemplate(pm, { projectId: null, builtIn: false })).toBe(false);
    expect(canManageTemplate(pm, { projectId: 'p1', builtIn: false })).toBe(true);
    expect(canManageTemplate(pm, { projectId: 'p2', builtIn: false })).toBe(false);
    expect(canManageTemplate(engineer, { projectId: 'p1', builtIn: false })).toBe(false);
  });
});

describe('inspection tasks', () => {
  const task = (over: Partial<InspectionTaskFacts> = {}): InspectionTaskFacts => ({
    projectId: 'p1',
    assigneeId: 'eng',
    subcontractorId: null,
    status: 'open',
    ...over,
  });

  it.each<[string, Actor, InspectionTaskFacts, boolean]>([
    ['staff of the project', desk, task(), true],
    ['a contact never', contact, task(), false],
    ['a subcontractor: not a task of another company', field, task(), false],
    ['a subcontractor: its own', field, task({ assigneeId: 'field', subcontractorId: 's1' }), true],
    ['a subcontractor: its company’s', field, task({ assigneeId: 'x', subcontractorId: 's1' }), true],
    ['another subcontractor: not', otherField, task({ assigneeId: 'field', subcontractorId: 's1' }), false],
  ])('canSeeInspectionTask: %s', (_, actor, t, expected) => {
    expect(canSeeInspectionTask(actor, t)).toBe(expected);
  });

  it.each<[string, Actor, InspectionTaskFacts, boolean, { enterReadings: boolean; cancel: boolean }]>([
    ['the assignee', engineer, task(), false, { enterReadings: true, cancel: false }],
    [
      'another engineer of the project',
      staff('eng2', 'engineer'),
      task(),
      false,
      { enterReadings: true, cancel: false },
    ],
    ['the service desk (not an inspector)', desk, task(), false, { enterReadings: false, cancel: false }],
    ['the service desk in the task’s team', desk, task(), true, { enterReadings: true, cancel: false }],
    ['the project manager', pm, task(), false, { enterReadings: true, cancel: true }],
    [
      'a submitted task takes nothing',
      pm,
      task({ status: 'submitted' }),
      false,
      { enterReadings: false, cancel: false },
    ],
    [
      'the subcontractor assignee',
      field,
      task({ assigneeId: 'field', subcontractorId: 's1' }),
      false,
      { enterReadings: true, cancel: false },
    ],
    [
      'a colleague of the subcontractor',
      { ...field, userId: 'f3' },
      task({ assigneeId: 'field', subcontractorId: 's1' }),
      false,
      { enterReadings: true, cancel: false },
    ],
    ['a contact', contact, task(), true, { enterReadings: false, cancel: false }],
  ])('inspectionTaskAbilities: %s', (_, actor, t, team, expected) => {
    const a = inspectionTaskAbilities(actor, t, team);
    expect({ enterReadings: a.enterReadings, cancel: a.cancel }).toEqual(expected);
    expect(a.submit).toBe(a.enterReadings);
  });
});

describe('work orders', () => {
  it.each<[string, Actor, string | null, string | null, boolean]>([
    ['assigned to a colleague', field, 's1', null, true],
    ['dispatched to the company', field, null, 's1', true],
    ['another company’s', field, 's2', 's2', false],
    ['staff follow the ticket rules', engineer, 's1', 's1', false],
  ])('subcontractorSeesWorkOrder: %s', (_, actor, assigneeSub, dispatched, expected) => {
    expect(
      subcontractorSeesWorkOrder(actor, {
        assigneeSubcontractorId: assigneeSub,
        dispatchedToSubcontractorId: dispatched,
      }),
    ).toBe(expected);
  });

  it.each<[string, Actor, 'open' | 'in_progress' | 'resolved' | 'final', string[], boolean, boolean]>([
    ['the desk plans an open order', desk, 'open', ['agent'], true, true],
    ['nobody plans a closed one', pm, 'final', ['agent', 'project_manager'], false, false],
    [
      'the assignee records work while on it',
      field,
      'in_progress',
      ['assignee', 'field_engineer'],
      false,
      true,
    ],
    [
      'the assignee cannot record before accepting',
      field,
      'open',
      ['assignee', 'field_engineer'],
      false,
      false,
    ],
    ['a contact does neither', contact, 'resolved', ['requester'], false, false],
  ])('workOrderAbilities: %s', (_, actor, cat, relations, plan, recordWork) => {
    expect(workOrderAbilities(actor, { stateCategory: cat }, relations)).toEqual({ plan, recordWork });
  });
});
