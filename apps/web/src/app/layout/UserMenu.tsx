import { App, Avatar, Button, Dropdown, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { KeyOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../features/auth/api/auth.api';
import { setCsrfToken } from '../api/client';
import { loginPath } from '../session/login-path';
import { useMe } from '../session/me';

/** My API tokens, change password, sign out. */
export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation(['layout', 'common']);
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();

  const signOut = async () => {
    try {
      await authApi.logout();
    } catch {
      // the session may already be gone; signing out locally is what matters
    }
    setCsrfToken(null);
    await navigate(loginPath(null, 'signedOut'), { replace: true });
    qc.removeQueries({ type: 'inactive' });
    message.success(t('user.signedOut'));
  };

  const items: MenuProps['items'] = [
    {
      key: 'tokens',
      icon: <KeyOutlined />,
      label: t('user.tokens'),
      onClick: () => void navigate('/me/tokens'),
    },
    {
      key: 'password',
      icon: <LockOutlined />,
      label: t('user.password'),
      onClick: () => void navigate('/me/password'),
    },
    { type: 'divider' },
    {
      key: 'signOut',
      icon: <LogoutOutlined />,
      label: t('user.signOut'),
      danger: true,
      onClick: () => void signOut(),
    },
  ];
  return (
    <Dropdown trigger={['click']} menu={{ items }} placement="bottomRight">
      <Button type="text" style={{ paddingInline: 4 }} aria-label={me.displayName}>
        <Space size={6}>
          <Avatar size="small" icon={<UserOutlined />} />
          {!compact && (
            <Typography.Text style={{ maxWidth: 140 }} ellipsis>
              {me.displayName}
            </Typography.Text>
          )}
        </Space>
      </Button>
    </Dropdown>
  );
}
