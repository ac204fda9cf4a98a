import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SubcontractorListQuery } from '@opsdesk/contracts';
import type { Subcontractor } from '@opsdesk/contracts';
import { useAbilities } from '../../../shared/abilities/useAbilities';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { subcontractorApi, subcontractorKeys } from '../api/subcontractor.api';
import { SubcontractorForm } from '../forms/SubcontractorForm';

const fetchSubcontractors = contractList(SubcontractorListQuery, subcontractorApi.list);

export default function SubcontractorListPage() {
  const { t } = useTranslation(['subcontractors', 'common']);
  const abilities = useAbilities();
  const navigate = useNavigate();
  const drawer = useOverlay();

  const columns: ListColumn<Subcontractor>[] = [
    {
      key: 'name',
      title: t('fields.name'),
      sortKey: 'name',
      alwaysVisible: true,
      render: (s) => <Link to={`/subcontractors/${s.id}`}>{s.name}</Link>,
    },
    { key: 'creditCode', title: t('fields.creditCode') },
    { key: 'contactName', title: t('fields.contactName') },
    { key: 'phone', title: t('fields.phone') },
    { key: 'email', title: t('fields.email'), defaultHidden: true },
    { key: 'qualifications', title: t('fields.qualifications'), defaultHidden: true, ellipsis: true },
    {
      key: 'createdAt',
      title: t('common:createdAt'),
      sortKey: 'createdAt',
      value: (s) => formatDateTime(s.createdAt),
    },
  ];

  return (
    <>
      <ListPage<Subcontractor>
        listKey="subcontractors"
        title={t('title')}
        queryKey={subcontractorKeys.all}
        fetchPage={fetchSubcontractors}
        columns={columns}
        rowKey={(s) => s.id}
        searchPlaceholder={t('searchPlaceholder')}
        defaultSort="name"
        emptyText={t('empty')}
        create={abilities.manageOrganisation ? { label: t('create'), onClick: () => drawer.show() } : null}
      />
      <FormDrawer open={drawer.open} title={t('create')} onClose={drawer.close}>
        <SubcontractorForm
          key={drawer.key}
          onDone={(saved) => {
            drawer.close();
            if (saved) void navigate(`/subcontractors/${saved.id}`);
          }}
        />
      </FormDrawer>
    </>
  );
}
