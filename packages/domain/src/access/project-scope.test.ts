import { describe, expect, it } from 'vitest';
import type { Actor, ProjectFacts } from './actor.js';
import { canSeeProject, projectScope } from './project-scope.js';

const base: Actor = {
  userId: 'u1',
  kind: 'staff',
  globalRoles: [],
  customerId: null,
  subcontractorId: null,
  managesDivision: null,
  managesRegion: null,
  memberships: [],
};
const actor = (over: Partial<Actor>): Actor => ({ ...base, ...over });

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
  subcontractorIds: [],
};

const member = (projectId: string) => ({ projectId, role: 'engineer' as const, specialty: null });

describe('canSeeProject', () => {
  it.each([
    ['admin sees every project', actor({ globalRoles: ['admin'] }), pA, true],
    ['admin sees every project (B)', actor({ globalRoles: ['admin'] }), pB, true],
    ['security admin is not a project member', actor({ globalRoles: ['security_admin'] }), pA, false],
    ['auditor is not a project member', actor({ globalRoles: ['auditor'] }), pA, false],
    ['staff member sees its project', actor({ memberships: [member('pA')] }), pA, true],
    ['staff member does not see another project', actor({ memberships: [member('pA')] }), pB, false],
    ['staff without membership sees nothing', actor({}), pA, false],
    ['division manager sees the division', actor({ managesDivision: 'traffic' }), pA, true],
    ['division manager not another division', actor({ managesDivision: 'traffic' }), pB, false],
    ['regional manager sees the region', actor({ managesRegion: 'west' }), pB, true],
    ['regional manager not another region', actor({ managesRegion: 'west' }), pA, false],
    ['contact sees own customer', actor({ kind: 'customer_contact', customerId: 'cA' }), pA, true],
    ['contact never sees another customer', actor({ kind: 'customer_contact', customerId: 'cA' }), pB, false],
    [
      'contact with a stray membership still sees only own customer',
      actor({ kind: 'customer_contact', customerId: 'cA', memberships: [member('pB')] }),
      pB,
      false,
    ],
    ['contact with no customer sees nothing', actor({ kind: 'customer_contact' }), pA, false],
    [
      'admin role does not widen a contact',
      actor({ kind: 'customer_contact', customerId: 'cB', globalRoles: ['admin'] }),
      pA,
      false,
    ],
    [
      'subcontractor sees engaged project',
      actor({ kind: 'subcontractor_staff', subcontractorId: 's1' }),
      pA,
      true,
    ],
    [
      'subcontractor not an unengaged project',
      actor({ kind: 'subcontractor_staff', subcontractorId: 's1' }),
      pB,
      false,
    ],
    [
      'other subcontractor not the project',
      actor({ kind: 'subcontractor_staff', subcontractorId: 's2' }),
      pA,
      false,
    ],
  ])('%s', (_name, a, p, expected) => {
    expect(canSeeProject(a, p)).toBe(expected);
  });
});

describe('projectScope', () => {
  it('describes staff scope with deduplicated memberships', () => {
    const a = actor({
      memberships: [member('pA'), { projectId: 'pA', role: 'project_manager', specialty: null }],
    });
    expect(projectScope(a)).toEqual({
      kind: 'staff',
      memberProjectIds: ['pA'],
      division: null,
      region: null,
    });
  });
  it('is none for staff with nothing', () => {
    expect(projectScope(actor({}))).toEqual({ kind: 'none' });
  });
});
