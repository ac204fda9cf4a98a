import type { ReactNode } from 'react';
import { Space, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Lang, ModeConditionSchema, ModeImplicationsSchema } from '@opsdesk/contracts';
import { PROJECT_BUSINESS_LINES, RENEWAL_STATUSES } from '@opsdesk/contracts';
import { formatMoneyWithHint } from '../../projects/money';

export type ModeCondition = z.infer<typeof ModeConditionSchema>;
export type ModeImplications = z.infer<typeof ModeImplicationsSchema>;

/** The label of a business line or renewal value the app knows; an administrator's own value as typed. */
export function useFactValueText() {
  const { t } = useTranslation('projects');
  return (fact: 'businessLine' | 'renewal', v: string) => {
    if (fact === 'businessLine' && (PROJECT_BUSINESS_LINES as readonly string[]).includes(v))
      return t(`enums.businessLine.${v as (typeof PROJECT_BUSINESS_LINES)[number]}`);
    if (fact === 'renewal' && (RENEWAL_STATUSES as readonly string[]).includes(v))
      return t(`enums.renewalStatus.${v as (typeof RENEWAL_STATUSES)[number]}`);
    return v;
  };
}

/** One rule condition in words: `业务线 属于 城交`, `合同金额 大于 ¥30,000,000.00（3000万）`. */
export function useConditionText() {
  const { t, i18n } = useTranslation(['serviceModes', 'common']);
  const valueText = useFactValueText();
  const lang = i18n.language as Lang;
  return (c: ModeCondition): string => {
    const fact = t(`facts.${c.fact}`);
    if (c.op === 'is') return t('condition.is', { fact, value: c.value ? t('common:yes') : t('common:no') });
    if (c.op === 'in')
      return t('condition.in', {
        fact,
        values: c.values.map((v) => valueText(c.fact, v)).join(t('condition.or')),
      });
    return t(`condition.${c.op}`, { fact, value: formatMoneyWithHint(c.value, lang) ?? String(c.value) });
  };
}

/** What a mode implies: staffing, what we supply, how quality is watched — as ticked and crossed tags. */
export function ImplicationTags({ implies }: { implies: ModeImplications }) {
  const { t } = useTranslation('serviceModes');
  const tag = (on: boolean, label: string) => (
    <Tag key={label} color={on ? 'green' : 'default'} icon={on ? <CheckOutlined /> : <CloseOutlined />}>
      {label}
    </Tag>
  );
  const row = (title: string, tags: ReactNode[]) => (
    <div>
      <Typography.Text type="secondary">{t('labelled', { label: title })}</Typography.Text>
      <Space size={[0, 4]} wrap>
        {tags}
      </Space>
    </div>
  );
  const q = implies.qualityMonitoring;
  const s = implies.supplies;
  return (
    <Space orientation="vertical" size={4}>
      {row(t('impliesGroups.staffing'), [
        tag(implies.customerManager, t('implies.customerManager')),
        tag(implies.subcontractor, t('implies.subcontractor')),
      ])}
      {row(t('impliesGroups.supplies'), [
        tag(s.spares, t('implies.spares')),
        tag(s.consumables, t('implies.consumables')),
        tag(s.repairCosts, t('implies.repairCosts')),
      ])}
      {row(t('impliesGroups.quality'), [
        tag(q.periodicChecks, t('implies.periodicChecks')),
        tag(q.onSiteReturnVisits, t('implies.onSiteReturnVisits')),
        tag(q.phoneReturnVisits, t('implies.phoneReturnVisits')),
        tag(q.onSiteManagement, t('implies.onSiteManagement')),
      ])}
    </Space>
  );
}
