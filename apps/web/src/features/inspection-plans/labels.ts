import { useTranslation } from 'react-i18next';
import type { InspectionPlan } from './api/plans.api';
import { useInspectionLabels } from '../inspections/labels';

/** A plan's schedule and selection in words: `每月 15 日`, `筛选：交换机；标签 core`. */
export function usePlanLabels() {
  const { t } = useTranslation('inspectionPlans');
  const labels = useInspectionLabels();
  const schedule = (s: InspectionPlan['schedule']) => {
    switch (s.kind) {
      case 'monthly':
        return t('schedule.monthlyText', { day: s.day });
      case 'weekly':
        return t('schedule.weeklyText', {
          weekday: t(`schedule.weekdays.${String(s.weekday) as '1'}`, { defaultValue: String(s.weekday) }),
        });
      case 'quarterly':
        return t('schedule.quarterlyText', { month: s.month, day: s.day });
      case 'cron':
        return t('schedule.cronText', { expression: s.expression });
    }
  };
  const selection = (s: InspectionPlan['selection']) => {
    if (s.mode === 'explicit') return t('selection.explicitText', { count: s.ciIds.length });
    const parts = [
      ...(s.filter.ciTypeKeys?.length ? [s.filter.ciTypeKeys.map(labels.ciType).join('、')] : []),
      ...(s.filter.siteIds?.length ? [`${t('selection.sites')} ×${s.filter.siteIds.length}`] : []),
      ...(s.filter.tags?.length ? [`${t('selection.tags')} ${s.filter.tags.join('、')}`] : []),
    ];
    return parts.length ? t('selection.filterText', { criteria: parts.join('；') }) : t('selection.anyCi');
  };
  return { schedule, selection, text: labels.text };
}
