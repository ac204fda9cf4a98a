import type { LocalisedText } from '../lifecycle/types.js';
import type { ModeImplications } from '../service-mode/rules.js';
import type { GeneratedTask } from './checklists.js';
import type { LocalDate } from './dates.js';
import { addPeriods, minDate, periodEnd, periodOf } from './dates.js';

/**
 * The quality monitoring a service mode implies (质量监控方式), recorded simply as dated project
 * tasks (the quality issue deepens them): periodic checks (定期检查) and on-site return visits (现场
 * 回访) every quarter, phone return visits (电话回访) and on-site management reviews (现场管理) every
 * month, over the service period.
 */
export const QUALITY_ACTIVITIES = [
  'periodic_check',
  'on_site_return_visit',
  'phone_return_visit',
  'on_site_management',
] as const;
export type QualityActivity = (typeof QUALITY_ACTIVITIES)[number];

/** Months between two of the same activity. */
export const QUALITY_EVERY_MONTHS: Readonly<Record<QualityActivity, number>> = {
  periodic_check: 3,
  on_site_return_visit: 3,
  phone_return_visit: 1,
  on_site_management: 1,
};

const TITLES: Readonly<Record<QualityActivity, LocalisedText>> = {
  periodic_check: { 'zh-CN': '定期检查', en: 'Periodic check' },
  on_site_return_visit: { 'zh-CN': '现场回访', en: 'On-site return visit' },
  phone_return_visit: { 'zh-CN': '电话回访', en: 'Phone return visit' },
  on_site_management: { 'zh-CN': '现场管理检查', en: 'On-site management review' },
};

const FLAG: Readonly<Record<QualityActivity, keyof ModeImplications['qualityMonitoring']>> = {
  periodic_check: 'periodicChecks',
  on_site_return_visit: 'onSiteReturnVisits',
  phone_return_visit: 'phoneReturnVisits',
  on_site_management: 'onSiteManagement',
};

export const qualityTaskKey = (a: QualityActivity) => `quality.${a}`;

/**
 * The quality tasks of a mode over `from`–`to` (the service period, or what is left of it): each
 * activity the mode calls for, once per block of its months starting with the month of `from`,
 * due on the last day of the block (or on `to` when that comes first). `period` is the block's
 * first month, so regenerating after a change of mode finds the same tasks.
 */
export function qualitySchedule(
  qm: ModeImplications['qualityMonitoring'],
  from: LocalDate,
  to: LocalDate,
): GeneratedTask[] {
  if (to < from) return [];
  const out: GeneratedTask[] = [];
  const last = periodOf(to);
  for (const activity of QUALITY_ACTIVITIES) {
    if (!qm[FLAG[activity]]) continue;
    const every = QUALITY_EVERY_MONTHS[activity];
    for (let p = periodOf(from); p <= last; p = addPeriods(p, every)) {
      out.push({
        templateKey: qualityTaskKey(activity),
        period: p,
        phase: 'implementation',
        category: 'quality',
        title: TITLES[activity],
        description: null,
        dueDate: minDate(periodEnd(addPeriods(p, every - 1)), to),
        owner: { kind: 'customer_manager' },
      });
    }
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.templateKey.localeCompare(b.templateKey));
}
