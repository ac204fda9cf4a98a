import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Tag } from 'antd';
import { EditOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { InspectionTaskListQuery } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { DetailHeader } from '../../../shared/components/DetailHeader';
import { QueryState } from '../../../shared/components/QueryState';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { describeError } from '../../../shared/errors';
import { formatDate, formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { inspectionApi, inspectionKeys } from '../../inspections/api/inspections.api';
import type { InspectionTaskListItem } from '../../inspections/api/inspections.api';
import { TaskStatusTag } from '../../inspections/labels';
import { planApi, planKeys } from '../api/plans.api';
import type { InspectionPlan } from '../api/plans.api';
import { PlanEditForm } from '../forms/PlanForm';
import { usePlanLabels } from '../labels';
import { PlanStateTag } from './PlanListPage';

const fetchTasks = contractList(InspectionTaskListQuery, inspectionApi.list);

/** `/inspection-plans/:id`: a plan, its state and the tasks it generated. */
export default function PlanDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: planKeys.detail(id), queryFn: ({ signal }) => planApi.get(id, signal) });
  return <QueryState query={query}>{(plan) => <PlanView plan={plan} />}</QueryState>;
}

function PlanView({ plan }: { plan: InspectionPlan }) {
  const { t } = useTranslation(['inspectionPlans', 'inspections', 'common']);
  const labels = usePlanLabels();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const confirm = useConfirmAction();
  const edit = useOverlay();
  const none = t('common:empty');
  const editable = can(plan, 'update') && !plan.archived;

  const toggle = async () => {
    try {
      const next = await planApi.update(plan.id, { active: !plan.active });
      qc.setQueryData(planKeys.detail(plan.id), next);
      void qc.invalidateQueries({ queryKey: planKeys.all });
      message.success(next.active ? t('actions.resumed') : t('actions.paused'));
    } catch (e) {
      message.error(describeError(e));
    }
  };

  const columns: ListColumn<InspectionTaskListItem>[] = [
    {
      key: 'title',
      title: t('inspections:fields.title'),
      alwaysVisible: true,
      value: (r) => r.title,
      render: (r) => <Link to={`/inspection-tasks/${r.id}`}>{r.title}</Link>,
    },
    {
      key: 'status',
      title: t('inspections:fields.status'),
      value: (r) => t(`inspections:status.${r.status}`),
      render: (r) => <TaskStatusTag status={r.status} overdue={r.overdue} />,
    },
    {
      key: 'scheduledDate',
      title: t('inspections:fields.scheduledDate'),
      sortKey: 'scheduledDate',
      value: (r) => formatDate(r.scheduledDate),
    },
    {
      key: 'dueAt',
      title: t('inspections:fields.dueAt'),
      sortKey: 'dueAt',
      value: (r) => formatDateTime(r.dueAt),
    },
    { key: 'ciCount', title: t('inspections:fields.ciCount'), value: (r) => r.ciCount, align: 'right' },
    {
      key: 'submittedAt',
      title: t('inspections:fields.submittedAt'),
      value: (r) => (r.submittedAt ? formatDateTime(r.submittedAt) : null),
    },
  ];

  return (
    <>
      <DetailHeader
        backTo={`/inspection-plans?projectId=${plan.projectId}`}
        title={plan.name}
        tags={<PlanStateTag plan={plan} />}
        actions={
          editable && (
            <>
              <Button
                icon={plan.active ? <PauseCircleOutlined /> : <PlayCircleOutlined />}
                onClick={() => void toggle()}
              >
                {plan.active ? t('actions.pause') : t('actions.resume')}
              </Button>
              <Button icon={<EditOutlined />} onClick={() => edit.show()}>
                {t('edit')}
              </Button>
              <Button
                danger
                onClick={() =>
                  confirm({
                    title: t('actions.archive'),
                    content: t('actions.archiveContent'),
                    okText: t('actions.archive'),
                    action: () => planApi.archive(plan.id),
                    success: t('actions.archived'),
                    invalidate: planKeys.all,
                    onDone: () => void navigate(`/inspection-plans?projectId=${plan.projectId}`),
                  })
                }
              >
                {t('actions.archive')}
              </Button>
            </>
          )
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'templates',
                label: t('fields.templates'),
                children: (
                  <Flex gap={4} wrap>
                    {plan.templates.map((x) => (
                      <Link key={x.id} to={`/inspection-templates/${encodeURIComponent(x.id)}`}>
                        <Tag>
                          {labels.text(x.name)} V{x.version}
                        </Tag>
                      </Link>
                    ))}
                  </Flex>
                ),
              },
              { key: 'selection', label: t('fields.selection'), children: labels.selection(plan.selection) },
              {
                key: 'schedule',
                label: t('fields.schedule'),
                children: `${labels.schedule(plan.schedule)} (${plan.timeZone})`,
              },
              { key: 'due', label: t('fields.dueDays'), children: t('dueText', { days: plan.dueDays }) },
              { key: 'assignee', label: t('fields.assignee'), children: plan.assignee?.displayName ?? none },
              { key: 'team', label: t('fields.team'), children: plan.team?.name ?? none },
              { key: 'startsOn', label: t('fields.startsOn'), children: formatDate(plan.startsOn) },
              { key: 'endsOn', label: t('fields.endsOn'), children: formatDate(plan.endsOn) },
              { key: 'nextRunAt', label: t('fields.nextRunAt'), children: formatDateTime(plan.nextRunAt) },
            ]}
          />
        </Card>
        <Card size="small" title={t('tasks')}>
          <ListPage<InspectionTaskListItem>
            listKey="inspection-plan-tasks"
            queryKey={inspectionKeys.tasks}
            fetchPage={fetchTasks}
            columns={columns}
            rowKey={(r) => r.id}
            fixedParams={{ planId: plan.id }}
            defaultSort="-scheduledDate"
            paramPrefix="t_"
          />
        </Card>
      </Flex>
      <FormDrawer open={edit.open} title={t('edit')} onClose={edit.close} width={640}>
        <PlanEditForm key={edit.key} plan={plan} onDone={edit.close} />
      </FormDrawer>
    </>
  );
}
