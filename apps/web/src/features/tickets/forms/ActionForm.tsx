import { App, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TransitionBodySchema } from '@opsdesk/contracts';
import type { Ticket } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { ticketApi, ticketKeys } from '../api/tickets.api';
import { AssigneeSelect, GroupSelect } from '../components/pickers';
import { useTicketLabels } from '../labels';

export type TicketAction = Ticket['actions'][number];

/**
 * The body of one action with the fields its transition requires (the ticket's `actions` name
 * them): the contract schema plus "required" for those, so the browser asks before the server does.
 */
export function actionSchema(action: Pick<TicketAction, 'requiredFields'>) {
  return TransitionBodySchema.superRefine((body, ctx) => {
    for (const f of action.requiredFields) {
      const v = (body as Record<string, unknown>)[f.name];
      if (v === undefined || v === null || (typeof v === 'string' && !v.trim()))
        ctx.addIssue({ code: 'custom', path: [f.name], message: 'rule.missingTransitionField' });
    }
  });
}

/** Empty answers are left out: the lifecycle then names what is missing. */
function compact(values: FormValues): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || (typeof v === 'string' && !v.trim())) continue;
    out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

/** Whether an action needs a form (fields to fill, or assignment with its reason). */
export function needsForm(action: Pick<TicketAction, 'action' | 'requiredFields'>): boolean {
  return action.requiredFields.length > 0 || action.action === 'assign';
}

/** The small form of one lifecycle action (assign, put on hold, resolve, reopen, cancel …). */
export function ActionForm(props: {
  ticket: Pick<Ticket, 'id' | 'projectId' | 'assignee' | 'group'>;
  action: TicketAction;
  onDone: (ticket: Ticket) => void;
  onCancel?: () => void;
  submitLabel?: string;
}) {
  const { t } = useTranslation(['tickets', 'common']);
  const labels = useTicketLabels();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { action } = props;
  const form = useContractForm({
    schema: actionSchema(action),
    toInput: compact,
    submit: (data) => ticketApi.act(props.ticket.id, action.action, data),
    onSuccess: (ticket) => {
      qc.setQueryData(ticketKeys.detail(ticket.id), ticket);
      void qc.invalidateQueries({ queryKey: ticketKeys.all });
      message.success(t('actions.done', { action: action.label }));
      props.onDone(ticket);
    },
  });

  const field = (f: TicketAction['requiredFields'][number]) => {
    const label = labels.field(f.name);
    let control;
    if (f.name === 'assigneeId') control = <AssigneeSelect projectId={props.ticket.projectId} />;
    else if (f.type === 'enum') {
      const pickLabel =
        f.name === 'pendingReason'
          ? labels.pendingReason
          : f.name === 'resolutionCode'
            ? labels.resolutionCode
            : (v: string) => v;
      control = (
        <Select
          options={(f.values ?? []).map((v) => ({ value: v, label: pickLabel(v) }))}
          placeholder={t('actions.choose')}
          style={{ width: '100%' }}
        />
      );
    } else if (f.type === 'text')
      control = <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} />;
    else control = <Input />;
    return (
      <Form.Item key={f.name} name={f.name} label={label} required>
        {control}
      </Form.Item>
    );
  };

  return (
    <ContractFormView
      form={form}
      onCancel={props.onCancel}
      submitLabel={props.submitLabel ?? action.label}
      initialValues={action.action === 'assign' ? { groupId: props.ticket.group?.id } : undefined}
    >
      {action.requiredFields.map(field)}
      {action.action === 'assign' && (
        <>
          <Form.Item name="groupId" label={labels.field('groupId')}>
            <GroupSelect />
          </Form.Item>
          <Form.Item name="reason" label={labels.field('reason')}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={2000}
              placeholder={t('actions.reasonPlaceholder')}
            />
          </Form.Item>
        </>
      )}
    </ContractFormView>
  );
}
