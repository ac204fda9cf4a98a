import { App, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SubcontractorCreateSchema } from '@opsdesk/contracts';
import type { Subcontractor } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { subcontractorApi, subcontractorKeys } from '../api/subcontractor.api';

/** Create or edit a subcontractor (the create schema's output is a valid PATCH body). */
export function SubcontractorForm({
  subcontractor,
  onDone,
}: {
  subcontractor?: Subcontractor;
  onDone: (saved?: Subcontractor) => void;
}) {
  const { t } = useTranslation(['subcontractors', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: SubcontractorCreateSchema,
    submit: (data) =>
      subcontractor ? subcontractorApi.update(subcontractor.id, data) : subcontractorApi.create(data),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: subcontractorKeys.all });
      message.success(subcontractor ? t('common:form.saved') : t('common:form.created'));
      onDone(saved);
    },
  });
  const s = subcontractor;
  return (
    <ContractFormView
      form={form}
      onCancel={() => onDone()}
      initialValues={
        s && {
          name: s.name,
          creditCode: s.creditCode,
          contactName: s.contactName,
          phone: s.phone,
          email: s.email,
          qualifications: s.qualifications,
          notes: s.notes,
        }
      }
    >
      <Form.Item name="name" label={t('fields.name')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="creditCode" label={t('fields.creditCode')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="contactName" label={t('fields.contactName')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="phone" label={t('fields.phone')}>
        <Input maxLength={40} inputMode="tel" />
      </Form.Item>
      <Form.Item name="email" label={t('fields.email')}>
        <Input type="email" maxLength={200} />
      </Form.Item>
      <Form.Item name="qualifications" label={t('fields.qualifications')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="notes" label={t('fields.notes')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </ContractFormView>
  );
}
