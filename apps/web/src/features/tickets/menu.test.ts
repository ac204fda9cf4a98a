import { describe, expect, it } from 'vitest';
import type { SystemAbilities } from '../../shared/abilities/useAbilities';
import { buildMenu } from '../../app/layout/menu';

const none: SystemAbilities = {
  manageOrganisation: false,
  manageUsers: false,
  grantRoles: false,
  manageSecurityPolicy: false,
  readAudit: false,
  readSecurityPolicy: false,
};
// Other modules add their own entries; these are the service desk's.
const DESK = [
  '/tickets',
  '/tickets/phone',
  '/service-desk/settings',
  '/calendars',
  '/admin/mail',
  '/portal',
  '/portal/new',
];
const paths = (
  kind: 'staff' | 'customer_contact' | 'subcontractor_staff',
  a: Partial<SystemAbilities> = {},
) =>
  buildMenu({ ...none, ...a }, { kind })
    .flatMap((g) => g.items.map((i) => i.path))
    .filter((p) => DESK.includes(p));

describe('service desk menu', () => {
  it('offers staff the queues, phone logging and the configuration pages', () => {
    expect(paths('staff')).toEqual(['/tickets', '/tickets/phone', '/service-desk/settings', '/calendars']);
  });
  it('adds the mail settings for whoever manages the organisation', () => {
    expect(paths('staff', { manageOrganisation: true })).toContain('/admin/mail');
  });
  it('offers customer contacts the portal and no agent pages', () => {
    expect(paths('customer_contact')).toEqual(['/portal', '/portal/new']);
  });
  it('offers subcontractor staff their tickets only', () => {
    expect(paths('subcontractor_staff')).toEqual(['/tickets']);
  });
});
