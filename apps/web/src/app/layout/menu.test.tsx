import { describe, expect, it } from 'vitest';
import type { SystemAbilities } from '../../shared/abilities/useAbilities';
import { buildMenu, selectedMenuKey } from './menu';

const none: SystemAbilities = {
  manageOrganisation: false,
  manageUsers: false,
  grantRoles: false,
  manageSecurityPolicy: false,
  readAudit: false,
  readSecurityPolicy: false,
};
const paths = (a: Partial<SystemAbilities>) =>
  buildMenu({ ...none, ...a }).flatMap((g) => g.items.map((i) => i.path));

describe('side menu by abilities', () => {
  it('offers an engineer only the projects', () => {
    expect(paths({})).toEqual(['/projects']);
  });
  it('offers the system admin the organisation pages, users and the audit log', () => {
    expect(
      paths({ manageOrganisation: true, manageUsers: true, readAudit: true, readSecurityPolicy: true }),
    ).toEqual([
      '/projects',
      '/customers',
      '/subcontractors',
      '/sites',
      '/teams',
      '/users',
      '/audit',
      '/security-policy',
    ]);
  });
  it('offers the security admin users (to grant roles) and the security policy, not the organisation', () => {
    expect(paths({ grantRoles: true, manageSecurityPolicy: true, readSecurityPolicy: true })).toEqual([
      '/projects',
      '/users',
      '/security-policy',
    ]);
  });
  it('offers the auditor the audit log and the policy', () => {
    expect(paths({ readAudit: true, readSecurityPolicy: true })).toEqual([
      '/projects',
      '/audit',
      '/security-policy',
    ]);
  });
  it('selects the entry of a detail page', () => {
    const groups = buildMenu({ ...none, manageOrganisation: true });
    expect(selectedMenuKey(groups, '/customers/123')).toBe('/customers');
    expect(selectedMenuKey(groups, '/customersX')).toBeUndefined();
  });
});
