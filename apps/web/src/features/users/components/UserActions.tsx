import { Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { MoreOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { User } from '@opsdesk/contracts';
import { userStatus } from './UserStatusTag';

export type UserAction = 'edit' | 'disable' | 'enable' | 'resetPassword' | 'unlock' | 'roles';

/** The actions the server's `abilities` allow on this user. */
export function userActions(u: User): UserAction[] {
  const out: UserAction[] = [];
  if (u.abilities.update) out.push('edit');
  if (u.abilities.disable) out.push(u.disabled ? 'enable' : 'disable');
  if (u.abilities.resetPassword && u.canLogin) out.push('resetPassword');
  // Unlocking is an account action of the administrator, like resetting the password.
  if (u.abilities.resetPassword && userStatus(u) === 'locked') out.push('unlock');
  if (u.abilities.grantRoles) out.push('roles');
  return out;
}

export function UserActions({
  user,
  onAction,
}: {
  user: User;
  onAction: (action: UserAction, user: User) => void;
}) {
  const { t } = useTranslation(['users', 'common']);
  const actions = userActions(user);
  if (!actions.length) return null;
  const label: Record<UserAction, string> = {
    edit: t('common:actions.edit'),
    disable: t('actions.disable'),
    enable: t('actions.enable'),
    resetPassword: t('actions.resetPassword'),
    unlock: t('actions.unlock'),
    roles: t('actions.roles'),
  };
  const items: MenuProps['items'] = actions.map((a) => ({
    key: a,
    label: label[a],
    danger: a === 'disable',
  }));
  return (
    <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => onAction(key as UserAction, user) }}>
      <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('common:actions.more')} />
    </Dropdown>
  );
}
