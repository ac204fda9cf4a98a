import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TeamListQuery } from '@opsdesk/contracts';
import type { Team } from '@opsdesk/contracts';
import { can, useAbilities } from '../../../shared/abilities/useAbilities';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { teamApi, teamKeys } from '../api/team.api';
import { TeamForm } from '../forms/TeamForm';
import { RowActions } from '../../../shared/list/RowActions';

const fetchTeams = contractList(TeamListQuery, teamApi.list);

function Members({ team }: { team: Team }) {
  const { t } = useTranslation('common');
  if (!team.members.length) return <>{t('empty')}</>;
  return (
    <Space size={4} wrap>
      {team.members.map((m) => (
        <Tag key={m.userId} color={m.userId === team.leadUserId ? 'gold' : undefined}>
          {m.displayName}
        </Tag>
      ))}
    </Space>
  );
}

export default function TeamListPage() {
  const { t } = useTranslation(['teams', 'common']);
  const abilities = useAbilities();
  const create = useOverlay();
  const edit = useOverlay<Team>();

  const columns: ListColumn<Team>[] = [
    { key: 'name', title: t('fields.name'), sortKey: 'name', alwaysVisible: true },
    { key: 'leadName', title: t('fields.lead') },
    {
      key: 'memberCount',
      title: t('fields.memberCount'),
      align: 'right',
      value: (team) => team.members.length,
    },
    {
      key: 'members',
      title: t('fields.members'),
      value: (team) => team.members.map((m) => m.displayName).join(', '),
      render: (team) => <Members team={team} />,
    },
    { key: 'description', title: t('fields.description'), ellipsis: true, defaultHidden: true },
    {
      key: 'createdAt',
      title: t('common:createdAt'),
      sortKey: 'createdAt',
      defaultHidden: true,
      value: (team) => formatDateTime(team.createdAt),
    },
    {
      key: 'actions',
      title: t('common:actionsColumn'),
      noExport: true,
      render: (team) => (
        <RowActions
          onEdit={can(team, 'update') && (() => edit.show(team))}
          remove={
            can(team, 'delete') && {
              name: team.name,
              content: t('common:confirm.deleteContent'),
              action: () => teamApi.remove(team.id),
              invalidate: teamKeys.all,
            }
          }
        />
      ),
    },
  ];

  return (
    <>
      <ListPage<Team>
        listKey="teams"
        title={t('title')}
        queryKey={teamKeys.all}
        fetchPage={fetchTeams}
        columns={columns}
        rowKey={(team) => team.id}
        searchPlaceholder={t('searchPlaceholder')}
        defaultSort="name"
        emptyText={t('empty')}
        create={abilities.manageOrganisation ? { label: t('create'), onClick: () => create.show() } : null}
      />
      <FormDrawer open={create.open} title={t('create')} onClose={create.close}>
        <TeamForm key={create.key} onDone={create.close} />
      </FormDrawer>
      <FormDrawer open={edit.open} title={t('edit')} onClose={edit.close}>
        {edit.record && <TeamForm key={edit.key} team={edit.record} onDone={edit.close} />}
      </FormDrawer>
    </>
  );
}
