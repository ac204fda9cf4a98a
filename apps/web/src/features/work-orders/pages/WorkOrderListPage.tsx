import { Link, useNavigate, useSearchParams } from 'react-router';
import { Flex, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TICKET_QUEUES, WorkOrderListQuery } from '@opsdesk/contracts';
import { useMe } from '../../../app/session/me';
import { useCurrentProjectId } from '../../../app/session/project';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn, ListFilter } from '../../../shared/list/types';
import { projectFilter } from '../../tickets/components/pickers';
import { ListSlaBadge } from '../../tickets/components/SlaBadge';
import { PriorityTag, TicketStateTag } from '../../tickets/components/TicketTags';
import { useTicketLabels } from '../../tickets/labels';
import { useNow } from '../../tickets/pages/TicketQueuePage';
import { workOrderApi, workOrderKeys } from '../api/work-orders.api';
import type { WorkOrderListItem } from '../api/work-orders.api';
import { WorkOrderCreateForm } from '../forms/WorkOrderForm';

const fetchWorkOrders = contractList(WorkOrderListQuery, workOrderApi.list);
type Queue = (typeof TICKET_QUEUES)[number];
const STATE_CATEGORIES = ['open', 'in_progress', 'resolved', 'final'] as const;

/**
 * `/work-orders`: 派工单 for the desk and managers (queues, filters, new work order); 我的工单 for
 * field engineers, who see only what is dispatched to them or their company (the server scopes).
 */
export default function WorkOrderListPage() {
  const { t } = useTranslation(['workOrders', 'tickets', 'common']);
  const labels = useTicketLabels();
  const me = useMe();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const headerProject = useCurrentProjectId();
  const now = useNow();
  const create = useOverlay();
  const staff = me.kind === 'staff';
  const queues: readonly Queue[] = staff ? TICKET_QUEUES : ['mine', 'all'];
  const queue: Queue = (queues as readonly string[]).includes(sp.get('queue') ?? '')
    ? (sp.get('queue') as Queue)
    : 'mine';
  const urlProject = sp.get('projectId');

  const filters: ListFilter[] = [
    {
      name: 'stateCategory',
      label: t('fields.state'),
      options: STATE_CATEGORIES.map((c) => ({ value: c, label: labels.stateCategory(c) })),
      width: 130,
    },
    ...(staff ? [projectFilter(t('fields.project'))] : []),
  ];

  const columns: ListColumn<WorkOrderListItem>[] = [
    {
      key: 'number',
      title: t('fields.number'),
      alwaysVisible: true,
      value: (r) => r.number,
      render: (r) => (
        <Link to={`/work-orders/${r.id}`} style={{ whiteSpace: 'nowrap' }}>
          {r.number}
        </Link>
      ),
    },
    {
      key: 'title',
      title: t('fields.title'),
      ellipsis: true,
      width: 260,
      render: (r) => <Link to={`/work-orders/${r.id}`}>{r.title}</Link>,
      value: (r) => r.title,
    },
    {
      key: 'state',
      title: t('fields.state'),
      value: (r) => r.stateLabel,
      render: (r) => (
        <Space size={4}>
          <TicketStateTag ticket={r} />
          <PriorityTag priority={r.priority} />
        </Space>
      ),
    },
    {
      key: 'sla',
      title: t('fields.sla'),
      sortKey: 'slaDueAt',
      value: (r) =>
        r.slaBreached ? t('tickets:sla.breached') : r.slaDueAt ? formatDateTime(r.slaDueAt) : null,
      render: (r) => <ListSlaBadge ticket={r} now={now} />,
    },
    { key: 'site', title: t('fields.site'), value: (r) => r.workOrder.site?.name },
    {
      key: 'plannedStart',
      title: t('fields.plannedStart'),
      value: (r) => (r.workOrder.plannedStart ? formatDateTime(r.workOrder.plannedStart) : null),
    },
    { key: 'assignee', title: t('fields.assignee'), value: (r) => r.assignee?.displayName },
    {
      key: 'dispatchedTo',
      title: t('fields.dispatchedTo'),
      value: (r) => r.workOrder.dispatchedTo?.name,
      defaultHidden: !staff,
    },
    {
      key: 'checkedInAt',
      title: t('fields.checkedInAt'),
      value: (r) => (r.workOrder.checkedInAt ? formatDateTime(r.workOrder.checkedInAt) : null),
      defaultHidden: true,
    },
    {
      key: 'signedAt',
      title: t('fields.signedAt'),
      value: (r) => (r.workOrder.signedAt ? formatDateTime(r.workOrder.signedAt) : null),
      defaultHidden: true,
    },
    {
      key: 'createdAt',
      title: t('fields.createdAt'),
      sortKey: 'createdAt',
      value: (r) => formatDateTime(r.createdAt),
      defaultHidden: !staff,
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {staff ? t('title') : t('myTitle')}
        </Typography.Title>
      </Flex>
      <Tabs
        activeKey={queue}
        onChange={(key) => {
          const next = new URLSearchParams(sp);
          next.set('queue', key);
          setSp(next);
        }}
        items={queues.map((q) => ({ key: q, label: t(`queues.${q}`) }))}
      />
      <ListPage<WorkOrderListItem>
        listKey="work-orders"
        queryKey={workOrderKeys.all}
        fetchPage={fetchWorkOrders}
        columns={columns}
        rowKey={(r) => r.id}
        filters={filters}
        searchPlaceholder={t('searchPlaceholder')}
        fixedParams={{
          queue,
          ...(staff && !urlProject && headerProject ? { projectId: headerProject } : {}),
        }}
        emptyText={queue === 'mine' ? t('emptyMine') : t('empty')}
        create={staff ? { label: t('create'), onClick: () => create.show() } : null}
      />
      <FormDrawer open={create.open} title={t('create')} onClose={create.close}>
        <WorkOrderCreateForm
          key={create.key}
          projectId={urlProject ?? headerProject}
          onCancel={create.close}
          onDone={(wo) => {
            create.close();
            void navigate(`/work-orders/${wo.id}`);
          }}
        />
      </FormDrawer>
    </>
  );
}
