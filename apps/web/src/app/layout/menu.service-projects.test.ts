import { describe, expect, it } from 'vitest';
import type { SystemAbilities } from '../../shared/abilities/useAbilities';
import { buildMenu } from './menu';

const none: SystemAbilities = {
  manageOrganisation: false,
  manageUsers: false,
  grantRoles: false,
  manageSecurityPolicy: false,
  readAudit: false,
  readSecurityPolicy: false,
};
const OURS = [
  '/handovers',
  '/project-tasks',
  '/roster',
  '/portal/approvals',
  '/service-mode-rules',
  '/checklist-templates',
];
const paths = (kind: 'staff' | 'customer_contact' | 'subcontractor_staff') =>
  buildMenu(none, { kind })
    .flatMap((g) => g.items.map((i) => i.path))
    .filter((p) => OURS.includes(p));

describe('service projects menu', () => {
  it('offers staff the handovers, tasks across projects, the roster, and the rules and templates', () => {
    expect(paths('staff')).toEqual(OURS.filter((p) => p !== '/portal/approvals'));
  });
  it('offers customer contacts what awaits their approval, and none of the internal pages', () => {
    expect(paths('customer_contact')).toEqual(['/portal/approvals']);
  });
  it('offers subcontractor staff none of them (their rosters are on the project page)', () => {
    expect(paths('subcontractor_staff')).toEqual([]);
  });
});
