import { App, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PasswordChangeSchema } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { authApi } from '../api/auth.api';

export default function ChangePasswordPage() {
  const { t } = useTranslation('auth');
  const { message } = App.useApp();
  const form = useContractForm({
    schema: PasswordChangeSchema,
    toInput: ({ confirmPassword: _confirm, ...v }) => v,
    submit: (data) => authApi.changePassword(data),
    onSuccess: () => {
      message.success(t('password.changed'));
      form.form.resetFields();
    },
  });
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('password.title')}
      </Typography.Title>
      <Card style={{ maxWidth: 480 }}>
        <ContractFormView form={form} submitLabel={t('password.submit')}>
          <Form.Item name="currentPassword" label={t('password.current')} required>
            <Input.Password autoComplete="current-password" maxLength={200} />
          </Form.Item>
          <Form.Item name="newPassword" label={t('password.next')} required>
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('password.confirm')}
            required
            dependencies={['newPassword']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
        </ContractFormView>
      </Card>
    </>
  );
}
