import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Checkbox, Flex, Space, Tabs, Tag, Typography } from 'antd';
import { PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { TICKET_QUEUES, TicketChannelSchema, TicketListQuery } from '@opsdesk/contracts';
import type { TicketListItem } from '@opsdesk/contracts';
import { useMe } from '../../../app/session/me';
import { useCurrentProjectId } from '../../../app/session/project';
import { formatDateTime } from '../../../shared/format';
import { FormModal, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { FetchPage, ListColumn, ListFilter } from '../../../shared/list/types';
import { UserSelect } from '../../users/components/UserSelect';
import { ticketApi, ticketKeys } from '../api/tickets.api';
import { AvailabilitySwitch } from '../components/AvailabilitySwitch';
import { CategorySelect, projectFilter } from '../components/pickers';
import { SavedViews } from '../components/SavedViews';
import { ListSlaBadge } from '../components/SlaBadge';
import { BusinessStoppedTag, PriorityTag, TicketStateTag } from '../components/TicketTags';
import { BulkAssignForm } from '../forms/BulkAssignForm';
import { useTicketLabels } from '../labels';

export type Queue = (typeof TICKET_QUEUES)[number];
const fetchTickets = contractList(TicketListQuery, ticketApi.list);
export const DESK_KINDS = ['incident', 'service_request', 'consultation'] as const;
const STATE_CATEGORIES = ['open', 'in_progress', 'pending', 'resolved', 'final'] as const;

/** Re-renders every `ms` so time-left badges age without a refetch. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(h);
  }, [ms]);
  return now;
}

/**
 * `/tickets`: the agent workspace. Queues as tabs, filters/sort/search in the URL, saved views,
 * bulk assignment, and the "away" switch. The header's project is the default project filter.
 */
export default function TicketQueuePage() {
  const { t } = useTranslation(['tickets', 'common']);
  const labels = useTicketLabels();
  const me = useMe();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const headerProject = useCurrentProjectId();
  const now = useNow();
  const staff = me.kind === 'staff';
  const queue: Queue = (TICKET_QUEUES as readonly string[]).includes(sp.get('queue') ?? '')
    ? (sp.get('queue') as Queue)
    : 'mine';
  const urlProject = sp.get('projectId');
  const projectForCategories = urlProject ?? headerProject;

  // Bulk selection survives paging; "select page" takes the rows on screen.
  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const pageRows = useRef<TicketListItem[]>([]);
  const [pageSize, setPageSize] = useState(0);
  const fetchPage: FetchPage<TicketListItem> = async (params, signal) => {
    const page = await fetchTickets(params, signal);
    if (params.cursor !== undefined || params.limit !== undefined) {
      pageRows.current = page.items;
      setPageSize(page.items.length);
    }
    return page;
  };
  const bulk = useOverlay();
  const toggle = (row: TicketListItem, on: boolean) =>
    setSelected((s) => {
      const next = new Map(s);
      if (on) next.set(row.id, row.number);
      else next.delete(row.id);
      return next;
    });

  const yesNo = [
    { value: 'true', label: t('common:yes') },
    { value: 'false', label: t('common:no') },
  ];
  const filters: ListFilter[] = [
    {
      name: 'stateCategory',
      label: t('fields.state'),
      options: STATE_CATEGORIES.map((c) => ({ value: c, label: labels.stateCategory(c) })),
      width: 130,
    },
    {
      name: 'priority',
      label: t('fields.priority'),
      options: [1, 2, 3, 4].map((p) => ({ value: String(p), label: labels.priority(p) })),
      width: 120,
    },
    {
      name: 'kind',
      label: t('fields.kind'),
      options: DESK_KINDS.map((k) => ({ value: k, label: labels.kind(k) })),
      width: 130,
    },
    projectFilter(t('fields.project')),
    {
      name: 'assigneeId',
      label: t('fields.assignee'),
      render: (value, onChange) => (
        <UserSelect
          kind="staff"
          aria-label={t('fields.assignee')}
          value={value}
          onChange={(v) => onChange(typeof v === 'string' ? v : undefined)}
          placeholder={t('fields.assignee')}
        />
      ),
      width: 180,
    },
    {
      name: 'categoryId',
      label: t('fields.category'),
      render: (value, onChange) => (
        <CategorySelect
          aria-label={t('fields.category')}
          projectId={projectForCategories}
          activeOnly={false}
          value={value}
          onChange={(v) => onChange(v ?? undefined)}
          placeholder={projectForCategories ? t('fields.category') : t('queue.categoryNeedsProject')}
        />
      ),
      width: 180,
    },
    {
      name: 'channel',
      label: t('fields.channel'),
      options: TicketChannelSchema.options.map((c) => ({ value: c, label: labels.channel(c) })),
      width: 120,
    },
    { name: 'businessStopped', label: t('fields.businessStopped'), options: yesNo, width: 120 },
    { name: 'breached', label: t('fields.breached'), options: yesNo, width: 120 },
  ];

  const columns: ListColumn<TicketListItem>[] = [
    {
      key: 'number',
      title: t('fields.number'),
      alwaysVisible: true,
      render: (r) => (
        <Space size={6}>
          {staff && (
            <Checkbox
              checked={selected.has(r.id)}
              onChange={(e) => toggle(r, e.target.checked)}
              aria-label={t('bulk.select', { number: r.number })}
            />
          )}
          <Link to={`/tickets/${r.id}`} style={{ whiteSpace: 'nowrap' }}>
            {r.number}
          </Link>
        </Space>
      ),
    },
    {
      key: 'title',
      title: t('fields.title'),
      ellipsis: true,
      width: 280,
      render: (r) => (
        <Space size={4}>
          {r.businessStopped && <BusinessStoppedTag />}
          <Link to={`/tickets/${r.id}`}>{r.title}</Link>
        </Space>
      ),
    },
    {
      key: 'priority',
      title: t('fields.priority'),
      sortKey: 'priority',
      value: (r) => `P${r.priority}`,
      render: (r) => <PriorityTag priority={r.priority} />,
    },
    {
      key: 'state',
      title: t('fields.state'),
      value: (r) => r.stateLabel,
      render: (r) => <TicketStateTag ticket={r} />,
    },
    {
      key: 'sla',
      title: t('fields.sla'),
      sortKey: 'slaDueAt',
      value: (r) => (r.slaBreached ? t('sla.breached') : r.slaDueAt ? formatDateTime(r.slaDueAt) : null),
      render: (r) => <ListSlaBadge ticket={r} now={now} />,
    },
    { key: 'assignee', title: t('fields.assignee'), value: (r) => r.assignee?.displayName },
    { key: 'group', title: t('fields.group'), value: (r) => r.group?.name },
    { key: 'requester', title: t('fields.requester'), value: (r) => r.requester?.displayName },
    { key: 'category', title: t('fields.category'), value: (r) => r.category?.name, defaultHidden: true },
    { key: 'kind', title: t('fields.kind'), value: (r) => labels.kind(r.kind), defaultHidden: true },
    {
      key: 'channel',
      title: t('fields.channel'),
      value: (r) => labels.channel(r.channel),
      defaultHidden: true,
    },
    {
      key: 'tags',
      title: t('fields.tags'),
      defaultHidden: true,
      value: (r) => r.tags.join(', '),
      render: (r) => r.tags.map((x) => <Tag key={x}>{x}</Tag>),
    },
    {
      key: 'createdAt',
      title: t('fields.createdAt'),
      sortKey: 'createdAt',
      value: (r) => formatDateTime(r.createdAt),
    },
    {
      key: 'updatedAt',
      title: t('fields.updatedAt'),
      sortKey: 'updatedAt',
      defaultHidden: true,
      value: (r) => formatDateTime(r.updatedAt),
    },
  ];

  const bulkBar = staff && (
    <Space wrap size={4}>
      {pageSize > 0 && (
        <Button
          onClick={() =>
            setSelected((s) => {
              const next = new Map(s);
              for (const r of pageRows.current) next.set(r.id, r.number);
              return next;
            })
          }
        >
          {t('bulk.selectPage')}
        </Button>
      )}
      {selected.size > 0 && (
        <>
          <Button type="primary" icon={<TeamOutlined />} onClick={() => bulk.show()}>
            {t('bulk.assign', { count: selected.size })}
          </Button>
          <Button type="link" onClick={() => setSelected(new Map())}>
            {t('bulk.clear')}
          </Button>
        </>
      )}
    </Space>
  );

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Space wrap>
          {staff && <AvailabilitySwitch />}
          {staff && (
            <Button type="primary" icon={<PhoneOutlined />} onClick={() => void navigate('/tickets/phone')}>
              {t('phone.title')}
            </Button>
          )}
        </Space>
      </Flex>
      <Tabs
        activeKey={queue}
        onChange={(key) => {
          const next = new URLSearchParams(sp);
          next.set('queue', key);
          setSp(next);
        }}
        items={TICKET_QUEUES.map((q) => ({ key: q, label: t(`queues.${q}`) }))}
      />
      <ListPage<TicketListItem>
        listKey="tickets"
        queryKey={ticketKeys.all}
        fetchPage={fetchPage}
        columns={columns}
        rowKey={(r) => r.id}
        filters={filters}
        searchPlaceholder={t('searchPlaceholder')}
        fixedParams={{ queue, ...(!urlProject && headerProject ? { projectId: headerProject } : {}) }}
        emptyText={t(`queue.empty.${queue}`)}
        extra={
          <>
            {bulkBar}
            <SavedViews />
          </>
        }
      />
      <FormModal open={bulk.open} title={t('bulk.title', { count: selected.size })} onClose={bulk.close}>
        <BulkAssignForm
          key={bulk.key}
          ticketIds={[...selected.keys()]}
          numbers={selected}
          onDone={() => {
            bulk.close();
            setSelected(new Map());
          }}
        />
      </FormModal>
    </>
  );
}
