import type { LocalisedText } from '../lifecycle/types.js';
import type { ModeImplications, ProjectModeFacts, RenewalStatus } from '../service-mode/rules.js';
import type { GeneratedTask } from './checklists.js';
import type { LocalDate } from './dates.js';
import { addDays } from './dates.js';

/**
 * The service handover (服务交接) of 运维服务项目服务管理程序 §4: 30 days before it the regional
 * manager learns the project and agrees the mode with the division manager; then the branch service
 * lead staffs a customer manager (when the mode has one), who decides whether a subcontractor is
 * needed and, if so, opens a tender request.
 */
export const HANDOVER_LEAD_DAYS = 30;
/** The cross-project view "handovers starting" looks this many days ahead. */
export const HANDOVER_VIEW_DAYS = 30;

/** Business lines of a project (城交, 交运 BRT 总包, other 交运, software, other). */
export const PROJECT_BUSINESS_LINES = [
  'urban_traffic',
  'brt_turnkey',
  'transport',
  'software',
  'other',
] as const;
export type ProjectBusinessLine = (typeof PROJECT_BUSINESS_LINES)[number];
/** Who built what is maintained: us (我司建设), or equipment by a third party (非我司设备). */
export const DELIVERY_TYPES = ['own_build', 'third_party'] as const;
export type DeliveryType = (typeof DELIVERY_TYPES)[number];

/** T−30: the day the handover work starts. */
export function handoverStartDate(plannedDate: LocalDate): LocalDate {
  return addDays(plannedDate, -HANDOVER_LEAD_DAYS);
}

export type HandoverStanding = 'upcoming' | 'in_window' | 'overdue' | 'decided';

/** Where a handover stands on `today`: decided, past its date undecided, inside its 30 days, or later. */
export function handoverStanding(
  h: { plannedDate: LocalDate; decided: boolean },
  today: LocalDate,
): HandoverStanding {
  if (h.decided) return 'decided';
  if (today > h.plannedDate) return 'overdue';
  if (today >= handoverStartDate(h.plannedDate)) return 'in_window';
  return 'upcoming';
}

/** Whether an undecided handover belongs in "handovers starting": its T−30 start is at most 30 days away (or passed) and its date is not. */
export function inStartingView(h: { plannedDate: LocalDate; decided: boolean }, today: LocalDate): boolean {
  return (
    !h.decided &&
    h.plannedDate >= today &&
    handoverStartDate(h.plannedDate) <= addDays(today, HANDOVER_VIEW_DAYS)
  );
}

/** What the mode rules look at, as a project records it. Unknown values are null. */
export interface ProjectContractFacts {
  businessLine: string | null;
  /** CNY; the API's decimal string turned into a number (exact enough for thresholds in millions). */
  contractValue: number | null;
  deliveryType: DeliveryType | null;
  warrantyEnd: LocalDate | null;
  customerSelfMaintains: boolean;
  viaReseller: boolean;
  renewalStatus: RenewalStatus;
}

export type AssumedFact = 'businessLine' | 'contractValue' | 'inWarranty' | 'equipmentOurs';

/**
 * The facts for `suggestServiceMode` of a project, judged on `asOf` (the handover date, else
 * today): in warranty when the warranty ends on or after that day; our equipment when we built it;
 * software when that is its business line. Unknown values take a stated default and are listed in
 * `assumed`, so the reason shown can say what it rests on.
 */
export function modeFactsOf(
  p: ProjectContractFacts,
  asOf: LocalDate,
): { facts: ProjectModeFacts; assumed: AssumedFact[] } {
  const assumed: AssumedFact[] = [];
  if (p.businessLine === null) assumed.push('businessLine');
  if (p.contractValue === null) assumed.push('contractValue');
  if (p.warrantyEnd === null) assumed.push('inWarranty');
  if (p.deliveryType === null) assumed.push('equipmentOurs');
  const businessLine = p.businessLine ?? 'other';
  return {
    facts: {
      businessLine,
      contractValue: p.contractValue ?? 0,
      inWarranty: p.warrantyEnd !== null && p.warrantyEnd >= asOf,
      equipmentOurs: p.deliveryType !== 'third_party',
      software: businessLine === 'software',
      customerSelfMaintains: p.customerSelfMaintains,
      renewal: p.renewalStatus,
      soldThroughReseller: p.viaReseller,
    },
    assumed,
  };
}

const t = (zh: string, en: string): LocalisedText => ({ 'zh-CN': zh, en });

export const HANDOVER_TASK_KEYS = {
  assignCustomerManager: 'handover.assign_customer_manager',
  decideSubcontractor: 'handover.decide_subcontractor',
  subcontractorTender: 'handover.subcontractor_tender',
} as const;

/**
 * The staffing tasks a chosen mode implies (§4.2–4.3): assign a customer manager by the handover
 * date (the branch service lead); decide on a subcontractor within 14 days after it (the customer
 * manager); and the subcontractor tender, awarded within 30 days after it. The tender task exists
 * as soon as the mode calls for a subcontractor; deciding that none is needed cancels it.
 */
export function handoverFollowUps(implies: ModeImplications, plannedDate: LocalDate): GeneratedTask[] {
  const out: GeneratedTask[] = [];
  const base = { period: '', phase: 'handover' as const, category: 'handover' as const, description: null };
  if (implies.customerManager) {
    out.push({
      ...base,
      templateKey: HANDOVER_TASK_KEYS.assignCustomerManager,
      title: t('确定并配备客户经理', 'Assign a customer manager'),
      dueDate: plannedDate,
      owner: { kind: 'service_lead' },
    });
  }
  if (implies.subcontractor) {
    out.push({
      ...base,
      templateKey: HANDOVER_TASK_KEYS.decideSubcontractor,
      title: t('确定是否需要配置分包商', 'Decide whether a subcontractor is needed'),
      dueDate: addDays(plannedDate, 14),
      owner: { kind: 'customer_manager' },
    });
    out.push({
      ...base,
      templateKey: HANDOVER_TASK_KEYS.subcontractorTender,
      title: t('发起分包商招标申请并定标', 'Run the subcontractor tender and award it'),
      dueDate: addDays(plannedDate, 30),
      owner: { kind: 'customer_manager' },
    });
  }
  return out;
}
