import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from '@opsdesk/contracts';

const COLORS: Record<ProjectStatus, string> = { planned: 'blue', active: 'green', closed: 'default' };

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation('common');
  return <Tag color={COLORS[status]}>{t(`enums.projectStatus.${status}`)}</Tag>;
}
