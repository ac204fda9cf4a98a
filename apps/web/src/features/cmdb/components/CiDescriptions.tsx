import { Link } from 'react-router';
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Ci } from '@opsdesk/contracts';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useCiTypes } from '../../ci-types/api/useCiTypes';
import { useCmdbLabels } from '../labels';
import { AttributeValue } from './AttributeFields';
import { CiStatusTag } from './CiTags';

/** `2027-06-30（还有 45 天）` / `（已过保 3 天）`. */
function WarrantyText({ date }: { date: string | null }) {
  const { t } = useTranslation('cmdb');
  if (!date) return <>{formatDate(null)}</>;
  const days = dayjs(date).diff(dayjs().startOf('day'), 'day');
  return (
    <Typography.Text type={days < 0 ? 'danger' : days <= 90 ? 'warning' : undefined}>
      {date}{' '}
      {days < 0 ? t('warranty.expiredDays', { count: -days }) : t('warranty.daysLeft', { count: days })}
    </Typography.Text>
  );
}

/**
 * A CI's fields in three groups: basics, the attributes of its type, asset data. One column on
 * a phone, so an engineer on site reads it without scrolling sideways.
 */
export function CiDescriptions({ ci }: { ci: Ci }) {
  const { t } = useTranslation(['cmdb', 'common']);
  const labels = useCmdbLabels();
  const { byId } = useCiTypes();
  const none = t('common:empty');
  const defs = byId.get(ci.type.id)?.attributes ?? [];
  const column = { xs: 1, sm: 1, md: 2 };
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('sections.basic')}>
        <Descriptions
          column={column}
          size="small"
          items={[
            { key: 'type', label: t('fields.type'), children: labels.type(ci.type) },
            { key: 'status', label: t('fields.status'), children: <CiStatusTag status={ci.status} /> },
            {
              key: 'project',
              label: t('fields.project'),
              children: <Link to={`/projects/${ci.projectId}`}>{ci.projectName}</Link>,
            },
            { key: 'owner', label: t('fields.owner'), children: ci.owner?.displayName ?? none },
            { key: 'site', label: t('fields.site'), children: ci.site?.name ?? none },
            {
              key: 'tags',
              label: t('fields.tags'),
              children: ci.tags.length ? ci.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : none,
            },
            { key: 'createdAt', label: t('common:createdAt'), children: formatDateTime(ci.createdAt) },
            { key: 'updatedAt', label: t('common:updatedAt'), children: formatDateTime(ci.updatedAt) },
            {
              key: 'description',
              label: t('fields.description'),
              span: 'filled',
              children: <div style={{ whiteSpace: 'pre-wrap' }}>{ci.description ?? none}</div>,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('sections.attributes', { type: labels.type(ci.type) })}>
        {defs.length ? (
          <Descriptions
            column={column}
            size="small"
            items={defs.map((def) => ({
              key: def.key,
              label: labels.attribute(def),
              children: <AttributeValue def={def} value={ci.attributes[def.key]} />,
            }))}
          />
        ) : (
          <Typography.Text type="secondary">{t('form.noAttributes')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('sections.asset')}>
        <Descriptions
          column={column}
          size="small"
          items={[
            { key: 'vendor', label: t('fields.vendor'), children: ci.vendor ?? none },
            { key: 'model', label: t('fields.model'), children: ci.model ?? none },
            {
              key: 'serialNo',
              label: t('fields.serialNo'),
              children: ci.serialNo ? <Typography.Text copyable>{ci.serialNo}</Typography.Text> : none,
            },
            {
              key: 'assetTag',
              label: t('fields.assetTag'),
              children: ci.assetTag ? <Typography.Text copyable>{ci.assetTag}</Typography.Text> : none,
            },
            { key: 'purchaseDate', label: t('fields.purchaseDate'), children: formatDate(ci.purchaseDate) },
            {
              key: 'price',
              label: t('fields.price'),
              children: ci.price === null ? none : t('form.priceValue', { value: ci.price.toFixed(2) }),
            },
            {
              key: 'warrantyEnd',
              label: t('fields.warrantyEnd'),
              children: <WarrantyText date={ci.warrantyEnd} />,
            },
            {
              key: 'supportContract',
              label: t('fields.supportContract'),
              children: ci.supportContract ?? none,
            },
            { key: 'supplier', label: t('fields.supplier'), children: ci.supplier ?? none },
          ]}
        />
      </Card>
    </Flex>
  );
}
