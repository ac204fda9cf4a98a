import { useTranslation } from 'react-i18next';
import type { Project } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { AttachmentList } from '../../../shared/attachments/AttachmentList';

/** The kinds of project document (category of the attachment). */
export const PROJECT_DOCUMENT_CATEGORIES = [
  'contract',
  'service_plan',
  'implementation_plan',
  'other',
] as const;

/** The project's documents: contract, service plan, implementation plan … (attachments of the project). */
export function ProjectDocuments({ project }: { project: Project }) {
  const { t } = useTranslation('documents');
  return (
    <AttachmentList
      owner={{ ownerType: 'project', ownerId: project.id }}
      canUpload={can(project, 'update')}
      categories={PROJECT_DOCUMENT_CATEGORIES}
      listKey="project-documents"
      paramPrefix="d."
      emptyText={t('projectEmpty')}
    />
  );
}
