import { Link } from 'react-router';
import { App, Button, Form, Tag } from 'antd';
import { DisconnectOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CiTicketListQuery, CiTicketParams } from '@opsdesk/contracts';
import type { Ci } from '@opsdesk/contracts';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { formatDateTime } from '../../../shared/format';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { FormModal, useOverlay } from '../../../shared/form/overlays';
import { useContractForm } from '../../../shared/form/useContractForm';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { TicketSelect } from '../../tickets/components/pickers';
import { useTicketLabels } from '../../tickets/labels';
import { cmdbApi, cmdbKeys } from '../api/cmdb.api';
import type { CiTicket } from '../api/cmdb.api';

/** Name this CI on a ticket of its project (the ticket's affected CIs). */
function LinkTicketForm({ ci, onDone }: { ci: Ci; onDone: () => void }) {
  const { t } = useTranslation('cmdb');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: CiTicketParams.pick({ ticketId: true }),
    submit: (data) => cmdbApi.linkTicket(ci.id, data.ticketId),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: cmdbKeys.all });
      message.success(t('tickets.linked'));
      onDone();
    },
  });
  return (
    <ContractFormView form={form} onCancel={onDone} submitLabel={t('tickets.link')}>
      <Form.Item name="ticketId" label={t('tickets.ticket')} required>
        <TicketSelect projectId={ci.projectId} placeholder={t('tickets.ticketPlaceholder')} />
      </Form.Item>
    </ContractFormView>
  );
}

/** The tickets that name this CI as affected, newest first; CI editors link and unlink them. */
export function CiTickets({ ci }: { ci: Ci }) {
  const { t } = useTranslation(['cmdb', 'common']);
  const labels = useTicketLabels();
  const link = useOverlay();
  const confirm = useConfirmAction();
  const editable = ci.abilities.update;
  const columns: ListColumn<CiTicket>[] = [
    {
      key: 'number',
      title: t('tickets.number'),
      alwaysVisible: true,
      render: (r) => <Link to={`/tickets/${r.ticketId}`}>{r.number}</Link>,
    },
    { key: 'title', title: t('tickets.title'), ellipsis: true },
    { key: 'kind', title: t('tickets.kind'), value: (r) => labels.kind(r.kind) },
    {
      key: 'state',
      title: t('tickets.state'),
      value: (r) => labels.state(r.state),
      render: (r) => <Tag>{labels.state(r.state)}</Tag>,
    },
    { key: 'priority', title: t('tickets.priority'), value: (r) => `P${r.priority}` },
    { key: 'createdAt', title: t('common:createdAt'), value: (r) => formatDateTime(r.createdAt) },
    {
      key: 'addedAt',
      title: t('tickets.addedAt'),
      value: (r) => formatDateTime(r.addedAt),
      defaultHidden: true,
    },
    ...(editable
      ? [
          {
            key: 'actions',
            title: t('common:actionsColumn'),
            noExport: true,
            render: (r: CiTicket) => (
              <Button
                type="link"
                size="small"
                danger
                icon={<DisconnectOutlined />}
                onClick={() =>
                  confirm({
                    title: t('tickets.unlinkTitle', { number: r.number }),
                    okText: t('tickets.unlink'),
                    action: () => cmdbApi.unlinkTicket(ci.id, r.ticketId),
                    invalidate: cmdbKeys.all,
                    success: t('tickets.unlinked'),
                  })
                }
              >
                {t('tickets.unlink')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <ListPage<CiTicket>
        listKey="ci-tickets"
        paramPrefix="tk."
        queryKey={cmdbKeys.tickets(ci.id)}
        fetchPage={contractList(CiTicketListQuery, (q, signal) => cmdbApi.tickets(ci.id, q, signal))}
        columns={columns}
        rowKey={(r) => r.ticketId}
        emptyText={t('tickets.empty')}
        create={editable && !ci.deletedAt ? { label: t('tickets.link'), onClick: () => link.show() } : null}
      />
      <FormModal open={link.open} title={t('tickets.link')} onClose={link.close}>
        <LinkTicketForm key={link.key} ci={ci} onDone={link.close} />
      </FormModal>
    </>
  );
}
