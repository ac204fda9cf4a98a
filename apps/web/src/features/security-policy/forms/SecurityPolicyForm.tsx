import { App, Form, InputNumber } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SecurityPolicySchema, SecurityPolicyUpdateSchema } from '@opsdesk/contracts';
import type { SecurityPolicyDto } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { securityPolicyApi, securityPolicyKeys } from '../api/security-policy.api';

export const POLICY_FIELDS = [
  'passwordMinLength',
  'passwordMinClasses',
  'lockoutThreshold',
  'lockoutMinutes',
  'idleTimeoutMinutes',
  'sessionMaxHours',
] as const satisfies readonly (keyof SecurityPolicyDto)[];

/** The bounds come from the contract, so the form and the server agree. */
export function policyBounds(field: (typeof POLICY_FIELDS)[number]): { min: number; max: number } {
  const s = SecurityPolicySchema.shape[field];
  return { min: s.minValue ?? 0, max: s.maxValue ?? Number.MAX_SAFE_INTEGER };
}

export function SecurityPolicyForm({ policy, onDone }: { policy: SecurityPolicyDto; onDone: () => void }) {
  const { t } = useTranslation(['security', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: SecurityPolicyUpdateSchema,
    submit: (data) => securityPolicyApi.update(data),
    onSuccess: (saved) => {
      qc.setQueryData(securityPolicyKeys.all, saved);
      void qc.invalidateQueries({ queryKey: ['me'] }); // the idle timeout shown with the session
      message.success(t('common:form.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView form={form} initialValues={{ ...policy }} onCancel={onDone}>
      {POLICY_FIELDS.map((field) => {
        const { min, max } = policyBounds(field);
        const help = t('help.range', { min, max });
        return (
          <Form.Item
            key={field}
            name={field}
            label={t(`fields.${field}`)}
            required
            extra={
              field === 'passwordMinClasses' ? (
                <>
                  <div>{t('help.passwordMinClasses')}</div>
                  <div>{help}</div>
                </>
              ) : (
                help
              )
            }
          >
            <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        );
      })}
    </ContractFormView>
  );
}
