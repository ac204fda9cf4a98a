import { useRef } from 'react';
import { App, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { WorkOrderSignOffSchema } from '@opsdesk/contracts';
import type { WorkOrder } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { workOrderApi, workOrderKeys } from '../api/work-orders.api';
import { SignatureCanvas } from '../components/SignatureCanvas';
import type { SignatureCanvasHandle } from '../components/SignatureCanvas';

/**
 * 客户签字确认 on the engineer's phone: the customer writes their name and signs with a finger;
 * the drawing goes as a PNG data URL in one JSON request (`POST /work-orders/:id/sign-off`).
 */
export function SignOffForm({ wo, label }: { wo: WorkOrder; label: string }) {
  const { t } = useTranslation(['workOrders', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const pad = useRef<SignatureCanvasHandle>(null);
  const form = useContractForm({
    schema: WorkOrderSignOffSchema,
    toInput: (v) => ({
      signerName: typeof v.signerName === 'string' ? v.signerName.trim() : '',
      signature: pad.current && !pad.current.isEmpty() ? pad.current.toPng() : '',
    }),
    submit: (data) => workOrderApi.signOff(wo.id, data),
    onSuccess: (next) => {
      qc.setQueryData(workOrderKeys.detail(wo.id), next);
      void qc.invalidateQueries({ queryKey: ['tickets'] });
      // The signature is an attachment of the ticket now.
      void qc.invalidateQueries({ queryKey: ['attachments'] });
      message.success(t('signOff.done'));
    },
  });
  return (
    <ContractFormView form={form} submitLabel={t('signOff.submit')}>
      <Typography.Paragraph type="secondary">{t('signOff.hint')}</Typography.Paragraph>
      <Form.Item
        name="signature"
        label={t('signOff.padLabel')}
        required
        rules={[
          {
            validator: () =>
              pad.current && !pad.current.isEmpty()
                ? Promise.resolve()
                : Promise.reject(new Error(t('signOff.required'))),
          },
        ]}
      >
        <SignatureCanvas
          ref={pad}
          aria-label={label}
          onChange={(empty) => {
            if (!empty) form.form.setFields([{ name: 'signature', errors: [] }]);
          }}
        />
      </Form.Item>
      <Form.Item name="signerName" label={t('fields.signer')} required>
        <Input
          size="large"
          maxLength={100}
          placeholder={t('signOff.signerPlaceholder')}
          autoComplete="name"
        />
      </Form.Item>
    </ContractFormView>
  );
}
