import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Rate, Row, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@opsdesk/contracts';
import { useMe } from '../../../app/session/me';
import { can } from '../../../shared/abilities/useAbilities';
import { DetailHeader } from '../../../shared/components/DetailHeader';
import { QueryState } from '../../../shared/components/QueryState';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { TicketCis } from '../../cmdb/components/TicketCis';
import { projectApi, projectKeys } from '../../projects/api/project.api';
import { ticketApi, ticketKeys } from '../api/tickets.api';
import { ActionButtons, useTicketActions } from '../components/ActionButtons';
import { AttachmentsPanel } from '../components/AttachmentsPanel';
import { RelatedPanel } from '../components/RelatedPanel';
import { ReplyBox } from '../components/ReplyBox';
import type { ReplyFocus } from '../components/ReplyBox';
import { ShortcutHelp } from '../components/ShortcutHelp';
import { SlaPanel } from '../components/SlaPanel';
import { BusinessStoppedTag, PriorityTag, TicketStateTag } from '../components/TicketTags';
import { ServerHtml, TicketTimeline } from '../components/TicketTimeline';
import { WatchersPanel } from '../components/WatchersPanel';
import { TicketEditForm } from '../forms/TicketEditForm';
import { useTicketLabels } from '../labels';
import { useShortcuts } from '../shortcuts';

export function useTicket(id: string, enabled = true) {
  return useQuery({
    queryKey: ticketKeys.detail(id),
    queryFn: ({ signal }) => ticketApi.get(id, signal),
    enabled,
  });
}

export function useTicketActivity(id: string) {
  const comments = useQuery({
    queryKey: ticketKeys.comments(id),
    queryFn: ({ signal }) => ticketApi.comments(id, signal),
  });
  const history = useQuery({
    queryKey: ticketKeys.history(id),
    queryFn: ({ signal }) => ticketApi.history(id, signal),
  });
  return { comments: comments.data?.items ?? [], events: history.data?.items ?? [] };
}

/** `/tickets/:id`: the agent's ticket page. Customer contacts (notification links) go to the portal's. */
export default function TicketDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const query = useTicket(id, me.kind !== 'customer_contact');
  if (me.kind === 'customer_contact') return <Navigate to={`/portal/tickets/${id}`} replace />;
  // A work order has its own page (check-in, work record, the customer's signature).
  if (query.data?.kind === 'work_order') return <Navigate to={`/work-orders/${id}`} replace />;
  return <QueryState query={query}>{(ticket) => <TicketDetail ticket={ticket} />}</QueryState>;
}

