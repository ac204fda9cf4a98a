import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import type { ProjectRole } from '../access/roles.js';
import { ciTypeAbilities, cmdbAbilities, projectCmdbAbilities } from './abilities.js';

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
const on = (role: ProjectRole, projectId = 'p', over: Partial<Actor> = {}): Actor => ({
  ...base,
  ...over,
  memberships: [{ projectId, role, specialty: null }],
});

describe('cmdbAbilities', () => {
  it.each<[string, Actor, { update: boolean; delete: boolean; import: boolean }]>([
    ['admin', { ...base, globalRoles: ['admin'] }, { update: true, delete: true, import: true }],
    ['project lead', on('project_lead'), { update: true, delete: true, import: true }],
    ['project manager', on('project_manager'), { update: true, delete: true, import: true }],
    ['technical lead', on('technical_lead'), { update: true, delete: true, import: true }],
    ['engineer', on('engineer'), { update: true, delete: false, import: false }],
    ['service desk agent', on('service_desk_agent'), { update: false, delete: false, import: false }],
    ['customer manager', on('customer_manager'), { update: false, delete: false, import: false }],
    [
      'project manager of another project',
      on('project_manager', 'q'),
      { update: false, delete: false, import: false },
    ],
    [
      'division manager (sees, does not edit)',
      { ...base, managesDivision: 'd' },
      { update: false, delete: false, import: false },
    ],
    [
      'security admin',
      { ...base, globalRoles: ['security_admin'] },
      { update: false, delete: false, import: false },
    ],
    ['auditor', { ...base, globalRoles: ['auditor'] }, { update: false, delete: false, import: false }],
    [
      'customer approver (read-only)',
      on('customer_approver', 'p', { kind: 'customer_contact', customerId: 'c' }),
      { update: false, delete: false, import: false },
    ],
    [
      'customer contact with a stray staff role',
      on('project_manager', 'p', { kind: 'customer_contact', customerId: 'c' }),
      { update: false, delete: false, import: false },
    ],
    [
      'subcontractor field engineer (read-only)',
      on('field_engineer', 'p', { kind: 'subcontractor_staff', subcontractorId: 's' }),
      { update: false, delete: false, import: false },
    ],
  ])('%s', (_n, actor, expected) => {
    expect(cmdbAbilities(actor, 'p')).toEqual(expected);
  });
});

describe('projectCmdbAbilities', () => {
  it.each<[string, Actor, { cmdbCreate: boolean; cmdbImport: boolean }]>([
    ['admin', { ...base, globalRoles: ['admin'] }, { cmdbCreate: true, cmdbImport: true }],
    ['project manager', on('project_manager'), { cmdbCreate: true, cmdbImport: true }],
    ['technical lead', on('technical_lead'), { cmdbCreate: true, cmdbImport: true }],
    ['engineer (creates, does not import)', on('engineer'), { cmdbCreate: true, cmdbImport: false }],
    ['service desk agent', on('service_desk_agent'), { cmdbCreate: false, cmdbImport: false }],
    [
      'project manager of another project',
      on('project_manager', 'q'),
      { cmdbCreate: false, cmdbImport: false },
    ],
    [
      'customer contact',
      on('customer_approver', 'p', { kind: 'customer_contact', customerId: 'c' }),
      { cmdbCreate: false, cmdbImport: false },
    ],
    [
      'subcontractor field engineer',
      on('field_engineer', 'p', { kind: 'subcontractor_staff', subcontractorId: 's' }),
      { cmdbCreate: false, cmdbImport: false },
    ],
  ])('%s', (_n, actor, expected) => {
    expect(projectCmdbAbilities(actor, 'p')).toEqual(expected);
  });
});

describe('ciTypeAbilities', () => {
  it.each<[string, Actor, boolean, { update: boolean; delete: boolean }]>([
    ['admin, custom type', { ...base, globalRoles: ['admin'] }, false, { update: true, delete: true }],
    ['admin, system type', { ...base, globalRoles: ['admin'] }, true, { update: true, delete: false }],
    ['project manager', on('project_manager'), false, { update: false, delete: false }],
  ])('%s', (_n, actor, system, expected) => {
    expect(ciTypeAbilities(actor, { system })).toEqual(expected);
  });
});
