import { useTranslation } from 'react-i18next';
import { SiteList } from '../components/SiteList';

export default function SiteListPage() {
  const { t } = useTranslation('sites');
  return <SiteList title={t('title')} />;
}
