import { describe, expect, it } from 'vitest';
import { BUSINESS_LINES, DEFAULT_SERVICE_MODE_RULES as RULES, RENEWAL_STATUSES } from './rules.js';
import type { ModeImplications, ProjectModeFacts, ServiceModeRule } from './rules.js';
import { suggestServiceMode, validateModeRules } from './suggest.js';
import type { ModeRuleProblem } from './suggest.js';

const M = 1_000_000;

/** A medium in-warranty project with our equipment, first term: the plainest case. */
const base: ProjectModeFacts = {
  businessLine: 'other',
  contractValue: 8 * M,
  inWarranty: true,
  equipmentOurs: true,
  software: false,
  customerSelfMaintains: false,
  renewal: 'first_term',
  soldThroughReseller: false,
};
const facts = (over: Partial<ProjectModeFacts>): ProjectModeFacts => ({ ...base, ...over });
const suggest = (over: Partial<ProjectModeFacts>) => suggestServiceMode(RULES, facts(over));

describe('every row of the service-mode table', () => {
  it.each<[string, Partial<ProjectModeFacts>, string, string, string]>([
    [
      '驻场 业务支撑: urban traffic over 30 M',
      { businessLine: 'urban_traffic', contractValue: 35 * M },
      'on_site',
      'business_support',
      'business_support_urban_traffic',
    ],
    [
      '驻场 业务支撑: BRT turnkey over 50 M',
      { businessLine: 'brt_turnkey', contractValue: 60 * M },
      'on_site',
      'business_support',
      'business_support_brt_turnkey',
    ],
    [
      '驻场 服务提供: equipment long in service',
      { inWarranty: false },
      'on_site',
      'service_provision',
      'service_provision_out_of_warranty',
    ],
    [
      '驻场 服务提供: equipment not ours',
      { equipmentOurs: false },
      'on_site',
      'service_provision',
      'service_provision_not_our_equipment',
    ],
    [
      '驻场 设备维护: in warranty, medium size',
      {},
      'on_site',
      'equipment_maintenance',
      'equipment_maintenance_in_warranty',
    ],
    [
      '驻场 技术保障: software project',
      { software: true },
      'on_site',
      'technical_support',
      'technical_support_software',
    ],
    [
      '远端 技术保障: customer maintains it',
      { customerSelfMaintains: true },
      'remote',
      'technical_support',
      'remote_customer_maintains',
    ],
    [
      '远端 技术保障: not renewed',
      { renewal: 'not_renewed' },
      'remote',
      'technical_support',
      'remote_not_renewed',
    ],
    [
      '远端 代理商: sold through a reseller',
      { businessLine: 'urban_traffic', soldThroughReseller: true },
      'remote',
      'reseller',
      'reseller',
    ],
  ])('%s', (_row, over, mode, variant, ruleKey) => {
    expect(suggest(over)).toMatchObject({ mode, variant, ruleKey });
  });
});

describe('what each mode implies (staffing, supplies, quality monitoring)', () => {
  const q = (
    periodicChecks: boolean,
    onSiteReturnVisits: boolean,
    phoneReturnVisits: boolean,
    onSiteManagement: boolean,
  ) => ({ periodicChecks, onSiteReturnVisits, phoneReturnVisits, onSiteManagement });
  const s = (spares: boolean, consumables: boolean, repairCosts: boolean) => ({
    spares,
    consumables,
    repairCosts,
  });
  it.each<[string, Partial<ProjectModeFacts>, ModeImplications]>([
    [
      'business support',
      { businessLine: 'urban_traffic', contractValue: 35 * M },
      {
        customerManager: true,
        subcontractor: true,
        supplies: s(true, true, true),
        qualityMonitoring: q(false, false, false, true),
      },
    ],
    [
      'service provision',
      { equipmentOurs: false },
      {
        customerManager: true,
        subcontractor: true,
        supplies: s(false, false, false),
        qualityMonitoring: q(false, false, false, true),
      },
    ],
    [
      'equipment maintenance',
      {},
      {
        customerManager: false,
        subcontractor: true,
        supplies: s(true, false, true),
        qualityMonitoring: q(true, true, false, false),
      },
    ],
    [
      'on-site technical support',
      { software: true },
      {
        customerManager: true,
        subcontractor: false,
        supplies: s(false, false, false),
        qualityMonitoring: q(false, false, false, true),
      },
    ],
    [
      'remote technical support',
      { renewal: 'not_renewed' },
      {
        customerManager: false,
        subcontractor: false,
        supplies: s(false, false, false),
        qualityMonitoring: q(false, true, true, false),
      },
    ],
    [
      'reseller',
      { soldThroughReseller: true },
      {
        customerManager: false,
        subcontractor: false,
        supplies: s(false, false, false),
        qualityMonitoring: q(false, true, true, false),
      },
    ],
  ])('%s', (_n, over, implies) => {
    expect(suggest(over)?.implies).toEqual(implies);
  });

  it('rules of the same mode and variant imply the same', () => {
    for (const a of RULES)
      for (const b of RULES) {
        if (a.mode === b.mode && a.variant === b.variant) expect(a.implies).toEqual(b.implies);
      }
  });
});

