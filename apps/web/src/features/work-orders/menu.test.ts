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
const entries = (kind: 'staff' | 'customer_contact' | 'subcontractor_staff') =>
  buildMenu(none, { kind })
    .filter((g) => g.label === 'fieldWork')
    .flatMap((g) => g.items.map((i) => `${i.path}:${i.label}`));

describe('field work menu', () => {
  it('offers staff work orders, inspections, findings, plans, templates and reports', () => {
    expect(entries('staff')).toEqual([
      '/work-orders:workOrders',
      '/inspection-tasks:inspectionTasks',
      '/findings:findings',
      '/inspection-plans:inspectionPlans',
      '/inspection-templates:inspectionTemplates',
      '/inspection-reports:inspectionReports',
    ]);
  });
  it('offers a subcontractor field engineer only 我的工单 and 我的巡检', () => {
    expect(entries('subcontractor_staff')).toEqual([
      '/work-orders:myWorkOrders',
      '/inspection-tasks:myInspections',
    ]);
  });
  it('offers customer contacts the inspection report', () => {
    expect(entries('customer_contact')).toEqual(['/inspection-reports:inspectionReports']);
  });
});
