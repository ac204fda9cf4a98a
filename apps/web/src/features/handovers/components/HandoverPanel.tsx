import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { CalendarOutlined, EditOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Handover, Project } from '@opsdesk/contracts';
import { isApiError } from '../../../app/api/client';
import { can } from '../../../shared/abilities/useAbilities';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { ChecklistTimeline } from '../../lifecycle/components/ChecklistTimeline';
import { useTaskDrawer } from '../../lifecycle/components/TaskDrawer';
import { serviceModeApi, serviceModeKeys } from '../../service-modes/api/service-mode.api';
import { ImplicationTags } from '../../service-modes/components/ModeFacts';
import { ModeTag } from '../../service-modes/components/ModeTag';
import { SuggestionCard } from '../../service-modes/components/SuggestionCard';
import { handoverApi, handoverKeys } from '../api/handover.api';
import {
  CustomerManagerForm,
  HandoverCreateForm,
  HandoverEditForm,
  ModeDecisionForm,
  SubcontractorDecisionForm,
} from '../forms/HandoverForms';
import { HandoverStandingTag } from './HandoverStandingTag';
import { TenderList } from './TenderList';

type Step = 'edit' | 'decide' | 'customerManager' | 'subcontractor';

function HandoverDetail({ project, handover }: { project: Project; handover: Handover }) {
  const { t } = useTranslation(['handovers', 'serviceModes', 'common']);
  const step = useOverlay<Step>();
  const drawer = useTaskDrawer();
  const suggestion = useQuery({
    queryKey: serviceModeKeys.suggestion(project.id),
    queryFn: ({ signal }) => serviceModeApi.suggestion(project.id, signal),
  });
  const person = (p: { displayName: string } | null, fallback = t('common:empty')) =>
    p?.displayName ?? fallback;
  const d = handover.decision;
  const a = handover.abilities;
  const mustAct =
    (a.decideMode && !d) ||
    (a.assignCustomerManager && d?.implies.customerManager && !handover.customerManager) ||
    (a.decideSubcontractor && d && !handover.subcontractorDecision);

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={
          <Space>
            <CalendarOutlined />
            {t('title')}
            <HandoverStandingTag standing={handover.standing} />
          </Space>
        }
        extra={
          a.update && (
            <Button icon={<EditOutlined />} onClick={() => step.show('edit')}>
              {t('common:actions.edit')}
            </Button>
          )
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'plannedDate', label: t('fields.plannedDate'), children: handover.plannedDate },
            { key: 'startDate', label: t('fields.startDate'), children: handover.startDate },
            {
              key: 'regional',
              label: t('fields.regionalManager'),
              children: person(handover.regionalManager, t('notNamed')),
            },
            {
              key: 'division',
              label: t('fields.divisionManager'),
              children: person(handover.divisionManager, t('notNamed')),
            },
            {
              key: 'serviceLead',
              label: t('fields.serviceLead'),
              children: person(handover.serviceLead, t('notNamed')),
            },
            {
              key: 'customerManager',
              label: t('fields.customerManager'),
              children: person(handover.customerManager, t('notNamed')),
            },
          ]}
        />
      </Card>

      <Card
        size="small"
        title={
          <Space>
            <SolutionOutlined />
            {t('decision.title')}
          </Space>
        }
        extra={
          <Space wrap>
            {a.decideMode && (
              <Button type={d ? 'default' : 'primary'} onClick={() => step.show('decide')}>
                {d ? t('actions.redecide') : t('actions.decide')}
              </Button>
            )}
            {a.assignCustomerManager && d?.implies.customerManager && (
              <Button
                type={handover.customerManager ? 'default' : 'primary'}
                onClick={() => step.show('customerManager')}
              >
                {t('actions.assignCustomerManager')}
              </Button>
            )}
            {a.decideSubcontractor && (
              <Button
                type={handover.subcontractorDecision ? 'default' : 'primary'}
                onClick={() => step.show('subcontractor')}
              >
                {t('actions.decideSubcontractor')}
              </Button>
            )}
          </Space>
        }
      >
        {mustAct && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('yourTurn')} />}
        {d ? (
          <Flex vertical gap={8}>
            <Space wrap>
              <ModeTag mode={d.mode} variant={d.variant} />
              {d.overridesSuggestion && <Tag color="warning">{t('decision.overrides')}</Tag>}
            </Space>
            <Typography.Text>
              {t('decision.by', { who: person(d.decidedBy), at: formatDateTime(d.decidedAt) })}
            </Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {t('decision.reasonShown', { reason: d.reason })}
            </Typography.Paragraph>
            <ImplicationTags implies={d.implies} />
            {handover.subcontractorDecision && (
              <Typography.Text>
                {t(
                  handover.subcontractorDecision.needed
                    ? 'subcontractor.decidedYes'
                    : 'subcontractor.decidedNo',
                  {
                    who: person(handover.subcontractorDecision.decidedBy),
                    reason: handover.subcontractorDecision.reason,
                  },
                )}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('decision.none')}</Typography.Text>
        )}
      </Card>

      <SuggestionCard projectId={project.id} />

      <Card
        size="small"
        title={
          <Space>
            <TeamOutlined />
            {t('followUp')}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('followUpHelp')}</Typography.Paragraph>
        <ChecklistTimeline
          projectId={project.id}
          phases={['handover']}
          onOpen={drawer.show}
          emptyText={t('followUpEmpty')}
        />
      </Card>

      <Card size="small" title={t('tenders.title')}>
        <TenderList
          projectId={project.id}
          projectName={project.name}
          canCreate={can(project, 'update') || a.decideSubcontractor}
        />
      </Card>

      {drawer.element}
      <FormDrawer
        open={step.open}
        title={step.record ? t(`stepTitle.${step.record}`) : ''}
        onClose={step.close}
      >
        {step.record === 'edit' && (
          <HandoverEditForm key={step.key} handover={handover} onDone={step.close} />
        )}
        {step.record === 'decide' && (
          <ModeDecisionForm
            key={step.key}
            handover={handover}
            suggestion={suggestion.data?.suggestion ?? handover.suggestion}
            onDone={step.close}
          />
        )}
        {step.record === 'customerManager' && (
          <CustomerManagerForm key={step.key} handover={handover} onDone={step.close} />
        )}
        {step.record === 'subcontractor' && (
          <SubcontractorDecisionForm key={step.key} handover={handover} onDone={step.close} />
        )}
      </FormDrawer>
    </Flex>
  );
}

