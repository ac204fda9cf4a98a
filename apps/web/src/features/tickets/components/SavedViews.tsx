import { App, Button, Dropdown, Form, Input } from 'antd';
import type { MenuProps } from 'antd';
import { DeleteOutlined, FilterOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TicketListQuery, TicketViewCreateSchema } from '@opsdesk/contracts';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { FormModal, useOverlay } from '../../../shared/form/overlays';
import { useContractForm } from '../../../shared/form/useContractForm';
import { ticketApi, ticketKeys } from '../api/tickets.api';
import type { TicketView } from '../api/tickets.api';

const LIST_PARAMS = new Set(Object.keys(TicketListQuery.shape).filter((k) => k !== 'cursor'));

/** The URL's list parameters (queue, filters, search, sort): what a saved view stores. */
export function viewQueryOf(sp: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of sp) if (LIST_PARAMS.has(k) && v !== '') out[k] = v;
  return out;
}

/** My saved views of the queue: apply one, save the current filters as one, delete. */
export function SavedViews() {
  const { t } = useTranslation(['tickets', 'common']);
  const [sp, setSp] = useSearchParams();
  const save = useOverlay();
  const confirm = useConfirmAction();
  const views = useQuery({ queryKey: ticketKeys.views, queryFn: ({ signal }) => ticketApi.views(signal) });
  const current = JSON.stringify(viewQueryOf(sp));
  const active = views.data?.items.find((v) => JSON.stringify(v.query) === current);

  const items: MenuProps['items'] = [
    ...(views.data?.items ?? []).map((v: TicketView) => ({
      key: v.id,
      label: v.name,
      onClick: () => setSp(new URLSearchParams(v.query)),
      extra: (
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('common:actions.delete')}
          onClick={(e) => {
            e.stopPropagation();
            confirm({
              title: t('common:confirm.deleteTitle', { name: v.name }),
              okText: t('common:actions.delete'),
              action: () => ticketApi.deleteView(v.id),
              invalidate: ticketKeys.views,
              success: t('common:form.deleted'),
            });
          }}
        />
      ),
    })),
    ...(views.data?.items.length ? [{ type: 'divider' as const }] : []),
    { key: '__save', icon: <SaveOutlined />, label: t('views.save'), onClick: () => save.show() },
  ];
  return (
    <>
      <Dropdown menu={{ items, selectedKeys: active ? [active.id] : [] }} trigger={['click']}>
        <Button icon={<FilterOutlined />}>{active ? active.name : t('views.title')}</Button>
      </Dropdown>
      <FormModal open={save.open} title={t('views.save')} onClose={save.close}>
        <SaveViewForm key={save.key} query={viewQueryOf(sp)} onDone={save.close} />
      </FormModal>
    </>
  );
}

function SaveViewForm({ query, onDone }: { query: Record<string, string>; onDone: () => void }) {
  const { t } = useTranslation(['tickets', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: TicketViewCreateSchema,
    fixed: { query },
    submit: ticketApi.createView,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ticketKeys.views });
      message.success(t('views.saved'));
      onDone();
    },
    messages: { unique: t('views.nameTaken') },
  });
  return (
    <ContractFormView form={form} onCancel={onDone}>
      <Form.Item name="name" label={t('views.name')} required>
        <Input maxLength={100} autoFocus placeholder={t('views.namePlaceholder')} />
      </Form.Item>
    </ContractFormView>
  );
}
