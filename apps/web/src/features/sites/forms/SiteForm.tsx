import { App, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SiteCreateSchema, SiteUpdateSchema } from '@opsdesk/contracts';
import type { Site } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { CustomerSelect } from '../../customers/components/CustomerSelect';
import { siteApi, siteKeys } from '../api/site.api';

function SiteFields() {
  const { t } = useTranslation('sites');
  return (
    <>
      <Form.Item name="name" label={t('fields.name')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="address" label={t('fields.address')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="region" label={t('fields.region')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="notes" label={t('fields.notes')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </>
  );
}

function useSaved(onDone: () => void, created: boolean) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: siteKeys.all });
    message.success(created ? t('form.created') : t('form.saved'));
    onDone();
  };
}

/** A new site; `customerId` fixes the customer (from the customer's page). */
export function SiteCreateForm({ customerId, onDone }: { customerId?: string; onDone: () => void }) {
  const { t } = useTranslation('sites');
  const form = useContractForm({
    schema: SiteCreateSchema,
    fixed: customerId ? { customerId } : undefined,
    submit: (data) => siteApi.create(data),
    onSuccess: useSaved(onDone, true),
  });
  return (
    <ContractFormView form={form} onCancel={onDone}>
      {!customerId && (
        <Form.Item name="customerId" label={t('fields.customer')} required>
          <CustomerSelect />
        </Form.Item>
      )}
      <SiteFields />
    </ContractFormView>
  );
}

/** Edit a site; its customer does not change. */
export function SiteEditForm({ site, onDone }: { site: Site; onDone: () => void }) {
  const form = useContractForm({
    schema: SiteUpdateSchema,
    submit: (data) => siteApi.update(site.id, data),
    onSuccess: useSaved(onDone, false),
  });
  return (
    <ContractFormView
      form={form}
      initialValues={{ name: site.name, address: site.address, region: site.region, notes: site.notes }}
      onCancel={onDone}
    >
      <SiteFields />
    </ContractFormView>
  );
}
