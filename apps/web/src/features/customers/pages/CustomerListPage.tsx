import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CustomerListQuery } from '@opsdesk/contracts';
import type { Customer } from '@opsdesk/contracts';
import { useAbilities } from '../../../shared/abilities/useAbilities';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { customerApi, customerKeys } from '../api/customer.api';
import { CustomerForm } from '../forms/CustomerForm';

const fetchCustomers = contractList(CustomerListQuery, customerApi.list);

export default function CustomerListPage() {
  const { t } = useTranslation(['customers', 'common']);
  const abilities = useAbilities();
  const navigate = useNavigate();
  const drawer = useOverlay();

  const columns: ListColumn<Customer>[] = [
    {
      key: 'name',
      title: t('fields.name'),
      sortKey: 'name',
      alwaysVisible: true,
      render: (c) => <Link to={`/customers/${c.id}`}>{c.name}</Link>,
    },
    { key: 'shortName', title: t('fields.shortName') },
    { key: 'code', title: t('fields.code') },
    { key: 'industry', title: t('fields.industry') },
    { key: 'phone', title: t('fields.phone') },
    { key: 'address', title: t('fields.address'), defaultHidden: true, ellipsis: true },
    {
      key: 'createdAt',
      title: t('common:createdAt'),
      sortKey: 'createdAt',
      value: (c) => formatDateTime(c.createdAt),
    },
  ];

  return (
    <>
      <ListPage<Customer>
        listKey="customers"
        title={t('title')}
        queryKey={customerKeys.all}
        fetchPage={fetchCustomers}
        columns={columns}
        rowKey={(c) => c.id}
        searchPlaceholder={t('searchPlaceholder')}
        defaultSort="name"
        emptyText={t('empty')}
        create={abilities.manageOrganisation ? { label: t('create'), onClick: () => drawer.show() } : null}
      />
      <FormDrawer open={drawer.open} title={t('create')} onClose={drawer.close}>
        <CustomerForm
          key={drawer.key}
          onDone={(saved) => {
            drawer.close();
            if (saved) void navigate(`/customers/${saved.id}`);
          }}
        />
      </FormDrawer>
    </>
  );
}
