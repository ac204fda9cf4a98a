import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Engagement, Project } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { wholeList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import { RowActions } from '../../../shared/list/RowActions';
import type { ListColumn } from '../../../shared/list/types';
import { projectApi, projectKeys } from '../api/project.api';
import { EngagementForm } from '../forms/EngagementForm';

/** Subcontractors engaged on the project. */
export function ProjectSubcontractors({ project, title }: { project: Project; title?: string }) {
  const { t } = useTranslation(['projects', 'common']);
  const add = useOverlay();

  const columns: ListColumn<Engagement>[] = [
    {
      key: 'subcontractorName',
      title: t('engagements.subcontractor'),
      alwaysVisible: true,
      render: (e) => <Link to={`/subcontractors/${e.subcontractorId}`}>{e.subcontractorName}</Link>,
    },
    { key: 'scope', title: t('engagements.scope'), ellipsis: true },
    { key: 'createdAt', title: t('common:createdAt'), value: (e) => formatDateTime(e.createdAt) },
    {
      key: 'actions',
      title: t('common:actionsColumn'),
      noExport: true,
      render: (e) => (
        <RowActions
          remove={
            can(e, 'delete') && {
              verb: 'remove',
              name: e.subcontractorName,
              action: () => projectApi.disengage(project.id, e.subcontractorId),
              invalidate: projectKeys.engagements(project.id),
            }
          }
        />
      ),
    },
  ];

  return (
    <>
      <ListPage<Engagement>
        listKey="project-subcontractors"
        title={title}
        paramPrefix="s."
        queryKey={projectKeys.engagements(project.id)}
        fetchPage={wholeList((signal) => projectApi.engagements(project.id, signal))}
        paginated={false}
        columns={columns}
        rowKey={(e) => e.subcontractorId}
        emptyText={t('engagements.empty')}
        create={
          can(project, 'manageSubcontractors')
            ? { label: t('engagements.add'), onClick: () => add.show() }
            : null
        }
      />
      <FormDrawer open={add.open} title={t('engagements.title')} onClose={add.close}>
        <EngagementForm key={add.key} projectId={project.id} onDone={add.close} />
      </FormDrawer>
    </>
  );
}
