import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import {
  handoverAbilities,
  lifecycleAbilities,
  projectTaskAbilities,
  rosterAbilities,
  serviceProjectAdminAbilities,
  shiftAbilities,
  teamRosterAbilities,
  tenderAbilities,
} from './service-project-abilities.js';
import type { HandoverFacts, ProjectTaskFacts } from './service-project-abilities.js';
import type { ProjectRole } from './roles.js';

const base: Actor = {
  userId: 'me',
  kind: 'staff',
  globalRoles: [],
  customerId: null,
  subcontractorId: null,
  managesDivision: null,
  managesRegion: null,
  memberships: [],
};
const a = (over: Partial<Actor>): Actor => ({ ...base, ...over });
const on = (role: ProjectRole, projectId = 'p') => ({ memberships: [{ projectId, role, specialty: null }] });
const admin = a({ globalRoles: ['admin'] });
const pm = a(on('project_manager'));
const engineer = a(on('engineer'));
const cmMember = a(on('customer_manager'));
const approver = a({ kind: 'customer_contact', customerId: 'c', ...on('customer_approver') });
const requester = a({ kind: 'customer_contact', customerId: 'c', ...on('requester') });
const field = a({ kind: 'subcontractor_staff', subcontractorId: 's', ...on('field_engineer') });

describe('mode rules and checklist templates', () => {
  it.each([
    ['admin', admin, { read: true, manage: true }],
    ['staff', engineer, { read: true, manage: false }],
    ['auditor', a({ globalRoles: ['auditor'] }), { read: true, manage: false }],
    ['contact', approver, { read: false, manage: false }],
    ['subcontractor staff', field, { read: false, manage: false }],
  ])('%s', (_n, actor, expected) => expect(serviceProjectAdminAbilities(actor)).toEqual(expected));
});

describe('lifecycle (phases and tasks of a project)', () => {
  it.each([
    ['admin', admin, true],
    ['project manager', pm, true],
    ['project lead', a(on('project_lead')), true],
    ['project manager of another project', a(on('project_manager', 'q')), false],
    ['engineer', engineer, false],
    ['approver', approver, false],
  ])('%s manages: %s', (_n, actor, manage) => expect(lifecycleAbilities(actor, 'p')).toEqual({ manage }));
});

describe('handover (运维服务项目服务管理程序 §4)', () => {
  const h: HandoverFacts = {
    projectId: 'p',
    division: '城交事业部',
    region: '华东大区',
    regionalManagerId: 'rm',
    divisionManagerId: 'dm',
    serviceLeadId: 'lead',
    customerManagerId: 'cm',
    decided: true,
    customerManagerRequired: true,
  };
  it.each<
    [
      string,
      Actor,
      Partial<HandoverFacts>,
      {
        read: boolean;
        update: boolean;
        decideMode: boolean;
        assignCustomerManager: boolean;
        decideSubcontractor: boolean;
      },
    ]
  >([
    [
      'admin',
      admin,
      {},
      { read: true, update: true, decideMode: true, assignCustomerManager: true, decideSubcontractor: true },
    ],
    [
      'project manager',
      pm,
      {},
      {
        read: true,
        update: true,
        decideMode: false,
        assignCustomerManager: false,
        decideSubcontractor: false,
      },
    ],
    [
      'project manager, mode without a customer manager',
      pm,
      { customerManagerRequired: false },
      {
        read: true,
        update: true,
        decideMode: false,
        assignCustomerManager: false,
        decideSubcontractor: true,
      },
    ],
    [
      'the named regional manager',
      a({ userId: 'rm' }),
      {},
      {
        read: true,
        update: false,
        decideMode: true,
        assignCustomerManager: false,
        decideSubcontractor: false,
      },
    ],
    [
      'the named division manager',
      a({ userId: 'dm' }),
      {},
      {
        read: true,
        update: false,
        decideMode: true,
        assignCustomerManager: false,
        decideSubcontractor: false,
      },
    ],
    [
      'manager of the region',
      a({ managesRegion: '华东大区' }),
      {},
      {
        read: true,
        update: false,
        decideMode: true,
        assignCustomerManager: false,
        decideSubcontractor: false,
      },
    ],
    [
      'manager of the division',
      a({ managesDivision: '城交事业部' }),
      {},
      {
        read: true,
        update: false,
        decideMode: true,
        assignCustomerManager: false,
        decideSubcontractor: false,
      },
    ],
    [
      'manager of another region',
      a({ managesRegion: '华南大区' }),
      {},
      {
        read: true,
        update: false,
        decideMode: false,
        assignCustomerManager: false,
        decideSubcontractor: false,
      },
    ],
    [
      'the branch service lead',
      a({ userId: 'lead' }),
      {},
      {
        read: true,
        update: false,
        decideMode: false,
        assignCustomerManager: true,
        decideSubcontractor: false,
      },
    ],
    [
      'the assigned customer manager',
      a({ userId: 'cm' }),
      {},
      {
        read: true,
        update: false,
        decideMode: false,
        assignCustomerManager: false,
        decideSubcontractor: true,
      },
    ],
    [
      'a customer manager member',
      cmMember,
      { customerManagerId: null },
      {
        read: true,
        update: false,
        decideMode: false,
        assignCustomerManager: false,
        decideSubcontractor: true,
      },
    ],
    [
      'an engineer',
      engineer,
      {},
      {
        read: true,
        update: false,
        decideMode: false,
        assignCustomerManager: false,
        decideSubcontractor: false,
      },
    ],
    [
      'a contact named by mistake',
      a({ kind: 'customer_contact', customerId: 'c', userId: 'rm' }),
      {},
      {
        read: false,
        update: false,
        decideMode: false,
        assignCustomerManager: false,
        decideSubcontractor: false,
      },
    ],
    [
      'subcontractor staff',
      field,
      {},
      {
        read: false,
        update: false,
        decideMode: false,
        assignCustomerManager: false,
        decideSubcontractor: false,
      },
    ],
    [
      'admin, before the decision',
      admin,
      { decided: false, customerManagerRequired: false },
      {
        read: true,
        update: true,
        decideMode: true,
        assignCustomerManager: false,
        decideSubcontractor: false,
      },
    ],
    [
      'project manager, before the decision',
      pm,
      { decided: false, customerManagerRequired: false },
      {
        read: true,
        update: true,
        decideMode: false,
        assignCustomerManager: false,
        decideSubcontractor: false,
      },
    ],
  ])('%s', (_n, actor, over, expected) =>
    expect(handoverAbilities(actor, { ...h, ...over })).toEqual(expected),
  );
});

