import type { LocalisedText } from '../lifecycle/types.js';

/**
 * Service modes (服务模式) of 运维服务项目服务管理程序, as data an administrator can edit. The rules
 * are evaluated in order; the first whose conditions all hold suggests the mode at handover.
 * The defaults mirror the table of the founding team's `shared/design/service-modes.md`.
 */
export const SERVICE_MODES = ['on_site', 'remote'] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

export const SERVICE_MODE_VARIANTS = [
  'business_support',
  'service_provision',
  'equipment_maintenance',
  'technical_support',
  'reseller',
] as const;
export type ServiceModeVariant = (typeof SERVICE_MODE_VARIANTS)[number];

/** The variants each mode has (驻场: 业务支撑 / 服务提供 / 设备维护 / 技术保障; 远端: 技术保障 / 代理商). */
export const VARIANTS_BY_MODE: Readonly<Record<ServiceMode, readonly ServiceModeVariant[]>> = {
  on_site: ['business_support', 'service_provision', 'equipment_maintenance', 'technical_support'],
  remote: ['technical_support', 'reseller'],
};

/**
 * Business lines the default rules know: 城交 (urban traffic), 交运 BRT 总包 (BRT turnkey), other
 * 交运 (transport) work, and the rest. The fact is a free string so an administrator can add lines.
 */
export const BUSINESS_LINES = ['urban_traffic', 'brt_turnkey', 'transport', 'other'] as const;

/** Where the service contract stands: first term, renewed, or not renewed (不再续保). */
export const RENEWAL_STATUSES = ['first_term', 'renewed', 'not_renewed'] as const;
export type RenewalStatus = (typeof RENEWAL_STATUSES)[number];

/** What the rules look at, known at handover. */
export interface ProjectModeFacts {
  businessLine: string;
  /** Contract (建设) value in CNY (yuan). */
  contractValue: number;
  /** The project's equipment is within its warranty (质保期内). Out of warranty stands for "long in service". */
  inWarranty: boolean;
  /** The equipment is made by us (the provider). */
  equipmentOurs: boolean;
  /** Mostly a software project (侧重于软件项目). */
  software: boolean;
  /** The customer organises the maintenance itself (客户自己组织维护). */
  customerSelfMaintains: boolean;
  renewal: RenewalStatus;
  /** Sold through a reseller (代理商), e.g. signal-controller orders. */
  soldThroughReseller: boolean;
}

export const BOOLEAN_FACTS = [
  'inWarranty',
  'equipmentOurs',
  'software',
  'customerSelfMaintains',
  'soldThroughReseller',
] as const;
export type BooleanFact = (typeof BOOLEAN_FACTS)[number];

/** One test on the facts. `in` compares strings exactly; thresholds are in CNY. */
export type ModeCondition =
  | { fact: BooleanFact; op: 'is'; value: boolean }
  | { fact: 'businessLine' | 'renewal'; op: 'in'; values: readonly string[] }
  | { fact: 'contractValue'; op: 'gt' | 'gte' | 'lt' | 'lte'; value: number };

/** What a mode means for staffing, costs and quality monitoring: the handover's tasks come from it. */
export interface ModeImplications {
  customerManager: boolean;
  subcontractor: boolean;
  supplies: { spares: boolean; consumables: boolean; repairCosts: boolean };
  qualityMonitoring: {
    periodicChecks: boolean;
    onSiteReturnVisits: boolean;
    phoneReturnVisits: boolean;
    onSiteManagement: boolean;
  };
}

export interface ServiceModeRule {
  key: string;
  /** All must hold; an empty list always holds (a catch-all). */
  when: readonly ModeCondition[];
  mode: ServiceMode;
  variant: ServiceModeVariant;
  reason: LocalisedText;
  implies: ModeImplications;
}

const M = 1_000_000;

const NO_SUPPLIES = { spares: false, consumables: false, repairCosts: false } as const;
const ON_SITE_MANAGEMENT = {
  periodicChecks: false,
  onSiteReturnVisits: false,
  phoneReturnVisits: false,
  onSiteManagement: true,
} as const;
const RETURN_VISITS = {
  periodicChecks: false,
  onSiteReturnVisits: true,
  phoneReturnVisits: true,
  onSiteManagement: false,
} as const;

const BUSINESS_SUPPORT: ModeImplications = {
  customerManager: true,
  subcontractor: true,
  supplies: { spares: true, consumables: true, repairCosts: true },
  qualityMonitoring: ON_SITE_MANAGEMENT,
};
const SERVICE_PROVISION: ModeImplications = {
  customerManager: true,
  subcontractor: true,
  supplies: NO_SUPPLIES,
  qualityMonitoring: ON_SITE_MANAGEMENT,
};
const EQUIPMENT_MAINTENANCE: ModeImplications = {
  customerManager: false,
  subcontractor: true,
  supplies: { spares: true, consumables: false, repairCosts: true },
  qualityMonitoring: {
    periodicChecks: true,
    onSiteReturnVisits: true,
    phoneReturnVisits: false,
    onSiteManagement: false,
  },
};
const ON_SITE_TECHNICAL_SUPPORT: ModeImplications = {
  customerManager: true,
  subcontractor: false,
  supplies: NO_SUPPLIES,
  qualityMonitoring: ON_SITE_MANAGEMENT,
};
const REMOTE: ModeImplications = {
  customerManager: false,
  subcontractor: false,
  supplies: NO_SUPPLIES,
  qualityMonitoring: RETURN_VISITS,
};

