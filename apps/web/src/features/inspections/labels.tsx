import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { INSPECTION_CI_TYPE_LABELS, normalRangeText } from '@opsdesk/contracts';
import type { InspectionItem, InspectionSeverity, Lang } from '@opsdesk/contracts';
import { useCiTypes } from '../ci-types/api/useCiTypes';

/** A text stored in both languages (templates, findings), in the UI's language. */
export type Localised = { 'zh-CN': string; en: string };

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** Labels of inspection values, shared by the field-work pages. */
export function useInspectionLabels() {
  const { t } = useTranslation('inspections');
  const lang = useLang();
  const { byKey } = useCiTypes();
  return {
    lang,
    text: (l: Localised | null | undefined) => (l ? l[lang] || l['zh-CN'] : ''),
    /** A CI type by key: the tenant's name for it, else the inspection domain's, else the key. */
    ciType: (key: string) =>
      byKey.get(key)?.label[lang] ??
      (INSPECTION_CI_TYPE_LABELS as Record<string, Localised | undefined>)[key]?.[lang] ??
      key,
    normalRange: (item: Pick<InspectionItem, 'reading'>) => normalRangeText(item.reading)?.[lang] ?? null,
    severity: (s: InspectionSeverity) => t(`severity.${s}`),
  };
}

const SEVERITY_COLORS: Record<InspectionSeverity, string> = {
  info: 'default',
  minor: 'gold',
  major: 'orange',
  critical: 'red',
};

export function SeverityTag({ severity }: { severity: InspectionSeverity }) {
  const { t } = useTranslation('inspections');
  return <Tag color={SEVERITY_COLORS[severity]}>{t(`severity.${severity}`)}</Tag>;
}

const STATUS_COLORS: Record<string, string> = {
  open: 'blue',
  in_progress: 'geekblue',
  submitted: 'green',
  cancelled: 'default',
};

export function TaskStatusTag({ status, overdue }: { status: string; overdue?: boolean }) {
  const { t } = useTranslation('inspections');
  return (
    <>
      <Tag color={STATUS_COLORS[status] ?? 'default'}>
        {t(`status.${status as 'open'}`, { defaultValue: status })}
      </Tag>
      {overdue && <Tag color="red">{t('overdue')}</Tag>}
    </>
  );
}
