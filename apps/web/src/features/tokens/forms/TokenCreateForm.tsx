import { Form, Input, InputNumber } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TokenCreateSchema } from '@opsdesk/contracts';
import type { z } from 'zod';
import type { TokenCreatedSchema } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { tokenApi, tokenKeys } from '../api/token.api';

export type CreatedToken = z.infer<typeof TokenCreatedSchema>;

/** Name a new token and, preferably, give it an expiry. */
export function TokenCreateForm({
  onCreated,
  onCancel,
}: {
  onCreated: (token: CreatedToken) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['tokens', 'common']);
  const qc = useQueryClient();
  const form = useContractForm({
    schema: TokenCreateSchema,
    submit: (data) => tokenApi.create(data),
    onSuccess: (created) => {
      void qc.invalidateQueries({ queryKey: tokenKeys.all });
      onCreated(created);
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onCancel}
      initialValues={{ expiresInDays: 90 }}
      submitLabel={t('create')}
    >
      <Form.Item name="name" label={t('fields.name')} required>
        <Input maxLength={100} placeholder={t('fields.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="expiresInDays" label={t('fields.expiresInDays')} extra={t('fields.expiresHelp')}>
        <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </ContractFormView>
  );
}
