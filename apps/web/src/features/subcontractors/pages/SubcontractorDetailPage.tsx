import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Tabs } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Subcontractor } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { DetailHeader } from '../../../shared/components/DetailHeader';
import { QueryState } from '../../../shared/components/QueryState';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { UserList } from '../../users/components/UserList';
import { subcontractorApi, subcontractorKeys } from '../api/subcontractor.api';
import { SubcontractorForm } from '../forms/SubcontractorForm';

export default function SubcontractorDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: subcontractorKeys.detail(id),
    queryFn: ({ signal }) => subcontractorApi.get(id, signal),
  });
  return <QueryState query={query}>{(s) => <SubcontractorDetail subcontractor={s} />}</QueryState>;
}

function SubcontractorDetail({ subcontractor: s }: { subcontractor: Subcontractor }) {
  const { t } = useTranslation(['subcontractors', 'common']);
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const tab = sp.get('tab') === 'staff' ? 'staff' : 'basic';
  const edit = useOverlay();
  const confirm = useConfirmAction();
  const none = t('common:empty');

  const basic = (
    <Card
      extra={
        can(s, 'update') && (
          <Button icon={<EditOutlined />} onClick={() => edit.show()}>
            {t('common:actions.edit')}
          </Button>
        )
      }
    >
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'name', label: t('fields.name'), children: s.name },
          { key: 'creditCode', label: t('fields.creditCode'), children: s.creditCode ?? none },
          { key: 'contactName', label: t('fields.contactName'), children: s.contactName ?? none },
          { key: 'phone', label: t('fields.phone'), children: s.phone ?? none },
          { key: 'email', label: t('fields.email'), children: s.email ?? none },
          { key: 'createdAt', label: t('common:createdAt'), children: formatDateTime(s.createdAt) },
          {
            key: 'qualifications',
            label: t('fields.qualifications'),
            span: 'filled',
            children: <div style={{ whiteSpace: 'pre-wrap' }}>{s.qualifications ?? none}</div>,
          },
          {
            key: 'notes',
            label: t('fields.notes'),
            span: 'filled',
            children: <div style={{ whiteSpace: 'pre-wrap' }}>{s.notes ?? none}</div>,
          },
        ]}
      />
    </Card>
  );

  return (
    <>
      <DetailHeader
        backTo="/subcontractors"
        title={s.name}
        actions={
          can(s, 'delete') && (
            <Button
              danger
              icon={<DeleteOutlined />}
              onClick={() =>
                confirm({
                  title: t('common:confirm.deleteTitle', { name: s.name }),
                  content: t('common:confirm.deleteContent'),
                  okText: t('common:actions.delete'),
                  action: () => subcontractorApi.remove(s.id),
                  invalidate: subcontractorKeys.all,
                  success: t('common:form.deleted'),
                  onDone: () => void navigate('/subcontractors'),
                })
              }
            >
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
            key: 'staff',
            label: t('tabs.staff'),
            children: (
              <UserList
                listKey="subcontractor-staff"
                paramPrefix="u."
                fixed={{ kind: 'subcontractor_staff', subcontractorId: s.id }}
                createLabel={t('staff.create')}
                emptyText={t('staff.empty')}
              />
            ),
          },
        ]}
      />
      <FormDrawer open={edit.open} title={t('edit')} onClose={edit.close}>
        <SubcontractorForm key={edit.key} subcontractor={s} onDone={() => edit.close()} />
      </FormDrawer>
    </>
  );
}
