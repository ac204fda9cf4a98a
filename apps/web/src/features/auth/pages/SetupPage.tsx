import { App, Alert, Button, Form, Input, Result, Skeleton } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SetupSchema } from '@opsdesk/contracts';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { FormErrorAlert } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { authApi } from '../api/auth.api';
import { AuthCard } from '../components/AuthCard';
import { SETUP_KEY } from './LoginPage';

/** First run: `GET /setup` says whether there is an administrator; if not, create the first one. */
export default function SetupPage() {
  const { t } = useTranslation('auth');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const status = useQuery({
    queryKey: SETUP_KEY,
    queryFn: ({ signal }) => authApi.setupStatus(signal),
    retry: false,
  });
  const form = useContractForm({
    schema: SetupSchema,
    toInput: ({ confirmPassword: _confirm, ...v }) => v,
    submit: (data) => authApi.setup(data),
    onSuccess: () => {
      qc.setQueryData(SETUP_KEY, { needed: false });
      message.success(t('setup.done'));
      void navigate('/login', { replace: true });
    },
  });

  if (status.isPending)
    return (
      <AuthCard title={t('setup.title')}>
        <Skeleton active />
      </AuthCard>
    );
  if (status.isError)
    return (
      <AuthCard title={t('setup.title')}>
        <ErrorAlert error={status.error} />
      </AuthCard>
    );
  if (!status.data.needed) {
    return (
      <AuthCard title={t('setup.title')}>
        <Result
          status="success"
          title={t('setup.alreadyDone')}
          extra={<Link to="/login">{t('login.submit')}</Link>}
        />
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('setup.title')}>
      <Alert type="info" showIcon title={t('setup.intro')} style={{ marginBottom: 16 }} />
      <FormErrorAlert error={form.formError} />
      <Form form={form.form} layout="vertical" onFinish={(v: FormValues) => void form.onFinish(v)}>
        <Form.Item name="username" label={t('setup.username')} required>
          <Input autoComplete="username" maxLength={64} />
        </Form.Item>
        <Form.Item name="displayName" label={t('setup.displayName')} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="password" label={t('setup.password')} required>
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('setup.confirmPassword')}
          required
          dependencies={['password']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('setup.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={form.submitting}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
