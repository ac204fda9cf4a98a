import { useTranslation } from 'react-i18next';
import { CI_STATUS_LABELS, RELATION_RULES } from '@opsdesk/contracts';
import type { AttributeDef, CiCategory, CiStatus, Lang, RelationType } from '@opsdesk/contracts';

type Label = { 'zh-CN': string; en: string };

/** Tag colours of the CI statuses. */
export const STATUS_COLORS: Record<CiStatus, string> = {
  planned: 'blue',
  in_use: 'green',
  maintenance: 'orange',
  faulty: 'red',
  retired: 'default',
};

/**
 * Labels of CMDB values in the UI language. Type, attribute, status and relation names are data
 * shared with the API and the import templates (contracts), so the screen says what the
 * spreadsheet says; categories and the rest are this feature's texts.
 */
export function useCmdbLabels() {
  const { t, i18n } = useTranslation(['cmdb', 'common']);
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const text = (l: Label | null | undefined) => (l ? l[lang] || l['zh-CN'] : '');
  return {
    lang,
    text,
    status: (s: CiStatus) => CI_STATUS_LABELS[s]?.[lang] ?? s,
    category: (c: CiCategory) => t(`cmdb:category.${c}`),
    type: (type: { label: Label } | null | undefined) => text(type?.label),
    /** How a relation reads from its `from` end (运行于), or from its `to` end (承载). */
    relation: (type: RelationType, fromTheOtherEnd = false) =>
      RELATION_RULES[type][fromTheOtherEnd ? 'inverseLabel' : 'label'][lang],
    /** `内存（GB）` / `Memory (GB)`: the label with its unit, as the import template heads it. */
    attribute: (def: Pick<AttributeDef, 'label' | 'unit'>) =>
      def.unit ? t('cmdb:attributeWithUnit', { label: text(def.label), unit: def.unit }) : text(def.label),
    /** A stored attribute value as text (references are shown by `AttributeValue`). */
    attributeValue: (def: AttributeDef, v: unknown): string => {
      if (v === null || v === undefined || v === '') return t('common:empty');
      switch (def.kind) {
        case 'boolean':
          return v ? t('common:yes') : t('common:no');
        case 'enum':
          return text(def.options?.find((o) => o.value === v)?.label) || String(v);
        case 'number':
        case 'integer':
          return def.unit ? `${String(v)} ${def.unit}` : String(v);
        default:
          return String(v);
      }
    },
  };
}
export type CmdbLabels = ReturnType<typeof useCmdbLabels>;
