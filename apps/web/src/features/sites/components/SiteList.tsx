import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SiteListQuery } from '@opsdesk/contracts';
import type { Site } from '@opsdesk/contracts';
import { can, useAbilities } from '../../../shared/abilities/useAbilities';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn, ListFilter } from '../../../shared/list/types';
import { CustomerSelect } from '../../customers/components/CustomerSelect';
import { siteApi, siteKeys } from '../api/site.api';
import { SiteCreateForm, SiteEditForm } from '../forms/SiteForm';
import { RowActions } from '../../../shared/list/RowActions';

const fetchSites = contractList(SiteListQuery, siteApi.list);

/** Sites, all or one customer's (`customerId`), with create/edit drawers and delete. */
export function SiteList({
  customerId,
  paramPrefix,
  title,
}: {
  customerId?: string;
  paramPrefix?: string;
  title?: string;
}) {
  const { t } = useTranslation(['sites', 'common']);
  const abilities = useAbilities();
  const create = useOverlay();
  const edit = useOverlay<Site>();

  const columns: ListColumn<Site>[] = [
    { key: 'name', title: t('fields.name'), sortKey: 'name', alwaysVisible: true },
    ...(customerId
      ? []
      : [
          {
            key: 'customerName',
            title: t('fields.customer'),
            render: (s: Site) => <Link to={`/customers/${s.customerId}`}>{s.customerName}</Link>,
          },
        ]),
    { key: 'address', title: t('fields.address'), ellipsis: true },
    { key: 'region', title: t('fields.region') },
    { key: 'notes', title: t('fields.notes'), defaultHidden: true, ellipsis: true },
    {
      key: 'createdAt',
      title: t('common:createdAt'),
      sortKey: 'createdAt',
      defaultHidden: true,
      value: (s) => formatDateTime(s.createdAt),
    },
    {
      key: 'actions',
      title: t('common:actionsColumn'),
      noExport: true,
      render: (s) => (
        <RowActions
          onEdit={can(s, 'update') && (() => edit.show(s))}
          remove={
            can(s, 'delete') && {
              name: s.name,
              content: t('common:confirm.deleteContent'),
              action: () => siteApi.remove(s.id),
              invalidate: siteKeys.all,
            }
          }
        />
      ),
    },
  ];

  const filters: ListFilter[] = customerId
    ? []
    : [
        {
          name: 'customerId',
          label: t('fields.customer'),
          width: 240,
          render: (value, onChange) => (
            <CustomerSelect
              aria-label={t('fields.customer')}
              value={value}
              onChange={(v) => onChange(typeof v === 'string' ? v : undefined)}
            />
          ),
        },
      ];

  return (
    <>
      <ListPage<Site>
        listKey={customerId ? 'customer-sites' : 'sites'}
        title={title}
        queryKey={siteKeys.all}
        fetchPage={fetchSites}
        columns={columns}
        rowKey={(s) => s.id}
        filters={filters}
        fixedParams={customerId ? { customerId } : undefined}
        paramPrefix={paramPrefix}
        searchPlaceholder={t('searchPlaceholder')}
        defaultSort="name"
        emptyText={t('empty')}
        create={abilities.manageOrganisation ? { label: t('create'), onClick: () => create.show() } : null}
      />
      <FormDrawer open={create.open} title={t('create')} onClose={create.close}>
        <SiteCreateForm key={create.key} customerId={customerId} onDone={create.close} />
      </FormDrawer>
      <FormDrawer open={edit.open} title={t('edit')} onClose={edit.close}>
        {edit.record && <SiteEditForm key={edit.key} site={edit.record} onDone={edit.close} />}
      </FormDrawer>
    </>
  );
}
