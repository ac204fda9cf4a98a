import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_MODE_RULES } from '../service-mode/index.js';
import { qualitySchedule } from './quality.js';

const qmOf = (variant: string, mode = 'on_site') =>
  DEFAULT_SERVICE_MODE_RULES.find((r) => r.variant === variant && r.mode === mode)!.implies.qualityMonitoring;
const count = (tasks: { templateKey: string }[]) =>
  tasks.reduce<Record<string, number>>(
    (acc, x) => ({ ...acc, [x.templateKey]: (acc[x.templateKey] ?? 0) + 1 }),
    {},
  );

describe('the quality-monitoring schedule each mode implies over a year', () => {
  it.each<[string, string, string, Record<string, number>]>([
    [
      'on-site business support: on-site management monthly',
      'business_support',
      'on_site',
      { 'quality.on_site_management': 12 },
    ],
    [
      'on-site service provision: on-site management monthly',
      'service_provision',
      'on_site',
      { 'quality.on_site_management': 12 },
    ],
    [
      'equipment maintenance: periodic checks and on-site visits quarterly',
      'equipment_maintenance',
      'on_site',
      { 'quality.periodic_check': 4, 'quality.on_site_return_visit': 4 },
    ],
    [
      'on-site technical support: on-site management monthly',
      'technical_support',
      'on_site',
      { 'quality.on_site_management': 12 },
    ],
    [
      'remote technical support: on-site visits quarterly, phone visits monthly',
      'technical_support',
      'remote',
      { 'quality.on_site_return_visit': 4, 'quality.phone_return_visit': 12 },
    ],
    [
      'reseller: on-site visits quarterly, phone visits monthly',
      'reseller',
      'remote',
      { 'quality.on_site_return_visit': 4, 'quality.phone_return_visit': 12 },
    ],
  ])('%s', (_n, variant, mode, expected) => {
    expect(count(qualitySchedule(qmOf(variant, mode), '2026-01-01', '2026-12-31'))).toEqual(expected);
  });

  it('dates the tasks at the end of each block, never past the end of service', () => {
    const tasks = qualitySchedule(qmOf('equipment_maintenance'), '2026-02-15', '2026-09-30');
    expect(
      tasks.filter((x) => x.templateKey === 'quality.periodic_check').map((x) => [x.period, x.dueDate]),
    ).toEqual([
      ['2026-02', '2026-04-30'],
      ['2026-05', '2026-07-31'],
      ['2026-08', '2026-09-30'],
    ]);
    expect(tasks.every((x) => x.category === 'quality' && x.owner.kind === 'customer_manager')).toBe(true);
    expect(qualitySchedule(qmOf('reseller', 'remote'), '2026-02-01', '2026-01-31')).toEqual([]);
  });
});
