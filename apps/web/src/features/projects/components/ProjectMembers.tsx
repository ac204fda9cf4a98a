import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Membership, Project } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { wholeList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import { RowActions } from '../../../shared/list/RowActions';
import type { ListColumn } from '../../../shared/list/types';
import { projectApi, projectKeys } from '../api/project.api';
import { MemberForm } from '../forms/MemberForm';

/** The project's members and their roles; managers add and remove them. */
export function ProjectMembers({ project, title }: { project: Project; title?: string }) {
  const { t } = useTranslation(['projects', 'common']);
  const add = useOverlay();

  const columns: ListColumn<Membership>[] = [
    { key: 'displayName', title: t('members.user'), alwaysVisible: true },
    {
      key: 'role',
      title: t('members.role'),
      value: (m) => t(`common:enums.projectRole.${m.role}`),
      render: (m) => <Tag color="blue">{t(`common:enums.projectRole.${m.role}`)}</Tag>,
    },
    {
      key: 'specialty',
      title: t('members.specialty'),
      value: (m) => (m.specialty ? t(`common:enums.specialty.${m.specialty}`) : null),
    },
    { key: 'userKind', title: t('members.kind'), value: (m) => t(`common:enums.userKind.${m.userKind}`) },
    { key: 'organisationName', title: t('members.organisation') },
    {
      key: 'createdAt',
      title: t('common:createdAt'),
      defaultHidden: true,
      value: (m) => formatDateTime(m.createdAt),
    },
    {
      key: 'actions',
      title: t('common:actionsColumn'),
      noExport: true,
      render: (m) => (
        <RowActions
          remove={
            can(m, 'delete') && {
              verb: 'remove',
              name: m.displayName,
              action: () => projectApi.removeMember(project.id, m.id),
              invalidate: projectKeys.members(project.id),
            }
          }
        />
      ),
    },
  ];

  return (
    <>
      <ListPage<Membership>
        listKey="project-members"
        title={title}
        paramPrefix="m."
        queryKey={projectKeys.members(project.id)}
        fetchPage={wholeList((signal) => projectApi.members(project.id, signal))}
        paginated={false}
        columns={columns}
        rowKey={(m) => m.id}
        emptyText={t('members.empty')}
        create={can(project, 'manageMembers') ? { label: t('members.add'), onClick: () => add.show() } : null}
      />
      <FormDrawer open={add.open} title={t('members.title')} onClose={add.close}>
        <MemberForm key={add.key} projectId={project.id} onDone={add.close} />
      </FormDrawer>
    </>
  );
}