describe('tenders', () => {
  it.each([
    ['admin', admin, { read: true, manage: true }],
    ['project manager', pm, { read: true, manage: true }],
    ['customer manager member', cmMember, { read: true, manage: true }],
    ['the handover customer manager', a({ userId: 'cm' }), { read: true, manage: true }],
    ['engineer', engineer, { read: true, manage: false }],
    ['subcontractor staff', field, { read: false, manage: false }],
    ['contact', approver, { read: false, manage: false }],
  ])('%s', (_n, actor, expected) =>
    expect(tenderAbilities(actor, { projectId: 'p', customerManagerId: 'cm' })).toEqual(expected),
  );
});

describe('lifecycle tasks', () => {
  const task = (over: Partial<ProjectTaskFacts> = {}): ProjectTaskFacts => ({
    projectId: 'p',
    ownerId: 'owner',
    category: 'checklist',
    status: 'open',
    ...over,
  });
  const none = {
    update: false,
    complete: false,
    reopen: false,
    cancel: false,
    submit: false,
    approve: false,
    reject: false,
    comment: false,
    attach: false,
  };
  it.each<[string, Actor, Partial<ProjectTaskFacts>, Partial<typeof none>]>([
    [
      'pm, open checklist item',
      pm,
      {},
      { update: true, complete: true, cancel: true, comment: true, attach: true },
    ],
    ['pm, done item', pm, { status: 'done' }, { reopen: true, comment: true }],
    [
      'pm, open approval',
      pm,
      { category: 'approval' },
      { update: true, cancel: true, submit: true, comment: true, attach: true },
    ],
    [
      'pm, awaiting approval',
      pm,
      { category: 'approval', status: 'awaiting_approval' },
      { update: true, cancel: true, comment: true, attach: true },
    ],
    [
      'owner (engineer), open item',
      a({ userId: 'owner', ...on('engineer') }),
      {},
      { complete: true, comment: true, attach: true },
    ],
    [
      'owner, approval',
      a({ userId: 'owner', ...on('engineer') }),
      { category: 'approval' },
      { submit: true, comment: true, attach: true },
    ],
    ['another engineer', engineer, {}, { comment: true }],
    [
      'approver, awaiting approval',
      approver,
      { category: 'approval', status: 'awaiting_approval' },
      { approve: true, reject: true, comment: true },
    ],
    ['approver, approval still open', approver, { category: 'approval' }, { comment: true }],
    ['approver, checklist item', approver, {}, {}],
    [
      'approver of another project',
      a({ kind: 'customer_contact', customerId: 'c', ...on('customer_approver', 'q') }),
      { category: 'approval', status: 'awaiting_approval' },
      {},
    ],
    ['requester, awaiting approval', requester, { category: 'approval', status: 'awaiting_approval' }, {}],
    [
      'staff approver-impostor',
      a(on('customer_approver')),
      { category: 'approval', status: 'awaiting_approval' },
      { comment: true },
    ],
    ['subcontractor field engineer', field, {}, {}],
    ['admin, cancelled', admin, { status: 'cancelled' }, { reopen: true, comment: true }],
  ])('%s', (_n, actor, over, expected) =>
    expect(projectTaskAbilities(actor, task(over))).toEqual({ ...none, ...expected }),
  );
});

describe('duty roster', () => {
  it.each([
    ['admin', admin, { read: true, manage: true }],
    ['project manager', pm, { read: true, manage: true }],
    ['engineer', engineer, { read: true, manage: false }],
    ['field engineer', field, { read: true, manage: false }],
    ['contact', requester, { read: false, manage: false }],
  ])('project roster: %s', (_n, actor, expected) => expect(rosterAbilities(actor, 'p')).toEqual(expected));

  it.each([
    ['admin', admin, { read: true, manage: true }],
    ['team lead', a({ userId: 'lead' }), { read: true, manage: true }],
    ['staff', engineer, { read: true, manage: false }],
    ['contact', requester, { read: false, manage: false }],
  ])('team roster: %s', (_n, actor, expected) =>
    expect(teamRosterAbilities(actor, { leadUserId: 'lead' })).toEqual(expected),
  );

  it('lets the person on a shift hand it on, not another engineer', () => {
    const r = rosterAbilities(engineer, 'p');
    expect(shiftAbilities(r, engineer, { userId: 'me' })).toEqual({
      update: false,
      delete: false,
      swap: true,
    });
    expect(shiftAbilities(r, engineer, { userId: 'other' })).toEqual({
      update: false,
      delete: false,
      swap: false,
    });
    expect(shiftAbilities(rosterAbilities(pm, 'p'), pm, { userId: 'other' })).toEqual({
      update: true,
      delete: true,
      swap: true,
    });
  });
});