/**
 * The project's service handover (服务交接): T−30 start, the suggested mode and why, the decision
 * with who and why, the staffing follow-ups and the subcontractor tender. Staff only (the server
 * refuses the others).
 */
export function HandoverPanel({ project }: { project: Project }) {
  const { t } = useTranslation(['handovers', 'common']);
  const open = useOverlay();
  const query = useQuery({
    queryKey: handoverKeys.of(project.id),
    queryFn: ({ signal }) => handoverApi.get(project.id, signal),
    retry: (n, e) => !(isApiError(e) && e.status === 404) && n < 2,
  });
  const none = isApiError(query.error) && query.error.status === 404;
  if (query.isError && !none) return <ErrorAlert error={query.error} />;
  if (query.data) return <HandoverDetail project={project} handover={query.data} />;
  if (!none) return <Skeleton active />;
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <Flex vertical gap={4}>
              <Typography.Text>{t('none')}</Typography.Text>
              <Typography.Text type="secondary">{t('noneHelp')}</Typography.Text>
            </Flex>
          }
        >
          {can(project, 'update') && (
            <Button type="primary" onClick={() => open.show()}>
              {t('actions.open')}
            </Button>
          )}
        </Empty>
      </Card>
      <SuggestionCard projectId={project.id} />
      <FormDrawer open={open.open} title={t('actions.open')} onClose={open.close}>
        <HandoverCreateForm key={open.key} projectId={project.id} onDone={open.close} />
      </FormDrawer>
    </Flex>
  );
}
