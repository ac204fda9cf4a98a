import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { User } from '@opsdesk/contracts';
import { formatDateTime } from '../../../shared/format';

export type UserStatus = 'disabled' | 'locked' | 'noLogin' | 'active';

export function userStatus(
  u: Pick<User, 'disabled' | 'lockedUntil' | 'canLogin'>,
  now = dayjs(),
): UserStatus {
  if (u.disabled) return 'disabled';
  if (u.lockedUntil && dayjs(u.lockedUntil).isAfter(now)) return 'locked';
  if (!u.canLogin) return 'noLogin';
  return 'active';
}

const COLORS: Record<UserStatus, string> = {
  disabled: 'red',
  locked: 'orange',
  noLogin: 'default',
  active: 'green',
};

export function UserStatusTag({ user }: { user: User }) {
  const { t } = useTranslation('users');
  const status = userStatus(user);
  const tag = <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>;
  return status === 'locked' ? (
    <Tooltip title={`${t('fields.lockedUntil')} ${formatDateTime(user.lockedUntil)}`}>{tag}</Tooltip>
  ) : (
    tag
  );
}
