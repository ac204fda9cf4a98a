import type { User, UserKind } from '@opsdesk/contracts';
import { useTranslation } from 'react-i18next';
import { EntitySelect } from '../../../shared/components/EntitySelect';
import type { EntitySelectProps } from '../../../shared/components/EntitySelect';
import { userApi, userKeys } from '../api/user.api';

type Props = Omit<EntitySelectProps<User>, 'queryKey' | 'search' | 'fetchOne' | 'toOption'> & {
  /** Only users of this kind (e.g. staff for team members). */
  kind?: UserKind;
};

/** `张三 (zhangsan) · 某某银行` — name, username and organisation, to tell namesakes apart. */
export function userLabel(
  u: Pick<User, 'displayName' | 'username' | 'customerName' | 'subcontractorName'>,
): string {
  const org = u.customerName ?? u.subcontractorName;
  const who = u.username ? `${u.displayName} (${u.username})` : u.displayName;
  return org ? `${who} · ${org}` : who;
}

/** Pick a user by searching `/users?q=` (enabled users only). */
export function UserSelect({ kind, ...props }: Props) {
  const { t } = useTranslation('users');
  return (
    <EntitySelect<User>
      queryKey={[...userKeys.all, 'picker', kind ?? 'any']}
      search={(q, signal) =>
        userApi.list({ q: q || undefined, kind, disabled: 'false', limit: 20 }, signal).then((p) => p.items)
      }
      fetchOne={userApi.get}
      toOption={(u) => ({ value: u.id, label: userLabel(u) })}
      placeholder={t('picker.placeholder')}
      {...props}
    />
  );
}
