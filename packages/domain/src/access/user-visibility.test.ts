import { describe, expect, it } from 'vitest';
import type { Actor, ProjectFacts } from './actor.js';
import { canSeeUser, userVisibility } from './user-visibility.js';
import type { UserFacts } from './user-visibility.js';

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
const actor = (over: Partial<Actor>): Actor => ({ ...base, ...over });
const member = (projectId: string) => ({ projectId, role: 'engineer' as const, specialty: null });

// Two customers, each with one project; subcontractor s1 is engaged on pA only.
const pA: ProjectFacts = {
  id: 'pA',
  customerId: 'cA',
  division: 'traffic',
  region: 'east',
  subcontractorIds: ['s1'],
};
const pB: ProjectFacts = {
  id: 'pB',
  customerId: 'cB',
  division: 'software',
  region: 'west',
  subcontractorIds: ['s2'],
};
const projects = [pA, pB];

const user = (id: string, over: Partial<UserFacts> = {}): UserFacts => ({
  id,
  kind: 'staff',
  customerId: null,
  subcontractorId: null,
  memberProjectIds: [],
  ...over,
});
const staffOnA = user('staffOnA', { memberProjectIds: ['pA'] });
const staffOnB = user('staffOnB', { memberProjectIds: ['pB'] });
const staffNowhere = user('staffNowhere');
const contactA = user('contactA', { kind: 'customer_contact', customerId: 'cA' });
const contactB = user('contactB', { kind: 'customer_contact', customerId: 'cB' });
const sub1 = user('sub1', { kind: 'subcontractor_staff', subcontractorId: 's1', memberProjectIds: ['pA'] });
const sub2 = user('sub2', { kind: 'subcontractor_staff', subcontractorId: 's2' });
const subIdle = user('subIdle', { kind: 'subcontractor_staff', subcontractorId: 's3' });

const admin = actor({ globalRoles: ['admin'] });
const security = actor({ globalRoles: ['security_admin'] });
const auditor = actor({ globalRoles: ['auditor'] });
const engineerA = actor({ memberships: [member('pA')] });
const plainStaff = actor({});
const divisionManager = actor({ managesDivision: 'software' });
const meContactA = actor({ kind: 'customer_contact', customerId: 'cA' });
const meSub1 = actor({ kind: 'subcontractor_staff', subcontractorId: 's1' });
const orphanContact = actor({ kind: 'customer_contact' });

describe('canSeeUser', () => {
  it.each([
    ['admin sees a contact of any customer', admin, contactB, true],
    ['security admin sees everyone', security, subIdle, true],
    ['auditor sees everyone', auditor, contactA, true],
    ['staff sees staff of other projects', engineerA, staffOnB, true],
    ['staff with no project still sees staff', plainStaff, staffNowhere, true],
    ['staff sees contacts of its projects’ customer', engineerA, contactA, true],
    ['staff does not see contacts of other customers', engineerA, contactB, false],
    ['staff with no project sees no contact', plainStaff, contactA, false],
    ['staff sees staff of subcontractors engaged on its projects', engineerA, sub1, true],
    ['staff does not see staff of other subcontractors', engineerA, sub2, false],
    ['division manager sees contacts of its division’s customers', divisionManager, contactB, true],
    ['division manager sees engaged subcontractors of its division', divisionManager, sub2, true],
    ['division manager does not see other customers', divisionManager, contactA, false],
    ['contact sees its own customer’s contacts', meContactA, contactA, true],
    ['contact sees staff members of its customer’s projects', meContactA, staffOnA, true],
    ['contact does not see staff of other customers’ projects', meContactA, staffOnB, false],
    ['contact does not see staff outside projects', meContactA, staffNowhere, false],
    ['contact does not see another customer’s contacts', meContactA, contactB, false],
    ['contact does not see subcontractor staff, even on its project', meContactA, sub1, false],
    [
      'subcontractor staff sees its own company',
      meSub1,
      user('sub1b', { kind: 'subcontractor_staff', subcontractorId: 's1' }),
      true,
    ],
    ['subcontractor staff sees staff members of engaged projects', meSub1, staffOnA, true],
    ['subcontractor staff does not see staff of unengaged projects', meSub1, staffOnB, false],
    ['subcontractor staff does not see other companies', meSub1, sub2, false],
    ['subcontractor staff does not see customer contacts', meSub1, contactA, false],
    ['a contact without a customer sees only itself', orphanContact, contactA, false],
    ['everyone sees themselves', orphanContact, user('me', { kind: 'customer_contact' }), true],
  ])('%s', (_name, a, target, expected) => {
    expect(canSeeUser(a, target, projects)).toBe(expected);
  });
});

describe('userVisibility', () => {
  it.each([
    ['admin', admin, { kind: 'all' }],
    ['security admin', security, { kind: 'all' }],
    ['auditor', auditor, { kind: 'all' }],
    ['plain staff', plainStaff, { kind: 'staff' }],
    ['contact', meContactA, { kind: 'customer', customerId: 'cA' }],
    ['subcontractor staff', meSub1, { kind: 'subcontractor', subcontractorId: 's1' }],
    ['contact without customer', orphanContact, { kind: 'self' }],
    [
      'a global role does not widen a contact',
      actor({ kind: 'customer_contact', customerId: 'cA', globalRoles: ['admin'] }),
      { kind: 'customer', customerId: 'cA' },
    ],
  ])('%s', (_name, a, expected) => {
    expect(userVisibility(a)).toEqual(expected);
  });
});
