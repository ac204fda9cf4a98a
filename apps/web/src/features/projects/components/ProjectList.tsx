import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PROJECT_STATUSES, ProjectListQuery } from '@opsdesk/contracts';
import type { Project } from '@opsdesk/contracts';
import { useAbilities } from '../../../shared/abilities/useAbilities';
import { formatDate, formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn, ListFilter } from '../../../shared/list/types';
import { CustomerSelect } from '../../customers/components/CustomerSelect';
import { projectApi, projectKeys } from '../api/project.api';
import { ProjectCreateForm } from '../forms/ProjectForm';
import { ProjectStatusTag } from './ProjectStatusTag';

const fetchProjects = contractList(ProjectListQuery, projectApi.list);

/** Service projects in the user's scope, all or one customer's. */
export function ProjectList({
  customerId,
  paramPrefix,
  title,
}: {
  customerId?: string;
  paramPrefix?: string;
  title?: string;
}) {
  const { t } = useTranslation(['projects', 'common']);
  const abilities = useAbilities();
  const navigate = useNavigate();
  const create = useOverlay();

  const columns: ListColumn<Project>[] = [
    {
      key: 'code',
      title: t('fields.code'),
      sortKey: 'code',
      render: (p) => <Link to={`/projects/${p.id}`}>{p.code}</Link>,
    },
    {
      key: 'name',
      title: t('fields.name'),
      sortKey: 'name',
      alwaysVisible: true,
      render: (p) => <Link to={`/projects/${p.id}`}>{p.name}</Link>,
    },
    ...(customerId
      ? []
      : [
          {
            key: 'customerName',
            title: t('fields.customer'),
            render: (p: Project) => <Link to={`/customers/${p.customerId}`}>{p.customerName}</Link>,
          },
        ]),
    {
      key: 'status',
      title: t('fields.status'),
      value: (p) => t(`common:enums.projectStatus.${p.status}`),
      render: (p) => <ProjectStatusTag status={p.status} />,
    },
    { key: 'division', title: t('fields.division') },
    { key: 'region', title: t('fields.region') },
    {
      key: 'startDate',
      title: t('fields.startDate'),
      sortKey: 'startDate',
      value: (p) => formatDate(p.startDate),
    },
    { key: 'endDate', title: t('fields.endDate'), value: (p) => formatDate(p.endDate) },
    {
      key: 'createdAt',
      title: t('common:createdAt'),
      sortKey: 'createdAt',
      defaultHidden: true,
      value: (p) => formatDateTime(p.createdAt),
    },
  ];

  const filters: ListFilter[] = [
    ...(customerId
      ? []
      : [
          {
            name: 'customerId',
            label: t('fields.customer'),
            width: 240,
            render: (value: string | undefined, onChange: (v: string | undefined) => void) => (
              <CustomerSelect
                aria-label={t('fields.customer')}
                value={value}
                onChange={(v) => onChange(typeof v === 'string' ? v : undefined)}
              />
            ),
          },
        ]),
    {
      name: 'status',
      label: t('fields.status'),
      width: 140,
      options: PROJECT_STATUSES.map((s) => ({ value: s, label: t(`common:enums.projectStatus.${s}`) })),
    },
  ];

  return (
    <>
      <ListPage<Project>
        listKey={customerId ? 'customer-projects' : 'projects'}
        title={title}
        queryKey={projectKeys.all}
        fetchPage={fetchProjects}
        columns={columns}
        rowKey={(p) => p.id}
        filters={filters}
        fixedParams={customerId ? { customerId } : undefined}
        paramPrefix={paramPrefix}
        searchPlaceholder={t('searchPlaceholder')}
        defaultSort="code"
        emptyText={abilities.manageOrganisation ? t('empty') : t('emptyNoAbility')}
        create={abilities.manageOrganisation ? { label: t('create'), onClick: () => create.show() } : null}
      />
      <FormDrawer open={create.open} title={t('create')} onClose={create.close}>
        <ProjectCreateForm
          key={create.key}
          customerId={customerId}
          onDone={(saved) => {
            create.close();
            if (saved) void navigate(`/projects/${saved.id}`);
          }}
        />
      </FormDrawer>
    </>
  );
}
