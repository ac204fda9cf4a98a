import { App, Checkbox, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TicketUpdateSchema } from '@opsdesk/contracts';
import type { Ticket } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { ticketApi, ticketKeys } from '../api/tickets.api';
import { CategorySelect, GroupSelect, TicketSelect } from '../components/pickers';
import { useTicketLabels } from '../labels';

export const LEVELS = [1, 2, 3, 4] as const;

/** Impact or urgency, 1 (widest / most pressing) to 4, with what each level means. */
export function LevelSelect(props: {
  kind: 'impact' | 'urgency';
  id?: string;
  value?: number;
  onChange?: (v: number) => void;
}) {
  const labels = useTicketLabels();
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      options={LEVELS.map((l) => ({ value: l, label: `${l} · ${labels[props.kind](l)}` }))}
      style={{ width: '100%' }}
    />
  );
}

/** Edit a ticket's fields; the priority follows the project's matrix (the server computes it). */
export function TicketEditForm({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const { t } = useTranslation(['tickets', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: TicketUpdateSchema,
    toInput: (v) => ({
      ...v,
      categoryId: v.categoryId ?? null,
      groupId: v.groupId ?? null,
      parentId: v.parentId ?? null,
      tags: v.tags ?? [],
      description: v.description ?? '',
    }),
    submit: (data) => ticketApi.update(ticket.id, data),
    onSuccess: (next) => {
      qc.setQueryData(ticketKeys.detail(ticket.id), next);
      void qc.invalidateQueries({ queryKey: ticketKeys.all });
      message.success(t('common:form.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{
        title: ticket.title,
        description: ticket.description,
        categoryId: ticket.category?.id,
        impact: ticket.impact,
        urgency: ticket.urgency,
        businessStopped: ticket.businessStopped,
        tags: ticket.tags,
        groupId: ticket.group?.id,
        parentId: ticket.parent?.id,
      }}
    >
      <Form.Item name="title" label={t('fields.title')} required>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="categoryId" label={t('fields.category')}>
        <CategorySelect projectId={ticket.projectId} />
      </Form.Item>
      <Form.Item name="impact" label={t('fields.impact')}>
        <LevelSelect kind="impact" />
      </Form.Item>
      <Form.Item name="urgency" label={t('fields.urgency')}>
        <LevelSelect kind="urgency" />
      </Form.Item>
      <Form.Item name="businessStopped" valuePropName="checked">
        <Checkbox>{t('phone.businessStopped')}</Checkbox>
      </Form.Item>
      <Form.Item name="groupId" label={t('fields.group')}>
        <GroupSelect />
      </Form.Item>
      <Form.Item name="parentId" label={t('fields.parent')}>
        <TicketSelect projectId={ticket.projectId} excludeId={ticket.id} />
      </Form.Item>
      <Form.Item name="tags" label={t('fields.tags')}>
        <Select mode="tags" tokenSeparators={[',', '，']} maxCount={20} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="description" label={t('fields.description')} extra={t('reply.markdownHint')}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={50000} />
      </Form.Item>
    </ContractFormView>
  );
}
