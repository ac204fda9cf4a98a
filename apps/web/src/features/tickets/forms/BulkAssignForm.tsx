import { App, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BulkAssignSchema } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { UserSelect } from '../../users/components/UserSelect';
import { ticketApi, ticketKeys } from '../api/tickets.api';

const KNOWN = ['FORBIDDEN', 'INVALID_TRANSITION', 'VALIDATION_FAILED', 'NOT_FOUND'] as const;
type KnownCode = (typeof KNOWN)[number];
const KNOWN_CODES: ReadonlySet<string> = new Set(KNOWN);

/**
 * Assign the selected tickets to one person, with a reason. Each ticket is its own transition on
 * the server: some may be refused (another project's staff, a closed ticket), the rest go through.
 */
export function BulkAssignForm(props: {
  ticketIds: string[];
  numbers: ReadonlyMap<string, string>;
  onDone: () => void;
}) {
  const { t } = useTranslation(['tickets', 'common']);
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: BulkAssignSchema,
    fixed: { ticketIds: props.ticketIds },
    submit: ticketApi.bulkAssign,
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ticketKeys.all });
      const failed = r.items.filter((i) => !i.ok);
      const ok = r.items.length - failed.length;
      if (!failed.length) message.success(t('bulk.done', { count: ok }));
      else
        modal.warning({
          title: t('bulk.partial', { ok, failed: failed.length }),
          content: (
            <ul style={{ paddingInlineStart: 18, margin: 0 }}>
              {failed.map((f) => (
                <li key={f.id}>
                  {t('bulk.failedLine', {
                    number: props.numbers.get(f.id) ?? f.id,
                    reason: t(
                      `bulk.codes.${KNOWN_CODES.has(f.code ?? '') ? (f.code as KnownCode) : 'other'}`,
                    ),
                  })}
                </li>
              ))}
            </ul>
          ),
        });
      props.onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={props.onDone}
      submitLabel={t('bulk.assign', { count: props.ticketIds.length })}
    >
      <Form.Item name="assigneeId" label={t('fields.assignee')} required>
        <UserSelect kind="staff" placeholder={t('pickers.assignee')} />
      </Form.Item>
      <Form.Item name="reason" label={t('enums.field.reason')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          placeholder={t('actions.reasonPlaceholder')}
        />
      </Form.Item>
    </ContractFormView>
  );
}
