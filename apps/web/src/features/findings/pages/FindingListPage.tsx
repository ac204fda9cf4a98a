import { Link, useSearchParams } from 'react-router';
import { Button, Flex, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { INSPECTION_SEVERITIES, InspectionFindingListQuery } from '@opsdesk/contracts';
import type { InspectionFinding } from '@opsdesk/contracts';
import { useMe } from '../../../app/session/me';
import { useCurrentProjectId } from '../../../app/session/project';
import { can } from '../../../shared/abilities/useAbilities';
import { formatDateTime } from '../../../shared/format';
import { FormModal, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn, ListFilter } from '../../../shared/list/types';
import { projectFilter } from '../../tickets/components/pickers';
import { SeverityTag, useInspectionLabels } from '../../inspections/labels';
import { findingApi, findingKeys } from '../api/findings.api';
import { FindingIncidentForm, FindingResolveForm, FindingWorkOrderForm } from '../forms/FindingForms';

const fetchFindings = contractList(InspectionFindingListQuery, findingApi.list);
const TABS = ['open', 'resolved', 'all'] as const;
type Tab = (typeof TABS)[number];
type Dialog = { kind: 'incident' | 'work_order' | 'resolve'; finding: InspectionFinding };

/**
 * `/findings`: 遗留问题 — each abnormal reading of a submitted inspection. Staff of the project turn
 * one into an incident or a work order, or close it by hand; open ones carry over to the next round.
 */
export default function FindingListPage() {
  const { t } = useTranslation(['findings', 'inspections', 'common']);
  const labels = useInspectionLabels();
  const me = useMe();
  const [sp, setSp] = useSearchParams();
  const headerProject = useCurrentProjectId();
  const dialog = useOverlay<Dialog>();
  const tab: Tab = (TABS as readonly string[]).includes(sp.get('tab') ?? '')
    ? (sp.get('tab') as Tab)
    : 'open';
  const urlProject = sp.get('projectId');
  const taskId = sp.get('taskId');

  const filters: ListFilter[] = [
    {
      name: 'severity',
      label: t('fields.severity'),
      options: INSPECTION_SEVERITIES.map((s) => ({ value: s, label: labels.severity(s) })),
      width: 120,
    },
    ...(me.kind === 'staff' ? [projectFilter(t('fields.project'))] : []),
  ];

  const columns: ListColumn<InspectionFinding>[] = [
    {
      key: 'title',
      title: t('fields.title'),
      alwaysVisible: true,
      value: (r) => r.title,
      render: (r) => (
        <Space size={4} wrap>
          <SeverityTag severity={r.severity} />
          <Typography.Text strong>{r.title}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'ci',
      title: t('fields.ci'),
      value: (r) => r.ci.name,
      render: (r) => (
        <Link to={`/cis/${r.ci.id}`}>
          {r.ci.name} · {labels.ciType(r.ci.typeKey)}
        </Link>
      ),
    },
    {
      key: 'quote',
      title: t('fields.quote'),
      width: 320,
      value: (r) => r.quote,
      render: (r) => <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{r.quote}</span>,
    },
    {
      key: 'status',
      title: t('fields.status'),
      value: (r) => `${t(`status.${r.status}`)} / ${t(`disposition.${r.disposition}`)}`,
      render: (r) => (
        <Space size={4} wrap>
          <Tag color={r.status === 'open' ? 'orange' : 'green'}>{t(`status.${r.status}`)}</Tag>
          {r.status === 'resolved' && r.resolution && <Tag>{t(`resolution.${r.resolution}`)}</Tag>}
        </Space>
      ),
    },
    {
      key: 'tickets',
      title: t('fields.tickets'),
      value: (r) => [r.incident?.number, r.workOrder?.number].filter(Boolean).join(' ') || null,
      render: (r) =>
        r.incident || r.workOrder ? (
          <Space size={4} wrap>
            {r.incident && (
              <Link to={`/tickets/${r.incident.id}`} data-testid="finding-incident">
                {r.incident.number}
              </Link>
            )}
            {r.workOrder && (
              <Link to={`/work-orders/${r.workOrder.id}`} data-testid="finding-work-order">
                {r.workOrder.number}
              </Link>
            )}
          </Space>
        ) : (
          t('common:empty')
        ),
    },
    { key: 'occurrences', title: t('fields.occurrences'), value: (r) => r.occurrences, align: 'right' },
    {
      key: 'raisedTask',
      title: t('fields.raisedTask'),
      value: (r) => r.raisedTask.title,
      render: (r) => <Link to={`/inspection-tasks/${r.raisedTask.id}`}>{r.raisedTask.title}</Link>,
      defaultHidden: true,
    },
    {
      key: 'createdAt',
      title: t('fields.createdAt'),
      sortKey: 'createdAt',
      value: (r) => formatDateTime(r.createdAt),
    },
    {
      key: 'actions',
      title: t('common:actions.more'),
      noExport: true,
      render: (r) =>
        r.status === 'open' && (can(r, 'convert') || can(r, 'resolve')) ? (
          <Flex gap={4} wrap>
            {can(r, 'convert') && !r.incident && (
              <Button size="small" onClick={() => dialog.show({ kind: 'incident', finding: r })}>
                {t('actions.toIncident')}
              </Button>
            )}
            {can(r, 'convert') && !r.workOrder && (
              <Button size="small" onClick={() => dialog.show({ kind: 'work_order', finding: r })}>
                {t('actions.toWorkOrder')}
              </Button>
            )}
            {can(r, 'resolve') && (
              <Button size="small" onClick={() => dialog.show({ kind: 'resolve', finding: r })}>
                {t('actions.resolve')}
              </Button>
            )}
          </Flex>
        ) : null,
    },
  ];

  const d = dialog.record;
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams(sp);
          next.set('tab', key);
          setSp(next);
        }}
        items={TABS.map((k) => ({
          key: k,
          label: k === 'all' ? t('inspections:tabs.all') : t(`status.${k}`),
        }))}
      />
      <ListPage<InspectionFinding>
        listKey="findings"
        queryKey={findingKeys.all}
        fetchPage={fetchFindings}
        columns={columns}
        rowKey={(r) => r.id}
        filters={filters}
        searchPlaceholder={t('searchPlaceholder')}
        fixedParams={{
          ...(tab === 'all' ? {} : { status: tab }),
          ...(taskId ? { taskId } : {}),
          ...(!urlProject && headerProject && me.kind === 'staff' ? { projectId: headerProject } : {}),
        }}
        emptyText={t('empty')}
      />
      <FormModal
        open={dialog.open}
        title={
          d?.kind === 'incident'
            ? t('actions.toIncident')
            : d?.kind === 'work_order'
              ? t('actions.toWorkOrder')
              : t('actions.resolve')
        }
        onClose={dialog.close}
        width={520}
      >
        {d?.kind === 'incident' && (
          <FindingIncidentForm key={dialog.key} finding={d.finding} onDone={dialog.close} />
        )}
        {d?.kind === 'work_order' && (
          <FindingWorkOrderForm key={dialog.key} finding={d.finding} onDone={dialog.close} />
        )}
        {d?.kind === 'resolve' && (
          <FindingResolveForm key={dialog.key} finding={d.finding} onDone={dialog.close} />
        )}
      </FormModal>
    </>
  );
}
