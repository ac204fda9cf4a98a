import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoginSchema } from '@opsdesk/contracts';
import { resetAuthLost, setCsrfToken } from '../../../app/api/client';
import { safeNext } from '../../../app/session/login-path';
import { ME_KEY } from '../../../app/session/me';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { authApi } from '../api/auth.api';
import { AuthCard } from '../components/AuthCard';
import { LoginError } from '../components/LoginError';

export const SETUP_KEY = ['setup'] as const;

export default function LoginPage() {
  const { t } = useTranslation('auth');
  const [sp] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const next = safeNext(sp.get('next'));
  const reason = sp.get('reason');
  // A fresh installation has nobody to sign in as: go to the first-run page instead.
  const setup = useQuery({
    queryKey: SETUP_KEY,
    queryFn: ({ signal }) => authApi.setupStatus(signal),
    retry: false,
    staleTime: 60_000,
  });

  const form = useContractForm({
    schema: LoginSchema,
    submit: (data) => authApi.login(data),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      resetAuthLost();
      qc.setQueryData(ME_KEY, me);
      void navigate(next, { replace: true });
    },
  });

  if (setup.data?.needed) return <Navigate to="/setup" replace />;

  return (
    <AuthCard title={t('login.title')}>
      {reason === 'expired' && !form.formError && (
        <Alert type="warning" showIcon title={t('login.sessionExpired')} style={{ marginBottom: 16 }} />
      )}
      {reason === 'signedOut' && !form.formError && (
        <Alert type="success" showIcon title={t('login.signedOut')} style={{ marginBottom: 16 }} />
      )}
      <LoginError error={form.formError?.error} />
      <Form
        form={form.form}
        layout="vertical"
        onFinish={(v: FormValues) => void form.onFinish(v)}
        requiredMark={false}
      >
        <Form.Item name="username" label={t('login.username')}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" maxLength={64} />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')}>
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            size="large"
            maxLength={200}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={form.submitting}>
          {t('login.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
