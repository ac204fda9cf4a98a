import { Link, useNavigate } from 'react-router';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CI_CATEGORIES, CiTypeListQuery } from '@opsdesk/contracts';
import type { CiType } from '@opsdesk/contracts';
import { useAbilities } from '../../../shared/abilities/useAbilities';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn, ListFilter } from '../../../shared/list/types';
import { useCmdbLabels } from '../../cmdb/labels';
import { ciTypeApi, ciTypeKeys } from '../api/ci-type.api';
import { CiTypeCreateForm } from '../forms/CiTypeForm';

const fetchTypes = contractList(CiTypeListQuery, ciTypeApi.list);

/** `/ci-types`: CI types as data — built-in and custom, with their attributes (admins edit them). */
export default function CiTypeListPage() {
  const { t } = useTranslation(['ciTypes', 'common']);
  const labels = useCmdbLabels();
  const abilities = useAbilities();
  const navigate = useNavigate();
  const create = useOverlay();
  const columns: ListColumn<CiType>[] = [
    {
      key: 'label',
      title: t('fields.label'),
      alwaysVisible: true,
      value: (ty) => labels.type(ty),
      render: (ty) => <Link to={`/ci-types/${ty.id}`}>{labels.type(ty)}</Link>,
    },
    { key: 'key', title: t('fields.key'), sortKey: 'key' },
    { key: 'category', title: t('fields.category'), value: (ty) => labels.category(ty.category) },
    {
      key: 'system',
      title: t('fields.origin'),
      value: (ty) => (ty.system ? t('builtIn') : t('custom')),
      render: (ty) => (
        <Tag color={ty.system ? 'default' : 'blue'}>{ty.system ? t('builtIn') : t('custom')}</Tag>
      ),
    },
    {
      key: 'attributes',
      title: t('fields.attributeCount'),
      align: 'right',
      value: (ty) => ty.attributes.length,
    },
    { key: 'version', title: t('fields.version'), align: 'right' },
    {
      key: 'sortOrder',
      title: t('fields.sortOrder'),
      sortKey: 'sortOrder',
      align: 'right',
      defaultHidden: true,
    },
    {
      key: 'updatedAt',
      title: t('common:updatedAt'),
      value: (ty) => formatDateTime(ty.updatedAt),
      defaultHidden: true,
    },
  ];
  const filters: ListFilter[] = [
    {
      name: 'category',
      label: t('fields.category'),
      width: 160,
      options: CI_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) })),
    },
  ];
  return (
    <>
      <ListPage<CiType>
        listKey="ci-types"
        title={t('title')}
        description={t('description')}
        queryKey={ciTypeKeys.all}
        fetchPage={fetchTypes}
        columns={columns}
        rowKey={(ty) => ty.id}
        filters={filters}
        defaultSort="sortOrder"
        defaultLimit={100}
        create={abilities.manageOrganisation ? { label: t('create'), onClick: () => create.show() } : null}
      />
      <FormDrawer open={create.open} title={t('create')} onClose={create.close} width={720}>
        <CiTypeCreateForm
          key={create.key}
          onDone={(saved) => {
            create.close();
            if (saved) void navigate(`/ci-types/${saved.id}`);
          }}
        />
      </FormDrawer>
    </>
  );
}
