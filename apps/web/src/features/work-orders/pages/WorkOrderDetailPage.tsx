import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '@opsdesk/contracts';
import { useMe } from '../../../app/session/me';
import { can } from '../../../shared/abilities/useAbilities';
import { DetailHeader } from '../../../shared/components/DetailHeader';
import { QueryState } from '../../../shared/components/QueryState';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { projectApi, projectKeys } from '../../projects/api/project.api';
import { ActionButtons } from '../../tickets/components/ActionButtons';
import { AttachmentsPanel } from '../../tickets/components/AttachmentsPanel';
import { RelatedPanel } from '../../tickets/components/RelatedPanel';
import { ReplyBox } from '../../tickets/components/ReplyBox';
import { SlaBadge } from '../../tickets/components/SlaBadge';
import { SlaPanel, useTicketSla } from '../../tickets/components/SlaPanel';
import { PriorityTag, TicketStateTag } from '../../tickets/components/TicketTags';
import { TicketTimeline } from '../../tickets/components/TicketTimeline';
import { useTicketActivity } from '../../tickets/pages/TicketDetailPage';
import { clockBadge } from '../../tickets/sla';
import { workOrderApi, workOrderKeys } from '../api/work-orders.api';
import { SignedOff, WorkOrderPlanCard, WorkOrderRecordCard } from '../components/WorkOrderPanels';
import { useWorkOrderActions } from '../components/useWorkOrderActions';
import { SignOffForm } from '../forms/SignOffForm';
import { WorkOrderPlanForm } from '../forms/WorkOrderForm';

export function useWorkOrder(id: string) {
  return useQuery({
    queryKey: workOrderKeys.detail(id),
    queryFn: ({ signal }) => workOrderApi.get(id, signal),
  });
}

/** `/work-orders/:id`: the work order on the ticket page's pieces, worked on a phone on site. */
export default function WorkOrderDetailPage() {
  const { id = '' } = useParams();
  const query = useWorkOrder(id);
  return <QueryState query={query}>{(wo) => <WorkOrderView wo={wo} />}</QueryState>;
}

/** The on-site arrival clock (dispatch → check-in) as an SLA badge, from the ticket's clocks. */
function ArrivalBadge({ wo }: { wo: WorkOrder }) {
  const { t } = useTranslation('workOrders');
  const sla = useTicketSla(wo.id);
  const clock = sla.data?.clocks.find((c) => c.metric === 'arrival');
  if (!clock) return null;
  return <SlaBadge model={clockBadge(clock)} prefix={t('arrival')} />;
}

function WorkOrderView({ wo }: { wo: WorkOrder }) {
  const { t } = useTranslation(['workOrders', 'tickets', 'common']);
  const me = useMe();
  const none = t('common:empty');
  const edit = useOverlay();
  const actions = useWorkOrderActions(wo);
  const { comments, events } = useTicketActivity(wo.id);
  const staff = me.kind === 'staff';
  const project = useQuery({
    queryKey: projectKeys.detail(wo.projectId),
    queryFn: ({ signal }) => projectApi.get(wo.projectId, signal),
    staleTime: 5 * 60_000,
  });
  const signOff = wo.actions.find((a) => a.action === 'sign_off');
  const names = new Map<string, string>();
  for (const p of [wo.assignee, wo.requester, ...wo.watchers]) if (p) names.set(p.id, p.displayName);

  const signCard = (signOff || wo.workOrder.signOff) && (
    <Card size="small" title={t('sections.signOff')} id="sign-off">
      {wo.workOrder.signOff ? (
        <SignedOff wo={wo} />
      ) : (
        signOff && <SignOffForm wo={wo} label={signOff.label} />
      )}
    </Card>
  );

  return (
    <>
      <DetailHeader
        backTo="/work-orders"
        title={
          <span>
            <Typography.Text copyable={{ text: wo.number }} style={{ fontSize: 'inherit' }}>
              {wo.number}
            </Typography.Text>{' '}
            {wo.title}
          </span>
        }
        tags={
          <Space size={4} wrap>
            <TicketStateTag ticket={wo} />
            <PriorityTag priority={wo.priority} />
            <ArrivalBadge wo={wo} />
          </Space>
        }
        actions={
          <>
            <ActionButtons
              actions={wo.actions}
              start={actions.start}
              running={actions.running}
              hide={['sign_off']}
            />
            {wo.workOrder.abilities.plan && (
              <Button icon={<EditOutlined />} onClick={() => edit.show()}>
                {t('edit')}
              </Button>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            {signCard}
            <WorkOrderPlanCard wo={wo} />
            <WorkOrderRecordCard wo={wo} />
            <Card size="small" title={t('tickets:timeline.title')}>
              <TicketTimeline comments={comments} events={events} names={names} />
            </Card>
            {staff || wo.abilities.reply ? <ReplyBox ticket={wo} showTimeSpent={staff} /> : null}
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('tickets:detail.info')}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'project',
                    label: t('fields.project'),
                    children: project.data ? (
                      <Link
                        to={`/projects/${wo.projectId}`}
                      >{`${project.data.code} ${project.data.name}`}</Link>
                    ) : (
                      none
                    ),
                  },
                  {
                    key: 'assignee',
                    label: t('fields.assignee'),
                    children: wo.assignee?.displayName ?? none,
                  },
                  {
                    key: 'requester',
                    label: t('fields.requester'),
                    children: wo.requester?.displayName ?? none,
                  },
                  { key: 'group', label: t('fields.group'), children: wo.group?.name ?? none },
                  {
                    key: 'tags',
                    label: t('fields.tags'),
                    children: wo.tags.length ? wo.tags.map((x) => <Tag key={x}>{x}</Tag>) : none,
                  },
                  { key: 'created', label: t('fields.createdAt'), children: formatDateTime(wo.createdAt) },
                ]}
              />
            </Card>
            <SlaPanel ticketId={wo.id} />
            <RelatedPanel ticket={wo} />
            <AttachmentsPanel ticketId={wo.id} canAttach={can(wo, 'attach')} />
          </Flex>
        </Col>
      </Row>
      {actions.dialog}
      <FormDrawer open={edit.open} title={t('edit')} onClose={edit.close}>
        <WorkOrderPlanForm key={edit.key} wo={wo} onDone={edit.close} />
      </FormDrawer>
    </>
  );
}
