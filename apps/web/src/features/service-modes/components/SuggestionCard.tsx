import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Lang, ModeSuggestion } from '@opsdesk/contracts';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatMoneyWithHint } from '../../projects/money';
import { serviceModeApi, serviceModeKeys } from '../api/service-mode.api';
import { ImplicationTags, useFactValueText } from './ModeFacts';
import { ModeTag } from './ModeTag';

type Facts = ModeSuggestion['facts'];

/**
 * The mode the rules suggest for a project, why, and the facts it rests on (GET
 * /projects/:id/mode-suggestion). Facts the project does not record are named, so the reason is
 * never taken for more than it is.
 */
export function SuggestionCard({ projectId, extra }: { projectId: string; extra?: ReactNode }) {
  const { t, i18n } = useTranslation(['serviceModes', 'common']);
  const lang = i18n.language as Lang;
  const valueText = useFactValueText();
  const query = useQuery({
    queryKey: serviceModeKeys.suggestion(projectId),
    queryFn: ({ signal }) => serviceModeApi.suggestion(projectId, signal),
  });
  const yesNo = (v: boolean) => (v ? t('common:yes') : t('common:no'));

  const body = () => {
    if (query.isError) return <ErrorAlert error={query.error} />;
    const s = query.data;
    if (!s) return <Skeleton active paragraph={{ rows: 3 }} />;
    const facts: { key: keyof Facts; value: string }[] = [
      { key: 'businessLine', value: valueText('businessLine', s.facts.businessLine) },
      {
        key: 'contractValue',
        value: formatMoneyWithHint(s.facts.contractValue, lang) ?? String(s.facts.contractValue),
      },
      { key: 'inWarranty', value: yesNo(s.facts.inWarranty) },
      { key: 'equipmentOurs', value: yesNo(s.facts.equipmentOurs) },
      { key: 'software', value: yesNo(s.facts.software) },
      { key: 'customerSelfMaintains', value: yesNo(s.facts.customerSelfMaintains) },
      { key: 'soldThroughReseller', value: yesNo(s.facts.soldThroughReseller) },
      { key: 'renewal', value: valueText('renewal', s.facts.renewal) },
    ];
    const assumed = new Set<string>(s.assumed);
    return (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {s.suggestion ? (
          <>
            <Space wrap>
              <ModeTag mode={s.suggestion.mode} variant={s.suggestion.variant} />
              <Typography.Text type="secondary">
                {t('suggestion.rule', { key: s.suggestion.ruleKey })}
              </Typography.Text>
            </Space>
            <Typography.Paragraph style={{ margin: 0 }} data-testid="suggestion-reason">
              {s.suggestion.reasonText}
            </Typography.Paragraph>
            <ImplicationTags implies={s.suggestion.implies} />
          </>
        ) : (
          <Alert type="warning" showIcon title={t('suggestion.none')} />
        )}
        {s.assumed.length > 0 && (
          <Alert
            type="info"
            showIcon
            title={t('suggestion.assumed', {
              facts: s.assumed.map((f) => t(`facts.${f}`)).join(t('suggestion.listSeparator')),
            })}
          />
        )}
        <Descriptions
          size="small"
          title={
            <Typography.Text type="secondary">{t('suggestion.facts', { date: s.asOf })}</Typography.Text>
          }
          column={{ xs: 1, sm: 2, md: 4 }}
          items={facts.map((f) => ({
            key: f.key,
            label: t(`facts.${f.key}`),
            children: assumed.has(f.key) ? (
              <Typography.Text type="warning">
                {t('suggestion.assumedValue', { value: f.value })}
              </Typography.Text>
            ) : (
              f.value
            ),
          }))}
        />
      </Space>
    );
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          <BulbOutlined />
          {t('suggestion.title')}
        </Space>
      }
      extra={extra}
    >
      {body()}
    </Card>
  );
}
