import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_MODE_RULES, suggestServiceMode } from '../service-mode/index.js';
import type { ModeImplications } from '../service-mode/index.js';
import {
  handoverFollowUps,
  handoverStanding,
  handoverStartDate,
  inStartingView,
  modeFactsOf,
} from './handover.js';
import type { ProjectContractFacts } from './handover.js';

const M = 1_000_000;

describe('the handover window (T−30)', () => {
  it('starts 30 days before the handover date', () => {
    expect(handoverStartDate('2026-07-01')).toBe('2026-06-01');
  });

  it.each<[string, string, boolean, string, boolean]>([
    ['in 45 days', '2026-07-15', false, 'upcoming', true],
    ['in 61 days', '2026-07-31', false, 'upcoming', false],
    ['in 25 days', '2026-06-25', false, 'in_window', true],
    ['today', '2026-05-31', false, 'in_window', true],
    ['yesterday', '2026-05-30', false, 'overdue', false],
    ['decided', '2026-06-25', true, 'decided', false],
  ])('a handover %s', (_n, planned, decided, standing, starting) => {
    const today = '2026-05-31';
    expect(handoverStanding({ plannedDate: planned, decided }, today)).toBe(standing);
    expect(inStartingView({ plannedDate: planned, decided }, today)).toBe(starting);
  });
});

const project: ProjectContractFacts = {
  businessLine: 'urban_traffic',
  contractValue: 35 * M,
  deliveryType: 'own_build',
  warrantyEnd: '2027-12-31',
  customerSelfMaintains: false,
  viaReseller: false,
  renewalStatus: 'first_term',
};

describe('the mode facts of a project', () => {
  it('reads warranty on the handover date, make from the delivery type, software from the line', () => {
    expect(modeFactsOf(project, '2026-06-01')).toEqual({
      facts: {
        businessLine: 'urban_traffic',
        contractValue: 35 * M,
        inWarranty: true,
        equipmentOurs: true,
        software: false,
        customerSelfMaintains: false,
        renewal: 'first_term',
        soldThroughReseller: false,
      },
      assumed: [],
    });
    expect(modeFactsOf(project, '2028-01-01').facts.inWarranty).toBe(false);
    expect(modeFactsOf(project, '2027-12-31').facts.inWarranty).toBe(true);
    expect(modeFactsOf({ ...project, deliveryType: 'third_party' }, '2026-06-01').facts.equipmentOurs).toBe(
      false,
    );
    expect(modeFactsOf({ ...project, businessLine: 'software' }, '2026-06-01').facts.software).toBe(true);
  });

  it('says which facts it assumed', () => {
    const r = modeFactsOf(
      { ...project, businessLine: null, contractValue: null, warrantyEnd: null, deliveryType: null },
      '2026-06-01',
    );
    expect(r.assumed).toEqual(['businessLine', 'contractValue', 'inWarranty', 'equipmentOurs']);
    expect(r.facts).toMatchObject({
      businessLine: 'other',
      contractValue: 0,
      inWarranty: false,
      equipmentOurs: true,
    });
  });

  it.each<[string, Partial<ProjectContractFacts>, string]>([
    ['城交 35 M built by us', {}, 'business_support_urban_traffic'],
    [
      '交运 BRT 总包 60 M',
      { businessLine: 'brt_turnkey', contractValue: 60 * M },
      'business_support_brt_turnkey',
    ],
    ['software', { businessLine: 'software', contractValue: 2 * M }, 'technical_support_software'],
    [
      'third-party equipment',
      { businessLine: 'other', contractValue: 3 * M, deliveryType: 'third_party' },
      'service_provision_not_our_equipment',
    ],
    [
      'warranty over',
      { businessLine: 'transport', contractValue: 3 * M, warrantyEnd: '2025-12-31' },
      'service_provision_out_of_warranty',
    ],
    [
      'in warranty, medium',
      { businessLine: 'transport', contractValue: 8 * M },
      'equipment_maintenance_in_warranty',
    ],
    ['customer maintains', { customerSelfMaintains: true }, 'remote_customer_maintains'],
    ['not renewed', { renewalStatus: 'not_renewed' }, 'remote_not_renewed'],
    ['reseller', { viaReseller: true }, 'reseller'],
  ])('%s → %s', (_n, over, ruleKey) => {
    expect(
      suggestServiceMode(DEFAULT_SERVICE_MODE_RULES, modeFactsOf({ ...project, ...over }, '2026-06-01').facts)
        ?.ruleKey,
    ).toBe(ruleKey);
  });
});

describe('the follow-up tasks of a chosen mode', () => {
  const implies = (customerManager: boolean, subcontractor: boolean): ModeImplications => ({
    customerManager,
    subcontractor,
    supplies: { spares: false, consumables: false, repairCosts: false },
    qualityMonitoring: {
      periodicChecks: false,
      onSiteReturnVisits: false,
      phoneReturnVisits: false,
      onSiteManagement: true,
    },
  });
  it.each<[string, boolean, boolean, [string, string, string][]]>([
    [
      'customer manager and subcontractor',
      true,
      true,
      [
        ['handover.assign_customer_manager', '2026-07-01', 'service_lead'],
        ['handover.decide_subcontractor', '2026-07-15', 'customer_manager'],
        ['handover.subcontractor_tender', '2026-07-31', 'customer_manager'],
      ],
    ],
    [
      'customer manager only',
      true,
      false,
      [['handover.assign_customer_manager', '2026-07-01', 'service_lead']],
    ],
    [
      'subcontractor only',
      false,
      true,
      [
        ['handover.decide_subcontractor', '2026-07-15', 'customer_manager'],
        ['handover.subcontractor_tender', '2026-07-31', 'customer_manager'],
      ],
    ],
    ['neither (remote)', false, false, []],
  ])('%s', (_n, cm, sub, expected) => {
    const tasks = handoverFollowUps(implies(cm, sub), '2026-07-01');
    expect(tasks.map((x) => [x.templateKey, x.dueDate, x.owner.kind])).toEqual(expected);
    expect(tasks.every((x) => x.phase === 'handover' && x.category === 'handover')).toBe(true);
  });
});
