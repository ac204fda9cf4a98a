import { useTranslation } from 'react-i18next';
import { UserList } from '../components/UserList';

export default function UserListPage() {
  const { t } = useTranslation('users');
  return <UserList listKey="users" title={t('title')} />;
}
