import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { AUDIT_RESULTS, AuditListQuery } from '@opsdesk/contracts';
import type { AuditEntry } from '@opsdesk/contracts';
import { formatDateTime } from '../../../shared/format';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn, ListFilter } from '../../../shared/list/types';
import { UserSelect } from '../../users/components/UserSelect';
import { auditApi, auditKeys } from '../api/audit.api';
import { AuditEntryDetail } from '../components/AuditEntryDetail';
import { rangeToQuery, TimeRangeFilter } from '../components/TimeRangeFilter';
import { VerifyChainButton } from '../components/VerifyChainButton';

const fetchAudit = contractList(AuditListQuery, auditApi.list);

export default function AuditLogPage() {
  const { t } = useTranslation(['audit', 'common']);

  const columns: ListColumn<AuditEntry>[] = [
    { key: 'at', title: t('fields.at'), alwaysVisible: true, value: (e) => formatDateTime(e.at), width: 150 },
    { key: 'actorName', title: t('fields.actor'), value: (e) => e.actorName ?? t('system') },
    { key: 'action', title: t('fields.action'), render: (e) => <code>{e.action}</code> },
    { key: 'objectType', title: t('fields.objectType') },
    { key: 'objectId', title: t('fields.objectId'), defaultHidden: true },
    {
      key: 'result',
      title: t('fields.result'),
      value: (e) => t(`common:enums.auditResult.${e.result}`),
      render: (e) => (
        <Tag color={e.result === 'success' ? 'green' : 'red'}>
          {t(`common:enums.auditResult.${e.result}`)}
        </Tag>
      ),
    },
    { key: 'ip', title: t('fields.ip') },
    { key: 'requestId', title: t('fields.requestId'), defaultHidden: true },
    { key: 'sealed', title: t('fields.sealed'), defaultHidden: true },
    {
      key: 'changes',
      title: t('changes.title'),
      defaultHidden: true,
      value: (e) => (e.changes ? JSON.stringify(e.changes) : null),
      render: (e) => Object.keys(e.changes ?? {}).join(', ') || t('common:empty'),
    },
  ];

  const filters: ListFilter[] = [
    {
      name: 'at',
      label: t('fields.timeRange'),
      width: 340,
      toQuery: rangeToQuery,
      render: (value, onChange) => (
        <TimeRangeFilter value={value} onChange={onChange} label={t('fields.timeRange')} />
      ),
    },
    {
      name: 'actorId',
      label: t('fields.actor'),
      width: 200,
      render: (value, onChange) => (
        <UserSelect
          aria-label={t('fields.actor')}
          placeholder={t('fields.actor')}
          value={value}
          onChange={(v) => onChange(typeof v === 'string' ? v : undefined)}
        />
      ),
    },
    { name: 'action', label: t('fields.action'), width: 170 },
    { name: 'objectType', label: t('fields.objectType'), width: 150 },
    {
      name: 'result',
      label: t('fields.result'),
      width: 110,
      options: AUDIT_RESULTS.map((r) => ({ value: r, label: t(`common:enums.auditResult.${r}`) })),
    },
  ];

  return (
    <ListPage<AuditEntry>
      listKey="audit"
      title={t('title')}
      queryKey={auditKeys.all}
      fetchPage={fetchAudit}
      columns={columns}
      rowKey={(e) => String(e.id)}
      filters={filters}
      searchPlaceholder={t('searchPlaceholder')}
      emptyText={t('empty')}
      extra={<VerifyChainButton />}
      // A fixed expand column keeps the expanded row as wide as the visible table, not the scroll width.
      expandable={{ expandedRowRender: (e) => <AuditEntryDetail entry={e} />, fixed: 'left' }}
    />
  );
}
