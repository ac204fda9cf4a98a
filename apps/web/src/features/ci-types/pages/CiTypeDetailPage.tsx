import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AttributeDef, CiType } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { DetailHeader } from '../../../shared/components/DetailHeader';
import { QueryState } from '../../../shared/components/QueryState';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { useCmdbLabels } from '../../cmdb/labels';
import { ciTypeApi, ciTypeKeys } from '../api/ci-type.api';
import { useCiTypes } from '../api/useCiTypes';
import { CiTypeEditForm } from '../forms/CiTypeForm';

/** `/ci-types/:id`: a type and its attributes; admins edit them (a new version) or delete an unused custom type. */
export default function CiTypeDetailPage() {
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: ciTypeKeys.detail(id),
    queryFn: ({ signal }) => ciTypeApi.get(id, signal),
  });
  return <QueryState query={query}>{(type) => <CiTypeDetail type={type} />}</QueryState>;
}

function CiTypeDetail({ type }: { type: CiType }) {
  const { t } = useTranslation(['ciTypes', 'common']);
  const labels = useCmdbLabels();
  const { byKey } = useCiTypes();
  const navigate = useNavigate();
  const edit = useOverlay();
  const confirm = useConfirmAction();
  const none = t('common:empty');

  const settings = (a: AttributeDef) => {
    const parts: string[] = [];
    if (a.unit) parts.push(t('settings.unit', { unit: a.unit }));
    if (a.min != null || a.max != null)
      parts.push(t('settings.range', { min: a.min ?? '−∞', max: a.max ?? '+∞' }));
    if (a.kind === 'text') parts.push(t('settings.maxLength', { max: a.maxLength ?? 500 }));
    if (a.options?.length)
      parts.push(a.options.map((o) => `${labels.text(o.label)} (${o.value})`).join(' / '));
    if (a.kind === 'reference')
      parts.push(
        a.refTypes?.length
          ? t('settings.refTypes', {
              types: a.refTypes.map((k) => labels.type(byKey.get(k)) || k).join('、'),
            })
          : t('settings.anyType'),
      );
    return parts.join('；') || none;
  };

  return (
    <>
      <DetailHeader
        backTo="/ci-types"
        title={labels.type(type)}
        tags={
          <Space size={4}>
            <Tag>{type.key}</Tag>
            <Tag color={type.system ? 'default' : 'blue'}>{type.system ? t('builtIn') : t('custom')}</Tag>
          </Space>
        }
        actions={
          <>
            {can(type, 'update') && (
              <Button icon={<EditOutlined />} onClick={() => edit.show()}>
                {t('common:actions.edit')}
              </Button>
            )}
            {can(type, 'delete') && (
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={() =>
                  confirm({
                    title: t('common:confirm.deleteTitle', { name: labels.type(type) }),
                    content: t('deleteContent'),
                    okText: t('common:actions.delete'),
                    action: () => ciTypeApi.remove(type.id),
                    invalidate: ciTypeKeys.all,
                    success: t('common:form.deleted'),
                    onDone: () => void navigate('/ci-types'),
                  })
                }
              >
                {t('common:actions.delete')}
              </Button>
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, md: 3 }}
            items={[
              { key: 'zh', label: t('fields.labelZh'), children: type.label['zh-CN'] },
              { key: 'en', label: t('fields.labelEn'), children: type.label.en },
              { key: 'category', label: t('fields.category'), children: labels.category(type.category) },
              { key: 'version', label: t('fields.version'), children: type.version },
              { key: 'sortOrder', label: t('fields.sortOrder'), children: type.sortOrder },
              { key: 'updatedAt', label: t('common:updatedAt'), children: formatDateTime(type.updatedAt) },
            ]}
          />
          <Space wrap>
            <Link to={`/cis?typeId=${type.id}`}>{t('viewCis')}</Link>
            <Link to={`/cis/import?typeId=${type.id}`}>{t('importCis')}</Link>
          </Space>
        </Card>
        <Card size="small" title={t('attributes.title')}>
          <Typography.Paragraph type="secondary">{t('attributes.versionHint')}</Typography.Paragraph>
          <Table<AttributeDef>
            size="small"
            rowKey={(a) => a.key}
            dataSource={type.attributes}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('attributes.none') }}
            columns={[
              { key: 'label', title: t('fields.label'), render: (_: unknown, a) => labels.attribute(a) },
              { key: 'key', title: t('fields.attributeKey'), dataIndex: 'key' },
              { key: 'kind', title: t('fields.kind'), render: (_: unknown, a) => t(`kinds.${a.kind}`) },
              {
                key: 'flags',
                title: t('fields.flags'),
                render: (_: unknown, a) => (
                  <Space size={4} wrap>
                    {a.required && <Tag color="red">{t('fields.required')}</Tag>}
                    {a.unique && <Tag color="gold">{t('fields.unique')}</Tag>}
                    {a.system && <Tag>{t('builtIn')}</Tag>}
                  </Space>
                ),
              },
              { key: 'settings', title: t('fields.settings'), render: (_: unknown, a) => settings(a) },
            ]}
          />
        </Card>
      </Flex>
      <FormDrawer open={edit.open} title={t('edit')} onClose={edit.close} width={760}>
        <CiTypeEditForm key={edit.key} type={type} onDone={edit.close} />
      </FormDrawer>
    </>
  );
}