describe('the issue examples and the thresholds', () => {
  it.each<[string, Partial<ProjectModeFacts>, string]>([
    [
      'urban traffic 35 M → on-site business support',
      { businessLine: 'urban_traffic', contractValue: 35 * M },
      'business_support',
    ],
    [
      'BRT turnkey 45 M → not business support',
      { businessLine: 'brt_turnkey', contractValue: 45 * M },
      'equipment_maintenance',
    ],
    [
      'BRT turnkey 60 M → business support',
      { businessLine: 'brt_turnkey', contractValue: 60 * M },
      'business_support',
    ],
    [
      'urban traffic exactly 30 M → not (over 30 M)',
      { businessLine: 'urban_traffic', contractValue: 30 * M },
      'equipment_maintenance',
    ],
    [
      'urban traffic 30 M + 1 yuan',
      { businessLine: 'urban_traffic', contractValue: 30 * M + 1 },
      'business_support',
    ],
    [
      'urban traffic 30 M + 1 fen',
      { businessLine: 'urban_traffic', contractValue: 30 * M + 0.01 },
      'business_support',
    ],
    [
      'BRT turnkey exactly 50 M → not (over 50 M)',
      { businessLine: 'brt_turnkey', contractValue: 50 * M },
      'equipment_maintenance',
    ],
    [
      'BRT turnkey 50 M + 1 yuan',
      { businessLine: 'brt_turnkey', contractValue: 50 * M + 1 },
      'business_support',
    ],
    [
      'BRT turnkey 35 M: the urban threshold does not apply',
      { businessLine: 'brt_turnkey', contractValue: 35 * M },
      'equipment_maintenance',
    ],
    [
      'other transport 100 M: no size rule',
      { businessLine: 'transport', contractValue: 100 * M },
      'equipment_maintenance',
    ],
    [
      'urban traffic 35 M out of warranty: size wins',
      { businessLine: 'urban_traffic', contractValue: 35 * M, inWarranty: false },
      'business_support',
    ],
    [
      'urban traffic 35 M software: size wins',
      { businessLine: 'urban_traffic', contractValue: 35 * M, software: true },
      'business_support',
    ],
  ])('%s', (_n, over, variant) => {
    expect(suggest(over)?.variant).toBe(variant);
  });
});

describe('precedence between rows', () => {
  it.each<[string, Partial<ProjectModeFacts>, string]>([
    [
      'a large project not renewed goes remote',
      { businessLine: 'urban_traffic', contractValue: 80 * M, renewal: 'not_renewed' },
      'remote_not_renewed',
    ],
    [
      'a large project the customer maintains goes remote',
      { businessLine: 'brt_turnkey', contractValue: 80 * M, customerSelfMaintains: true },
      'remote_customer_maintains',
    ],
    [
      'a reseller order the customer maintains: reseller',
      { soldThroughReseller: true, customerSelfMaintains: true },
      'reseller',
    ],
    [
      'software on equipment not ours: technical support',
      { software: true, equipmentOurs: false },
      'technical_support_software',
    ],
    [
      'not ours and out of warranty: service provision (not ours)',
      { equipmentOurs: false, inWarranty: false },
      'service_provision_not_our_equipment',
    ],
    [
      'renewed, in warranty: equipment maintenance',
      { renewal: 'renewed' },
      'equipment_maintenance_in_warranty',
    ],
  ])('%s', (_n, over, ruleKey) => {
    expect(suggest(over)?.ruleKey).toBe(ruleKey);
  });

  it('gives the reason in both languages', () => {
    expect(suggest({ businessLine: 'urban_traffic', contractValue: 35 * M })?.reason).toEqual({
      'zh-CN': '城交大项目，项目建设额度超过3000万元：驻场业务支撑，配置专职客户经理和分包商',
      en: 'Large urban-traffic project over 30 M CNY: on-site business support with a dedicated customer manager and a subcontractor',
    });
  });

  it('the defaults suggest a mode for every combination of facts', () => {
    const bools = [true, false];
    let n = 0;
    for (const businessLine of BUSINESS_LINES)
      for (const contractValue of [0, 30 * M, 30 * M + 1, 50 * M, 50 * M + 1])
        for (const renewal of RENEWAL_STATUSES)
          for (const inWarranty of bools)
            for (const equipmentOurs of bools)
              for (const software of bools)
                for (const customerSelfMaintains of bools)
                  for (const soldThroughReseller of bools) {
                    const f = {
                      businessLine,
                      contractValue,
                      renewal,
                      inWarranty,
                      equipmentOurs,
                      software,
                      customerSelfMaintains,
                      soldThroughReseller,
                    };
                    expect(suggestServiceMode(RULES, f), JSON.stringify(f)).not.toBeNull();
                    n++;
                  }
    expect(n).toBe(4 * 5 * 3 * 32);
  });
});

