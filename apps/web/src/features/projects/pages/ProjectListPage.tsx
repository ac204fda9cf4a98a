import { useTranslation } from 'react-i18next';
import { ProjectList } from '../components/ProjectList';

export default function ProjectListPage() {
  const { t } = useTranslation('projects');
  return <ProjectList title={t('title')} />;
}