/**
 * The default rules, one or more per row of the table in service-modes.md, most specific first:
 * remote cases (reseller, customer maintains, not renewed) win over size, size over software,
 * software over equipment age and make; in warranty with our equipment is equipment maintenance.
 * Thresholds are strict ("超过": over 30 M, over 50 M). The defaults cover every combination of
 * facts, so a suggestion is always made; an edited list may not, and then none is.
 */
export const DEFAULT_SERVICE_MODE_RULES: readonly ServiceModeRule[] = [
  {
    key: 'reseller',
    when: [{ fact: 'soldThroughReseller', op: 'is', value: true }],
    mode: 'remote',
    variant: 'reseller',
    reason: {
      'zh-CN': '代理商销售的项目（如城交代理商的信号机订单）：代理商维护，我方提供技术支持和故障件维修',
      en: 'Sold through a reseller (e.g. signal-controller orders): the reseller maintains it; we give technical support and repair faulty parts',
    },
    implies: REMOTE,
  },
  {
    key: 'remote_customer_maintains',
    when: [{ fact: 'customerSelfMaintains', op: 'is', value: true }],
    mode: 'remote',
    variant: 'technical_support',
    reason: {
      'zh-CN': '客户自己组织维护的项目：远端技术保障，仅提供技术支持和故障件维修，由其他项目客户经理兼管',
      en: "The customer maintains it: remote technical support and repair of faulty parts only, covered by another project's customer manager",
    },
    implies: REMOTE,
  },
  {
    key: 'remote_not_renewed',
    when: [{ fact: 'renewal', op: 'in', values: ['not_renewed'] }],
    mode: 'remote',
    variant: 'technical_support',
    reason: {
      'zh-CN': '不再续保的项目：远端技术保障，仅提供技术支持和故障件维修',
      en: 'The contract is not renewed: remote technical support and repair of faulty parts only',
    },
    implies: REMOTE,
  },
  {
    key: 'business_support_urban_traffic',
    when: [
      { fact: 'businessLine', op: 'in', values: ['urban_traffic'] },
      { fact: 'contractValue', op: 'gt', value: 30 * M },
    ],
    mode: 'on_site',
    variant: 'business_support',
    reason: {
      'zh-CN': '城交大项目，项目建设额度超过3000万元：驻场业务支撑，配置专职客户经理和分包商',
      en: 'Large urban-traffic project over 30 M CNY: on-site business support with a dedicated customer manager and a subcontractor',
    },
    implies: BUSINESS_SUPPORT,
  },
  {
    key: 'business_support_brt_turnkey',
    when: [
      { fact: 'businessLine', op: 'in', values: ['brt_turnkey'] },
      { fact: 'contractValue', op: 'gt', value: 50 * M },
    ],
    mode: 'on_site',
    variant: 'business_support',
    reason: {
      'zh-CN': '交运类大项目（BRT总包），项目建设额度超过5000万元：驻场业务支撑，配置专职客户经理和分包商',
      en: 'Large BRT turnkey project over 50 M CNY: on-site business support with a dedicated customer manager and a subcontractor',
    },
    implies: BUSINESS_SUPPORT,
  },
  {
    key: 'technical_support_software',
    when: [{ fact: 'software', op: 'is', value: true }],
    mode: 'on_site',
    variant: 'technical_support',
    reason: {
      'zh-CN': '侧重于软件的项目：驻场技术保障，由现场客户经理提供技术支持，不配置分包商',
      en: 'Mostly a software project: on-site technical support by the customer manager, no subcontractor',
    },
    implies: ON_SITE_TECHNICAL_SUPPORT,
  },
  {
    key: 'service_provision_not_our_equipment',
    when: [{ fact: 'equipmentOurs', op: 'is', value: false }],
    mode: 'on_site',
    variant: 'service_provision',
    reason: {
      'zh-CN': '设备非我司设备：驻场服务提供，只负责巡检和维护，不提供备件和设备维修费',
      en: 'The equipment is not ours: on-site service provision, inspections and maintenance only, no spares or repair costs',
    },
    implies: SERVICE_PROVISION,
  },
  {
    key: 'service_provision_out_of_warranty',
    when: [{ fact: 'inWarranty', op: 'is', value: false }],
    mode: 'on_site',
    variant: 'service_provision',
    reason: {
      'zh-CN': '设备运行时间较长（已过质保期）：驻场服务提供，只负责巡检和维护，不提供备件和设备维修费',
      en: 'Equipment long in service (out of warranty): on-site service provision, inspections and maintenance only, no spares or repair costs',
    },
    implies: SERVICE_PROVISION,
  },
  {
    key: 'equipment_maintenance_in_warranty',
    when: [{ fact: 'inWarranty', op: 'is', value: true }],
    mode: 'on_site',
    variant: 'equipment_maintenance',
    reason: {
      'zh-CN':
        '质保期内的中等规模项目：驻场设备维护，配置分包商，客户经理由其他项目兼任并定期沟通，提供备件和维修费用',
      en: "In warranty, medium size: on-site equipment maintenance with a subcontractor; another project's customer manager covers it; spares and repair costs provided",
    },
    implies: EQUIPMENT_MAINTENANCE,
  },
];
