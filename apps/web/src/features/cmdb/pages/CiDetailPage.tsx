import { useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Space, Tabs } from 'antd';
import { DeleteOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Ci } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { DetailHeader } from '../../../shared/components/DetailHeader';
import { QueryState } from '../../../shared/components/QueryState';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { cmdbApi, cmdbKeys } from '../api/cmdb.api';
import { CiDescriptions } from '../components/CiDescriptions';
import { CiHistory } from '../components/CiHistory';
import { CiImpactSummary, CiImpactView } from '../components/CiImpact';
import { CiRelations } from '../components/CiRelations';
import { CiStatusTag, CiTypeTag, DeletedTag } from '../components/CiTags';
import { CiTickets } from '../components/CiTickets';
import { CiEditForm } from '../forms/CiForm';

const TABS = ['overview', 'relations', 'impact', 'history', 'tickets'] as const;
type Tab = (typeof TABS)[number];

/** `/cis/:id`: one configuration item — attributes, relations graph, impact, history, tickets. */
export default function CiDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: cmdbKeys.detail(id),
    queryFn: ({ signal }) => cmdbApi.get(id, signal),
  });
  return <QueryState query={query}>{(ci) => <CiDetail ci={ci} />}</QueryState>;
}

function CiDetail({ ci }: { ci: Ci }) {
  const { t } = useTranslation(['cmdb', 'common']);
  const [sp, setSp] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(sp.get('tab') ?? '')
    ? (sp.get('tab') as Tab)
    : 'overview';
  const edit = useOverlay();
  const confirm = useConfirmAction();
  const deleted = ci.deletedAt !== null;

  const overview = (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={17}>
        <CiDescriptions ci={ci} />
      </Col>
      <Col xs={24} lg={7}>
        <Card size="small" title={t('impact.title')}>
          <CiImpactSummary ciIds={[ci.id]} />
          <Button
            type="link"
            style={{ paddingInline: 0 }}
            onClick={() => setSp({ tab: 'impact' }, { replace: true })}
          >
            {t('impact.open')}
          </Button>
        </Card>
      </Col>
    </Row>
  );

  return (
    <>
      <DetailHeader
        backTo="/cis"
        title={ci.name}
        tags={
          <Space size={4} wrap>
            <CiTypeTag type={ci.type} />
            <CiStatusTag status={ci.status} />
            {deleted && <DeletedTag />}
          </Space>
        }
        actions={
          <>
            {can(ci, 'update') && (
              <Button icon={<EditOutlined />} onClick={() => edit.show()}>
                {t('common:actions.edit')}
              </Button>
            )}
            {can(ci, 'delete') && !deleted && (
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={() =>
                  confirm({
                    title: t('common:confirm.deleteTitle', { name: ci.name }),
                    content: t('deleteContent'),
                    okText: t('common:actions.delete'),
                    action: () => cmdbApi.remove(ci.id),
                    invalidate: cmdbKeys.all,
                    success: t('common:form.deleted'),
                  })
                }
              >
                {t('common:actions.delete')}
              </Button>
            )}
            {can(ci, 'delete') && deleted && (
              <Button
                icon={<UndoOutlined />}
                onClick={() =>
                  confirm({
                    title: t('restoreTitle', { name: ci.name }),
                    content: t('restoreContent'),
                    okText: t('restore'),
                    danger: false,
                    action: () => cmdbApi.restore(ci.id),
                    invalidate: cmdbKeys.all,
                    success: t('restored'),
                  })
                }
              >
                {t('restore')}
              </Button>
            )}
          </>
        }
      />
      {deleted && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('deletedBanner', { at: formatDateTime(ci.deletedAt) })}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setSp({ tab: key }, { replace: true })}
        items={[
          { key: 'overview', label: t('tabs.overview'), children: overview },
          { key: 'relations', label: t('tabs.relations'), children: <CiRelations ci={ci} /> },
          { key: 'impact', label: t('tabs.impact'), children: <CiImpactView ci={ci} /> },
          { key: 'history', label: t('tabs.history'), children: <CiHistory ci={ci} /> },
          { key: 'tickets', label: t('tabs.tickets'), children: <CiTickets ci={ci} /> },
        ]}
        destroyOnHidden
      />
      <FormDrawer open={edit.open} title={t('edit')} onClose={edit.close} width={640}>
        <CiEditForm key={edit.key} ci={ci} onDone={edit.close} />
      </FormDrawer>
    </>
  );
}
