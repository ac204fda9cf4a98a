import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { canSetGlobalRoles, projectAbilities, systemAbilities, userAbilities } from './abilities.js';

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

describe('systemAbilities (三员)', () => {
  it.each([
    [
      'admin',
      a({ globalRoles: ['admin'] }),
      {
        manageOrganisation: true,
        manageUsers: true,
        grantRoles: false,
        manageSecurityPolicy: false,
        readAudit: true,
        readSecurityPolicy: true,
      },
    ],
    [
      'security admin',
      a({ globalRoles: ['security_admin'] }),
      {
        manageOrganisation: false,
        manageUsers: false,
        grantRoles: true,
        manageSecurityPolicy: true,
        readAudit: false,
        readSecurityPolicy: true,
      },
    ],
    [
      'auditor',
      a({ globalRoles: ['auditor'] }),
      {
        manageOrganisation: false,
        manageUsers: false,
        grantRoles: false,
        manageSecurityPolicy: false,
        readAudit: true,
        readSecurityPolicy: true,
      },
    ],
    [
      'plain staff',
      a({}),
      {
        manageOrganisation: false,
        manageUsers: false,
        grantRoles: false,
        manageSecurityPolicy: false,
        readAudit: false,
        readSecurityPolicy: false,
      },
    ],
    [
      'contact claiming admin',
      a({ kind: 'customer_contact', customerId: 'c', globalRoles: ['admin'] }),
      {
        manageOrganisation: false,
        manageUsers: false,
        grantRoles: false,
        manageSecurityPolicy: false,
        readAudit: false,
        readSecurityPolicy: false,
      },
    ],
  ])('%s', (_n, actor, expected) => {
    expect(systemAbilities(actor)).toEqual(expected);
  });
});

describe('projectAbilities', () => {
  it.each([
    [
      'admin',
      a({ globalRoles: ['admin'] }),
      { update: true, delete: true, manageMembers: true, manageSubcontractors: true },
    ],
    [
      'project manager of p',
      a({ memberships: [{ projectId: 'p', role: 'project_manager', specialty: null }] }),
      { update: true, delete: false, manageMembers: true, manageSubcontractors: true },
    ],
    [
      'project lead of p',
      a({ memberships: [{ projectId: 'p', role: 'project_lead', specialty: null }] }),
      { update: true, delete: false, manageMembers: true, manageSubcontractors: true },
    ],
    [
      'project manager of another project',
      a({ memberships: [{ projectId: 'q', role: 'project_manager', specialty: null }] }),
      { update: false, delete: false, manageMembers: false, manageSubcontractors: false },
    ],
    [
      'engineer of p',
      a({ memberships: [{ projectId: 'p', role: 'engineer', specialty: 'network' }] }),
      { update: false, delete: false, manageMembers: false, manageSubcontractors: false },
    ],
    [
      'customer approver of p',
      a({
        kind: 'customer_contact',
        customerId: 'c',
        memberships: [{ projectId: 'p', role: 'customer_approver', specialty: null }],
      }),
      { update: false, delete: false, manageMembers: false, manageSubcontractors: false },
    ],
  ])('%s', (_n, actor, expected) => {
    expect(projectAbilities(actor, 'p')).toEqual(expected);
  });
});

describe('user abilities and role grants', () => {
  const admin = a({ globalRoles: ['admin'] });
  const sec = a({ globalRoles: ['security_admin'] });
  it.each([
    [
      'admin edits another user',
      admin,
      'other',
      { update: true, disable: true, resetPassword: true, grantRoles: false },
    ],
    [
      'admin on self cannot disable self',
      admin,
      'me',
      { update: true, disable: false, resetPassword: false, grantRoles: false },
    ],
    [
      'security admin grants to another',
      sec,
      'other',
      { update: false, disable: false, resetPassword: false, grantRoles: true },
    ],
    [
      'security admin never grants to self',
      sec,
      'me',
      { update: true, disable: false, resetPassword: false, grantRoles: false },
    ],
  ])('%s', (_n, actor, target, expected) => {
    expect(userAbilities(actor, { id: target, globalRoles: [] })).toEqual(expected);
  });

  it.each([
    [
      'security admin makes staff an auditor',
      sec,
      { id: 'x', kind: 'staff' as const },
      ['auditor' as const],
      true,
    ],
    ['security admin removes roles', sec, { id: 'x', kind: 'staff' as const }, [], true],
    [
      'two roles at once are refused',
      sec,
      { id: 'x', kind: 'staff' as const },
      ['auditor' as const, 'admin' as const],
      false,
    ],
    ['self-grant is refused', sec, { id: 'me', kind: 'staff' as const }, ['admin' as const], false],
    ['admin cannot grant', admin, { id: 'x', kind: 'staff' as const }, ['auditor' as const], false],
    [
      'a contact cannot hold a global role',
      sec,
      { id: 'x', kind: 'customer_contact' as const },
      ['admin' as const],
      false,
    ],
  ])('%s', (_n, actor, target, after, expected) => {
    expect(canSetGlobalRoles(actor, target, after)).toBe(expected);
  });
});
