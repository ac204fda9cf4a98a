import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { loginPath } from './login-path';
import { useMeQuery } from './me';

/** Renders its children only for a signed-in user; otherwise goes to /login and comes back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const location = useLocation();
  const me = useMeQuery();
  if (me.data) return children;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      const reason = me.error.code === 'SESSION_EXPIRED' ? 'expired' : undefined;
      return <Navigate to={loginPath(location.pathname + location.search, reason)} replace />;
    }
    return (
      <Result
        status="error"
        title={me.error.message}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t('actions.retry')}
          </Button>
        }
      />
    );
  }
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
      <Spin size="large" />
    </div>
  );
}
