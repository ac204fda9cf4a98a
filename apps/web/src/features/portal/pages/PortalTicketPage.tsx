import {
  App,
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Rate,
  Space,
  Tag,
  Typography,
} from 'antd';
import { CheckOutlined, RedoOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RatingSchema } from '@opsdesk/contracts';
import type { Ticket } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { DetailHeader } from '../../../shared/components/DetailHeader';
import { QueryState } from '../../../shared/components/QueryState';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { formatDateTime } from '../../../shared/format';
import { ticketApi, ticketKeys } from '../../tickets/api/tickets.api';
import { ActionButtons, useTicketActions } from '../../tickets/components/ActionButtons';
import { AttachmentsPanel } from '../../tickets/components/AttachmentsPanel';
import { ReplyBox } from '../../tickets/components/ReplyBox';
import { TicketStateTag } from '../../tickets/components/TicketTags';
import { ServerHtml, TicketTimeline } from '../../tickets/components/TicketTimeline';
import { useTicketLabels } from '../../tickets/labels';
import { useTicket, useTicketActivity } from '../../tickets/pages/TicketDetailPage';

/** `/portal/tickets/:id`: the requester's view — progress, replies, confirm or reject, rate. */
export default function PortalTicketPage() {
  const { id = '' } = useParams();
  const query = useTicket(id);
  return <QueryState query={query}>{(ticket) => <PortalTicket ticket={ticket} />}</QueryState>;
}

function PortalTicket({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation(['portal', 'tickets', 'common']);
  const labels = useTicketLabels();
  const none = t('common:empty');
  const actions = useTicketActions(ticket, {
    confirm: (a) => (a.action === 'close' ? t('detail.confirmQuestion') : null),
  });
  const { comments, events } = useTicketActivity(ticket.id);
  const close = actions.find('close');
  const reopen = actions.find('reopen');
  const resolved = ticket.stateCategory === 'resolved';

  return (
    <div style={{ maxWidth: 900, marginInline: 'auto' }}>
      <DetailHeader
        backTo="/portal"
        title={ticket.title}
        tags={
          <Space size={4} wrap>
            <Tag>{ticket.number}</Tag>
            <TicketStateTag ticket={ticket} />
          </Space>
        }
        actions={
          <ActionButtons
            actions={ticket.actions}
            start={actions.start}
            running={actions.running}
            hide={['close', 'reopen']}
          />
        }
      />
      <Flex vertical gap={16}>
        {resolved && (close || reopen) && (
          <Alert
            type="success"
            showIcon
            title={t('detail.resolvedTitle')}
            description={
              <Flex vertical gap={8}>
                {ticket.resolutionText && (
                  <div style={{ whiteSpace: 'pre-wrap' }}>
                    <Typography.Text type="secondary">
                      {t('detail.resolution', { code: labels.resolutionCode(ticket.resolutionCode) })}
                    </Typography.Text>
                    <div>{ticket.resolutionText}</div>
                  </div>
                )}
                <Typography.Text>{t('detail.confirmPrompt')}</Typography.Text>
                <Space wrap>
                  {close && (
                    <Button
                      type="primary"
                      icon={<CheckOutlined />}
                      loading={actions.running === 'close'}
                      onClick={() => actions.start(close)}
                    >
                      {t('detail.confirm')}
                    </Button>
                  )}
                  {reopen && (
                    <Button icon={<RedoOutlined />} onClick={() => actions.start(reopen)}>
                      {t('detail.reject')}
                    </Button>
                  )}
                </Space>
              </Flex>
            }
          />
        )}
        {can(ticket, 'rate') && <RatingCard ticket={ticket} />}
        {ticket.satisfaction && (
          <Card size="small" title={t('detail.yourRating')}>
            <Flex gap={8} align="center" wrap>
              <Rate disabled value={ticket.satisfaction.rating} />
              {ticket.satisfaction.comment && (
                <Typography.Text>{ticket.satisfaction.comment}</Typography.Text>
              )}
            </Flex>
            <Typography.Text type="secondary">{t('detail.thanks')}</Typography.Text>
          </Card>
        )}
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'kind', label: t('tickets:fields.kind'), children: labels.kind(ticket.kind) },
              { key: 'state', label: t('tickets:fields.state'), children: ticket.stateLabel },
              {
                key: 'requester',
                label: t('tickets:fields.requester'),
                children: ticket.requester?.displayName ?? none,
              },
              {
                key: 'assignee',
                label: t('detail.handler'),
                children: ticket.assignee?.displayName ?? t('detail.waiting'),
              },
              {
                key: 'created',
                label: t('tickets:fields.createdAt'),
                children: formatDateTime(ticket.createdAt),
              },
              {
                key: 'updated',
                label: t('tickets:fields.updatedAt'),
                children: formatDateTime(ticket.updatedAt),
              },
            ]}
          />
          {ticket.description.trim() && (
            <div style={{ marginTop: 8 }}>
              <ServerHtml html={ticket.descriptionHtml} />
            </div>
          )}
        </Card>
        <Card size="small" title={t('detail.progress')}>
          <TicketTimeline comments={comments} events={events} />
        </Card>
        <ReplyBox ticket={ticket} forRequester />
        <AttachmentsPanel ticketId={ticket.id} canAttach={can(ticket, 'attach')} />
      </Flex>
      {actions.dialog}
    </div>
  );
}

/** The requester rates a closed ticket, once: 1–5 stars and a comment. */
function RatingCard({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation(['portal', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: RatingSchema,
    toInput: (v) => ({
      rating: v.rating,
      ...(typeof v.comment === 'string' && v.comment.trim() ? { comment: v.comment } : {}),
    }),
    submit: (data) => ticketApi.rate(ticket.id, data),
    onSuccess: (next) => {
      qc.setQueryData(ticketKeys.detail(ticket.id), next);
      void qc.invalidateQueries({ queryKey: ticketKeys.all });
      message.success(t('rating.thanks'));
    },
  });
  return (
    <Card size="small" title={t('rating.title')}>
      <ContractFormView form={form} submitLabel={t('rating.submit')}>
        <Form.Item name="rating" label={t('rating.stars')} required>
          <Rate
            aria-label={t('rating.stars')}
            tooltips={[1, 2, 3, 4, 5].map((n) => t(`rating.levels.${n as 1 | 2 | 3 | 4 | 5}`))}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('rating.comment')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            placeholder={t('rating.commentPlaceholder')}
          />
        </Form.Item>
      </ContractFormView>
    </Card>
  );
}
