import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Flex, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { InspectionTaskListQuery, TASK_STATUSES } from '@opsdesk/contracts';
import { useMe } from '../../../app/session/me';
import { useCurrentProjectId } from '../../../app/session/project';
import { formatDate, formatDateTime } from '../../../shared/format';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn, ListFilter, ListParams } from '../../../shared/list/types';
import { projectFilter } from '../../tickets/components/pickers';
import { inspectionApi, inspectionKeys } from '../api/inspections.api';
import type { InspectionTaskListItem } from '../api/inspections.api';
import { TaskStatusTag } from '../labels';
import { listDrafts, pendingCount } from '../offline/draft-store';

const fetchTasks = contractList(InspectionTaskListQuery, inspectionApi.list);
const TABS = ['mine', 'live', 'overdue', 'all'] as const;
type Tab = (typeof TABS)[number];
const TAB_PARAMS: Record<Tab, ListParams> = {
  mine: { mine: 'true', status: 'open,in_progress' },
  live: { live: 'true' },
  overdue: { overdue: 'true' },
  all: {},
};

/** Readings waiting on this phone, per task (IndexedDB), for the "not synced" mark. */
function useLocalPending(): ReadonlyMap<string, number> {
  const [pending, setPending] = useState<ReadonlyMap<string, number>>(new Map());
  useEffect(() => {
    let live = true;
    void listDrafts()
      .then((drafts) => live && setPending(new Map(drafts.map((d) => [d.taskId, pendingCount(d)]))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return pending;
}

/**
 * `/inspection-tasks`: 我的巡检 — the tasks to do first (mine, open), then today's, overdue or all
 * in scope. On a phone the rows are cards; a task opens the inspection page.
 */
export default function InspectionTaskListPage() {
  const { t } = useTranslation(['inspections', 'common']);
  const me = useMe();
  const [sp, setSp] = useSearchParams();
  const headerProject = useCurrentProjectId();
  const pending = useLocalPending();
  const tab: Tab = (TABS as readonly string[]).includes(sp.get('tab') ?? '')
    ? (sp.get('tab') as Tab)
    : 'mine';
  const urlProject = sp.get('projectId');
  const field = me.kind === 'subcontractor_staff';

  const filters: ListFilter[] = [
    ...(tab === 'all'
      ? [
          {
            name: 'status',
            label: t('fields.status'),
            options: TASK_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
            width: 130,
          },
        ]
      : []),
    ...(field ? [] : [projectFilter(t('fields.project'))]),
  ];

  const columns: ListColumn<InspectionTaskListItem>[] = [
    {
      key: 'title',
      title: t('fields.title'),
      alwaysVisible: true,
      value: (r) => r.title,
      render: (r) => (
        <Space size={4} wrap>
          <Link to={`/inspection-tasks/${r.id}`} style={{ fontSize: 15 }}>
            {r.title}
          </Link>
          {(pending.get(r.id) ?? 0) > 0 && (
            <Tag color="warning">{t('localDraft', { count: pending.get(r.id) })}</Tag>
          )}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('fields.status'),
      value: (r) => t(`status.${r.status}`),
      render: (r) => <TaskStatusTag status={r.status} overdue={r.overdue} />,
    },
    {
      key: 'scheduledDate',
      title: t('fields.scheduledDate'),
      sortKey: 'scheduledDate',
      value: (r) => formatDate(r.scheduledDate),
    },
    { key: 'dueAt', title: t('fields.dueAt'), sortKey: 'dueAt', value: (r) => formatDateTime(r.dueAt) },
    { key: 'ciCount', title: t('fields.ciCount'), value: (r) => r.ciCount, align: 'right' },
    {
      key: 'assignee',
      title: t('fields.assignee'),
      value: (r) => r.assignee?.displayName ?? r.team?.name ?? null,
    },
    { key: 'plan', title: t('fields.plan'), value: (r) => r.plan.name, defaultHidden: field },
    {
      key: 'submittedAt',
      title: t('fields.submittedAt'),
      value: (r) => (r.submittedAt ? formatDateTime(r.submittedAt) : null),
      defaultHidden: true,
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {field ? t('myTitle') : t('title')}
        </Typography.Title>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams();
          next.set('tab', key);
          setSp(next);
        }}
        items={TABS.map((k) => ({ key: k, label: t(`tabs.${k}`) }))}
      />
      <ListPage<InspectionTaskListItem>
        listKey="inspection-tasks"
        queryKey={inspectionKeys.tasks}
        fetchPage={fetchTasks}
        columns={columns}
        rowKey={(r) => r.id}
        filters={filters}
        searchPlaceholder={t('searchPlaceholder')}
        defaultSort="dueAt"
        fixedParams={{
          ...TAB_PARAMS[tab],
          ...(!urlProject && headerProject && !field ? { projectId: headerProject } : {}),
        }}
        emptyText={tab === 'mine' ? t('emptyMine') : t('empty')}
      />
    </>
  );
}
