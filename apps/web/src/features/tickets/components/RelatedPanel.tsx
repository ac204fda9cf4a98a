import type { ReactNode } from 'react';
import { App, Button, Card, Flex, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, LinkOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LinkCreateSchema, MergeSchema } from '@opsdesk/contracts';
import type { Ticket } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { FormModal, useOverlay } from '../../../shared/form/overlays';
import { useContractForm } from '../../../shared/form/useContractForm';
import { ticketApi, ticketKeys } from '../api/tickets.api';
import { useTicketLabels } from '../labels';
import { TicketSelect } from './pickers';

type Ref = Ticket['children'][number];

function RefLine({ r, extra }: { r: Ref; extra?: ReactNode }) {
  const labels = useTicketLabels();
  return (
    <Flex gap={6} align="center" wrap style={{ minWidth: 0 }}>
      <Link to={`/tickets/${r.id}`}>{r.number}</Link>
      <Typography.Text ellipsis style={{ maxWidth: 200 }}>
        {r.title}
      </Typography.Text>
      <Tag>{labels.state(r.state)}</Tag>
      {extra}
    </Flex>
  );
}

/** Parent, children, related and duplicate links; link another ticket; merge this duplicate. */
export function RelatedPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation(['tickets', 'common']);
  const confirm = useConfirmAction();
  const link = useOverlay();
  const merge = useOverlay();
  const empty = !ticket.parent && !ticket.children.length && !ticket.links.length && !ticket.mergedInto;
  return (
    <Card
      size="small"
      title={t('related.title')}
      extra={
        <Space size={0}>
          {can(ticket, 'link') && (
            <Button size="small" type="link" icon={<LinkOutlined />} onClick={() => link.show()}>
              {t('related.link')}
            </Button>
          )}
          {can(ticket, 'merge') && (
            <Button size="small" type="link" onClick={() => merge.show()}>
              {t('related.merge')}
            </Button>
          )}
        </Space>
      }
    >
      {empty && <Typography.Text type="secondary">{t('related.none')}</Typography.Text>}
      <Flex vertical gap={8}>
        {ticket.mergedInto && (
          <div>
            <Typography.Text type="secondary">{t('related.mergedInto')}</Typography.Text>
            <RefLine r={ticket.mergedInto} />
          </div>
        )}
        {ticket.parent && (
          <div>
            <Typography.Text type="secondary">{t('related.parent')}</Typography.Text>
            <RefLine r={ticket.parent} />
          </div>
        )}
        {ticket.children.length > 0 && (
          <div>
            <Typography.Text type="secondary">{t('related.children')}</Typography.Text>
            {ticket.children.map((c) => (
              <RefLine key={c.id} r={c} />
            ))}
          </div>
        )}
        {ticket.links.length > 0 && (
          <div>
            <Typography.Text type="secondary">{t('related.links')}</Typography.Text>
            {ticket.links.map((l) => (
              <RefLine
                key={l.id}
                r={l.ticket}
                extra={
                  <>
                    <Tag color={l.type === 'duplicate' ? 'purple' : 'cyan'}>
                      {t(`related.types.${l.type}`)}
                    </Tag>
                    {can(ticket, 'link') && (
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('related.unlink')}
                        onClick={() =>
                          confirm({
                            title: t('related.unlinkConfirm', { number: l.ticket.number }),
                            action: () => ticketApi.removeLink(ticket.id, l.id),
                            invalidate: ticketKeys.all,
                            success: t('common:form.removed'),
                          })
                        }
                      />
                    )}
                  </>
                }
              />
            ))}
          </div>
        )}
      </Flex>
      <FormModal open={link.open} title={t('related.link')} onClose={link.close}>
        <LinkForm key={link.key} ticket={ticket} onDone={link.close} />
      </FormModal>
      <FormModal open={merge.open} title={t('related.merge')} onClose={merge.close}>
        <MergeForm key={merge.key} ticket={ticket} onDone={merge.close} />
      </FormModal>
    </Card>
  );
}

function LinkForm({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const { t } = useTranslation(['tickets', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: LinkCreateSchema,
    submit: (data) => ticketApi.addLink(ticket.id, data),
    onSuccess: (next) => {
      qc.setQueryData(ticketKeys.detail(ticket.id), next);
      void qc.invalidateQueries({ queryKey: ticketKeys.all });
      message.success(t('related.linked'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{ type: 'related' }}
      submitLabel={t('related.link')}
    >
      <Form.Item name="otherId" label={t('related.other')} required>
        <TicketSelect excludeId={ticket.id} />
      </Form.Item>
      <Form.Item name="type" label={t('related.type')}>
        <Radio.Group
          options={[
            { value: 'related', label: t('related.types.related') },
            { value: 'duplicate', label: t('related.types.duplicate') },
          ]}
        />
      </Form.Item>
    </ContractFormView>
  );
}

function MergeForm({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const { t } = useTranslation(['tickets', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: MergeSchema,
    submit: (data) => ticketApi.merge(ticket.id, data),
    onSuccess: (next) => {
      qc.setQueryData(ticketKeys.detail(ticket.id), next);
      void qc.invalidateQueries({ queryKey: ticketKeys.all });
      message.success(t('related.merged'));
      onDone();
    },
  });
  return (
    <ContractFormView form={form} onCancel={onDone} submitLabel={t('related.merge')}>
      <Typography.Paragraph type="secondary">
        {t('related.mergeHint', { number: ticket.number })}
      </Typography.Paragraph>
      <Form.Item name="targetId" label={t('related.mergeTarget')} required>
        <TicketSelect projectId={ticket.projectId} excludeId={ticket.id} />
      </Form.Item>
      <Form.Item name="reason" label={t('related.mergeReason')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </ContractFormView>
  );
}
