import { App, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CustomerCreateSchema } from '@opsdesk/contracts';
import type { Customer } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { customerApi, customerKeys } from '../api/customer.api';

/**
 * Create or edit a customer. Both validate with the create schema (every field is on the form),
 * whose output is also a valid PATCH body.
 */
export function CustomerForm({
  customer,
  onDone,
}: {
  customer?: Customer;
  onDone: (saved?: Customer) => void;
}) {
  const { t } = useTranslation(['customers', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: CustomerCreateSchema,
    submit: (data) => (customer ? customerApi.update(customer.id, data) : customerApi.create(data)),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: customerKeys.all });
      message.success(customer ? t('common:form.saved') : t('common:form.created'));
      onDone(saved);
    },
  });
  const initialValues = customer
    ? {
        code: customer.code,
        name: customer.name,
        shortName: customer.shortName,
        industry: customer.industry,
        address: customer.address,
        phone: customer.phone,
        notes: customer.notes,
      }
    : undefined;
  return (
    <ContractFormView form={form} initialValues={initialValues} onCancel={() => onDone()}>
      <Form.Item name="name" label={t('fields.name')} required>
        <Input maxLength={200} autoFocus />
      </Form.Item>
      <Form.Item name="shortName" label={t('fields.shortName')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="code" label={t('fields.code')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="industry" label={t('fields.industry')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="phone" label={t('fields.phone')}>
        <Input maxLength={40} inputMode="tel" />
      </Form.Item>
      <Form.Item name="address" label={t('fields.address')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="notes" label={t('fields.notes')}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
    </ContractFormView>
  );
}
