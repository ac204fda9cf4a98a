import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Project } from '@opsdesk/contracts';
import { ProjectMembers } from './ProjectMembers';
import { ProjectSubcontractors } from './ProjectSubcontractors';

/** The team (members in their roles) and the subcontractors engaged, on one tab. */
export function ProjectTeam({ project }: { project: Project }) {
  const { t } = useTranslation('projects');
  return (
    <Flex vertical gap={24}>
      <ProjectMembers project={project} title={t('members.listTitle')} />
      <ProjectSubcontractors project={project} title={t('engagements.listTitle')} />
    </Flex>
  );
}