function TicketDetail({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation(['tickets', 'common']);
  const labels = useTicketLabels();
  const none = t('common:empty');
  const edit = useOverlay();
  const actions = useTicketActions(ticket);
  const [replyFocus, setReplyFocus] = useState<ReplyFocus | undefined>();
  const [help, setHelp] = useState(false);
  const { comments, events } = useTicketActivity(ticket.id);
  const project = useQuery({
    queryKey: projectKeys.detail(ticket.projectId),
    queryFn: ({ signal }) => projectApi.get(ticket.projectId, signal),
    staleTime: 5 * 60_000,
  });
  const members = useQuery({
    queryKey: projectKeys.members(ticket.projectId),
    queryFn: ({ signal }) => projectApi.members(ticket.projectId, signal),
    staleTime: 60_000,
  });

  const focusReply = (mode: ReplyFocus['mode']) => setReplyFocus((f) => ({ mode, seq: (f?.seq ?? 0) + 1 }));
  const assign = actions.find('assign');
  useShortcuts({
    reply: can(ticket, 'reply') ? () => focusReply('public') : undefined,
    note: can(ticket, 'internalNotes') ? () => focusReply('internal') : undefined,
    assign: assign ? () => actions.start(assign) : undefined,
    help: () => setHelp((h) => !h),
  });

  const names = new Map<string, string>();
  for (const m of members.data?.items ?? []) names.set(m.userId, m.displayName);
  for (const p of [ticket.assignee, ticket.requester, ...ticket.watchers])
    if (p) names.set(p.id, p.displayName);

  return (
    <>
      <DetailHeader
        backTo="/tickets"
        title={
          <span>
            <Typography.Text copyable={{ text: ticket.number }} style={{ fontSize: 'inherit' }}>
              {ticket.number}
            </Typography.Text>{' '}
            {ticket.title}
          </span>
        }
        tags={
          <Space size={4} wrap>
            <TicketStateTag ticket={ticket} />
            <PriorityTag priority={ticket.priority} />
            {ticket.businessStopped && <BusinessStoppedTag />}
            <Tag>{labels.kind(ticket.kind)}</Tag>
          </Space>
        }
        actions={
          <>
            <ActionButtons actions={ticket.actions} start={actions.start} running={actions.running} />
            {can(ticket, 'update') && (
              <Button icon={<EditOutlined />} onClick={() => edit.show()}>
                {t('common:actions.edit')}
              </Button>
            )}
            <ShortcutHelp open={help} onOpenChange={setHelp} />
          </>
        }
      />
      {ticket.mergedInto && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('detail.merged', { number: ticket.mergedInto.number })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('fields.description')}>
              {ticket.description.trim() ? (
                <ServerHtml html={ticket.descriptionHtml} />
              ) : (
                <Typography.Text type="secondary">{t('detail.noDescription')}</Typography.Text>
              )}
              {ticket.resolutionText && (
                <Alert
                  type="success"
                  style={{ marginTop: 12 }}
                  title={t('detail.resolution', { code: labels.resolutionCode(ticket.resolutionCode) })}
                  description={<div style={{ whiteSpace: 'pre-wrap' }}>{ticket.resolutionText}</div>}
                />
              )}
              {ticket.satisfaction && (
                <Flex gap={8} align="center" wrap style={{ marginTop: 12 }}>
                  <Typography.Text>{t('detail.satisfaction')}</Typography.Text>
                  <Rate disabled value={ticket.satisfaction.rating} />
                  {ticket.satisfaction.comment && (
                    <Typography.Text>{ticket.satisfaction.comment}</Typography.Text>
                  )}
                </Flex>
              )}
            </Card>
            <Card size="small" title={t('timeline.title')}>
              <TicketTimeline comments={comments} events={events} names={names} />
            </Card>
            <ReplyBox ticket={ticket} focus={replyFocus} showTimeSpent />
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('detail.info')}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'project',
                    label: t('fields.project'),
                    children: project.data ? (
                      <Link
                        to={`/projects/${ticket.projectId}`}
                      >{`${project.data.code} ${project.data.name}`}</Link>
                    ) : (
                      none
                    ),
                  },
                  {
                    key: 'requester',
                    label: t('fields.requester'),
                    children: ticket.requester?.displayName ?? none,
                  },
                  {
                    key: 'assignee',
                    label: t('fields.assignee'),
                    children: ticket.assignee?.displayName ?? none,
                  },
                  { key: 'group', label: t('fields.group'), children: ticket.group?.name ?? none },
                  { key: 'category', label: t('fields.category'), children: ticket.category?.name ?? none },
                  { key: 'channel', label: t('fields.channel'), children: labels.channel(ticket.channel) },
                  {
                    key: 'level',
                    label: t('fields.impactUrgency'),
                    children: `${ticket.impact} × ${ticket.urgency} → P${ticket.priority}`,
                  },
                  ...(ticket.pendingReason
                    ? [
                        {
                          key: 'pending',
                          label: t('fields.pendingReason'),
                          children: labels.pendingReason(ticket.pendingReason),
                        },
                      ]
                    : []),
                  {
                    key: 'tags',
                    label: t('fields.tags'),
                    children: ticket.tags.length
                      ? ticket.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)
                      : none,
                  },
                  {
                    key: 'created',
                    label: t('fields.createdAt'),
                    children: formatDateTime(ticket.createdAt),
                  },
                  {
                    key: 'responded',
                    label: t('fields.respondedAt'),
                    children: formatDateTime(ticket.respondedAt),
                  },
                  {
                    key: 'resolved',
                    label: t('fields.resolvedAt'),
                    children: formatDateTime(ticket.resolvedAt),
                  },
                  ...(ticket.closedAt
                    ? [
                        {
                          key: 'closed',
                          label: t('fields.closedAt'),
                          children: formatDateTime(ticket.closedAt),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <SlaPanel ticketId={ticket.id} />
            <RelatedPanel ticket={ticket} />
            <TicketCis ticketId={ticket.id} projectId={ticket.projectId} />
            <WatchersPanel ticket={ticket} />
            <AttachmentsPanel ticketId={ticket.id} canAttach={can(ticket, 'attach')} />
          </Flex>
        </Col>
      </Row>
      {actions.dialog}
      <FormDrawer open={edit.open} title={t('detail.edit')} onClose={edit.close}>
        <TicketEditForm key={edit.key} ticket={ticket} onDone={edit.close} />
      </FormDrawer>
    </>
  );
}
