import { Link, useNavigate } from 'react-router';
import { Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { InspectionPlanListQuery } from '@opsdesk/contracts';
import { useMe } from '../../../app/session/me';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn, ListFilter } from '../../../shared/list/types';
import { useProjectParam } from '../../cmdb/useProjectParam';
import { planApi, planKeys } from '../api/plans.api';
import type { InspectionPlan } from '../api/plans.api';
import { ChooseProject, ProjectPicker } from '../components/ProjectRequired';
import { PlanCreateForm } from '../forms/PlanForm';
import { usePlanLabels } from '../labels';

export function PlanStateTag({ plan }: { plan: Pick<InspectionPlan, 'active' | 'archived'> }) {
  const { t } = useTranslation('inspectionPlans');
  if (plan.archived) return <Tag>{t('archived')}</Tag>;
  return plan.active ? <Tag color="green">{t('active')}</Tag> : <Tag color="orange">{t('paused')}</Tag>;
}

/** `/inspection-plans`: a project's plans (the header's project by default). */
export default function PlanListPage() {
  const { t } = useTranslation(['inspectionPlans', 'inspections', 'common']);
  const labels = usePlanLabels();
  const me = useMe();
  const navigate = useNavigate();
  const projectId = useProjectParam();
  const create = useOverlay();
  const filters: ListFilter[] = [
    {
      name: 'active',
      label: t('fields.active'),
      options: [
        { value: 'true', label: t('active') },
        { value: 'false', label: t('paused') },
      ],
      width: 120,
    },
    {
      name: 'includeArchived',
      label: t('archived'),
      options: [{ value: 'true', label: t('archived') }],
      width: 120,
    },
  ];
  const columns: ListColumn<InspectionPlan>[] = [
    {
      key: 'name',
      title: t('fields.name'),
      sortKey: 'name',
      alwaysVisible: true,
      value: (r) => r.name,
      render: (r) => (
        <Space size={4} wrap>
          <Link to={`/inspection-plans/${r.id}`}>{r.name}</Link>
          <PlanStateTag plan={r} />
        </Space>
      ),
    },
    { key: 'schedule', title: t('fields.schedule'), value: (r) => labels.schedule(r.schedule) },
    { key: 'selection', title: t('fields.selection'), value: (r) => labels.selection(r.selection) },
    {
      key: 'templates',
      title: t('fields.templates'),
      value: (r) => r.templates.map((x) => `${labels.text(x.name)} V${x.version}`).join('、'),
    },
    {
      key: 'assignee',
      title: t('fields.assignee'),
      value: (r) => [r.assignee?.displayName, r.team?.name].filter(Boolean).join(' / ') || null,
    },
    { key: 'dueDays', title: t('fields.dueDays'), value: (r) => t('dueText', { days: r.dueDays }) },
    {
      key: 'nextRunAt',
      title: t('fields.nextRunAt'),
      value: (r) => (r.nextRunAt ? formatDateTime(r.nextRunAt) : null),
    },
    {
      key: 'lastTask',
      title: t('fields.lastTask'),
      value: (r) => r.lastTask?.title,
      render: (r) =>
        r.lastTask ? (
          <Link to={`/inspection-tasks/${r.lastTask.id}`}>{r.lastTask.title}</Link>
        ) : (
          t('common:empty')
        ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <ProjectPicker label={t('fields.project')} value={projectId} />
      </Flex>
      {projectId ? (
        <ListPage<InspectionPlan>
          listKey="inspection-plans"
          queryKey={[...planKeys.all, projectId]}
          fetchPage={contractList(InspectionPlanListQuery, (q, signal) => planApi.list(projectId, q, signal))}
          columns={columns}
          rowKey={(r) => r.id}
          filters={filters}
          searchPlaceholder={t('searchPlaceholder')}
          emptyText={t('empty')}
          create={me.kind === 'staff' ? { label: t('create'), onClick: () => create.show() } : null}
        />
      ) : (
        <ChooseProject label={t('chooseProject')} />
      )}
      <FormDrawer open={create.open} title={t('create')} onClose={create.close} width={640}>
        {projectId && (
          <PlanCreateForm
            key={create.key}
            projectId={projectId}
            onCancel={create.close}
            onDone={(plan) => {
              create.close();
              void navigate(`/inspection-plans/${plan.id}`);
            }}
          />
        )}
      </FormDrawer>
    </>
  );
}
