import { useParams, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Tabs } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Customer } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { DetailHeader } from '../../../shared/components/DetailHeader';
import { QueryState } from '../../../shared/components/QueryState';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { ProjectList } from '../../projects/components/ProjectList';
import { SiteList } from '../../sites/components/SiteList';
import { UserList } from '../../users/components/UserList';
import { customerApi, customerKeys } from '../api/customer.api';
import { CustomerForm } from '../forms/CustomerForm';

const TABS = ['basic', 'contacts', 'sites', 'projects'] as const;
type Tab = (typeof TABS)[number];

export default function CustomerDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => customerApi.get(id, signal),
  });
  return <QueryState query={query}>{(c) => <CustomerDetail customer={c} />}</QueryState>;
}

function CustomerDetail({ customer }: { customer: Customer }) {
  const { t } = useTranslation(['customers', 'common']);
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(sp.get('tab') ?? '')
    ? (sp.get('tab') as Tab)
    : 'basic';
  const edit = useOverlay();
  const confirm = useConfirmAction();

  const onDelete = () =>
    confirm({
      title: t('common:confirm.deleteTitle', { name: customer.name }),
      content: t('common:confirm.deleteContent'),
      okText: t('common:actions.delete'),
      action: () => customerApi.remove(customer.id),
      invalidate: customerKeys.all,
      success: t('common:form.deleted'),
      onDone: () => void navigate('/customers'),
    });

  const basic = (
    <Card
      extra={
        can(customer, 'update') && (
          <Button icon={<EditOutlined />} onClick={() => edit.show()}>
            {t('common:actions.edit')}
          </Button>
        )
      }
    >
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'name', label: t('fields.name'), children: customer.name },
          {
            key: 'shortName',
            label: t('fields.shortName'),
            children: customer.shortName ?? t('common:empty'),
          },
          { key: 'code', label: t('fields.code'), children: customer.code ?? t('common:empty') },
          { key: 'industry', label: t('fields.industry'), children: customer.industry ?? t('common:empty') },
          { key: 'phone', label: t('fields.phone'), children: customer.phone ?? t('common:empty') },
          { key: 'address', label: t('fields.address'), children: customer.address ?? t('common:empty') },
          { key: 'createdAt', label: t('common:createdAt'), children: formatDateTime(customer.createdAt) },
          { key: 'updatedAt', label: t('common:updatedAt'), children: formatDateTime(customer.updatedAt) },
          {
            key: 'notes',
            label: t('fields.notes'),
            span: 'filled',
            children: <div style={{ whiteSpace: 'pre-wrap' }}>{customer.notes ?? t('common:empty')}</div>,
          },
        ]}
      />
    </Card>
  );

  return (
    <>
      <DetailHeader
        backTo="/customers"
        title={customer.name}
        actions={
          can(customer, 'delete') && (
            <Button danger icon={<DeleteOutlined />} onClick={onDelete}>
              {t('common:actions.delete')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setSp({ tab: key }, { replace: true })}
        items={[
          { key: 'basic', label: t('tabs.basic'), children: basic },
          {
            key: 'contacts',
            label: t('tabs.contacts'),
            children: (
              <UserList
                listKey="customer-contacts"
                paramPrefix="c."
                fixed={{ kind: 'customer_contact', customerId: customer.id }}
                createLabel={t('contacts.create')}
                emptyText={t('contacts.empty')}
              />
            ),
          },
          {
            key: 'sites',
            label: t('tabs.sites'),
            children: <SiteList customerId={customer.id} paramPrefix="s." />,
          },
          {
            key: 'projects',
            label: t('tabs.projects'),
            children: <ProjectList customerId={customer.id} paramPrefix="p." />,
          },
        ]}
      />
      <FormDrawer open={edit.open} title={t('edit')} onClose={edit.close}>
        <CustomerForm key={edit.key} customer={customer} onDone={edit.close} />
      </FormDrawer>
    </>
  );
}
