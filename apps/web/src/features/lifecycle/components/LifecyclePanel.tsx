import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Skeleton, Statistic, Steps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PhaseAction, Project } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { FormDrawer, FormModal, useOverlay } from '../../../shared/form/overlays';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { lifecycleApi, lifecycleKeys } from '../api/lifecycle.api';
import { PhaseActionForm, TaskCreateForm } from '../forms/TaskForms';
import { ChecklistTimeline } from './ChecklistTimeline';
import { useTaskDrawer } from './TaskDrawer';

const STEPS = ['start', 'implementation', 'closing', 'end'] as const;

/**
 * The project's delivery lifecycle (服务交付工作流程): start → implementation → closing → closed or
 * renewed, the moves the manager may make now, the task counts, and the checklist as a timeline.
 */
export function LifecyclePanel({ project }: { project: Project }) {
  const { t } = useTranslation(['lifecycle', 'common']);
  const mobile = useIsMobile();
  const act = useOverlay<PhaseAction>();
  const add = useOverlay();
  const drawer = useTaskDrawer();
  const query = useQuery({
    queryKey: lifecycleKeys.of(project.id),
    queryFn: ({ signal }) => lifecycleApi.get(project.id, signal),
  });
  if (query.isError) return <ErrorAlert error={query.error} />;
  const lc = query.data;
  if (!lc) return <Skeleton active />;

  const phase = lc.phase;
  const current = phase === null ? -1 : phase === 'closed' || phase === 'renewed' ? 3 : STEPS.indexOf(phase);
  const endTitle =
    phase === 'renewed' ? t('phase.renewed') : phase === 'closed' ? t('phase.closed') : t('steps.end');

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Steps
          size="small"
          orientation={mobile ? 'vertical' : 'horizontal'}
          current={current}
          status={phase === 'closed' || phase === 'renewed' ? 'finish' : 'process'}
          items={[
            { title: t('phase.start'), content: t('steps.startHint') },
            { title: t('phase.implementation'), content: t('steps.implementationHint') },
            { title: t('phase.closing'), content: t('steps.closingHint') },
            { title: endTitle },
          ]}
        />
        <Flex gap={8} wrap justify="space-between" align="center" style={{ marginTop: 16 }}>
          <Flex gap={8} wrap>
            {phase === null && (
              <span style={{ alignSelf: 'center' }}>
                {project.startDate && project.endDate ? t('notStartedHint') : t('needDatesHint')}
              </span>
            )}
            {lc.actions.map((a) => (
              <Button
                key={a}
                type={a === 'start' || a === 'implement' ? 'primary' : 'default'}
                danger={a === 'close'}
                onClick={() => act.show(a)}
              >
                {t(`phaseActions.${a}`)}
              </Button>
            ))}
          </Flex>
          {can(lc, 'manage') && (
            <Button icon={<PlusOutlined />} onClick={() => add.show()}>
              {t('task.create')}
            </Button>
          )}
        </Flex>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('counts.open')} value={lc.counts.open} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('counts.overdue')}
              value={lc.counts.overdue}
              styles={{ content: lc.counts.overdue ? { color: '#cf1322' } : undefined }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('counts.awaitingApproval')} value={lc.counts.awaitingApproval} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('counts.done')} value={lc.counts.done} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('checklist')}>
        <ChecklistTimeline projectId={project.id} onOpen={drawer.show} />
      </Card>
      {drawer.element}
      <FormModal
        open={act.open}
        title={act.record ? t(`phaseActions.${act.record}`) : ''}
        onClose={act.close}
      >
        {act.record && (
          <PhaseActionForm key={act.key} projectId={project.id} action={act.record} onDone={act.close} />
        )}
      </FormModal>
      <FormDrawer open={add.open} title={t('task.create')} onClose={add.close}>
        <TaskCreateForm key={add.key} projectId={project.id} onDone={add.close} />
      </FormDrawer>
    </Flex>
  );
}