describe('the rules are data', () => {
  it('an administrator can raise the urban threshold to 40 M', () => {
    const edited = RULES.map((r): ServiceModeRule =>
      r.key === 'business_support_urban_traffic'
        ? {
            ...r,
            when: [
              { fact: 'businessLine', op: 'in', values: ['urban_traffic'] },
              { fact: 'contractValue', op: 'gt', value: 40 * M },
            ],
          }
        : r,
    );
    expect(validateModeRules(edited)).toEqual([]);
    expect(
      suggestServiceMode(edited, facts({ businessLine: 'urban_traffic', contractValue: 35 * M }))?.variant,
    ).toBe('equipment_maintenance');
    expect(
      suggestServiceMode(edited, facts({ businessLine: 'urban_traffic', contractValue: 45 * M }))?.variant,
    ).toBe('business_support');
  });

  it.each<[string, 'gte' | 'lt' | 'lte', number, boolean]>([
    ['gte at the threshold', 'gte', 30 * M, true],
    ['lt at the threshold', 'lt', 30 * M, false],
    ['lte at the threshold', 'lte', 30 * M, true],
  ])('%s', (_n, op, value, applies) => {
    const rule: ServiceModeRule = {
      ...(RULES[0] as ServiceModeRule),
      key: 'x',
      when: [{ fact: 'contractValue', op, value }],
    };
    expect(suggestServiceMode([rule], facts({ contractValue: 30 * M }))?.ruleKey ?? null).toBe(
      applies ? 'x' : null,
    );
  });

  it('suggests nothing when no rule applies', () => {
    expect(suggestServiceMode([], base)).toBeNull();
    expect(suggestServiceMode(RULES.slice(0, 3), base)).toBeNull();
  });

  it('survive JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(RULES))).toEqual(RULES);
  });
});

describe('validateModeRules', () => {
  const first = RULES[0] as ServiceModeRule;
  const one = (over: Record<string, unknown>) => [{ ...first, ...over } as unknown as ServiceModeRule];

  it('accepts the defaults', () => {
    expect(validateModeRules(RULES)).toEqual([]);
  });
  it.each<[string, readonly ServiceModeRule[], ModeRuleProblem]>([
    ['no rules', [], { code: 'no_rules' }],
    ['blank key', one({ key: ' ' }), { code: 'blank_key', index: 0 }],
    ['duplicate key', [first, first], { code: 'duplicate_key', rule: 'reseller' }],
    ['unknown mode', one({ mode: 'hybrid' }), { code: 'unknown_mode', rule: 'reseller' }],
    [
      'business support is not remote',
      one({ variant: 'business_support' }),
      { code: 'variant_not_of_mode', rule: 'reseller' },
    ],
    ['reseller is not on site', one({ mode: 'on_site' }), { code: 'variant_not_of_mode', rule: 'reseller' }],
    [
      'unknown fact',
      one({ when: [{ fact: 'colour', op: 'is', value: true }] }),
      { code: 'bad_condition', rule: 'reseller', index: 0 },
    ],
    [
      'operator of another kind',
      one({ when: [{ fact: 'contractValue', op: 'in', values: ['1'] }] }),
      { code: 'bad_condition', rule: 'reseller', index: 0 },
    ],
    [
      'threshold as text',
      one({ when: [{ fact: 'contractValue', op: 'gt', value: '30000000' }] }),
      { code: 'bad_condition', rule: 'reseller', index: 0 },
    ],
    [
      'negative threshold',
      one({ when: [{ fact: 'contractValue', op: 'gt', value: -1 }] }),
      { code: 'bad_condition', rule: 'reseller', index: 0 },
    ],
    [
      'empty list of lines',
      one({ when: [{ fact: 'businessLine', op: 'in', values: [] }] }),
      { code: 'bad_condition', rule: 'reseller', index: 0 },
    ],
    [
      'boolean fact compared to text',
      one({ when: [{ fact: 'software', op: 'is', value: 'yes' }] }),
      { code: 'bad_condition', rule: 'reseller', index: 0 },
    ],
    [
      'no English reason',
      one({ reason: { 'zh-CN': '代理商', en: '' } }),
      { code: 'blank_reason', rule: 'reseller' },
    ],
    [
      'an implication missing',
      one({ implies: { ...first.implies, supplies: { spares: false, consumables: false } } }),
      { code: 'bad_implies', rule: 'reseller' },
    ],
    [
      'a rule after a catch-all',
      [
        { ...first, when: [] },
        { ...first, key: 'later' },
      ],
      { code: 'shadowed', rule: 'later', by: 'reseller' },
    ],
  ])('%s', (_n, rules, problem) => {
    expect(validateModeRules(rules)).toContainEqual(problem);
  });
});
