import { Flex, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_PHASES } from '@opsdesk/contracts';
import type { Lang } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { ListPage } from '../../../shared/list/ListPage';
import { RowActions } from '../../../shared/list/RowActions';
import type { FetchPage, ListColumn, ListFilter } from '../../../shared/list/types';
import { checklistTemplateApi, checklistTemplateKeys } from '../api/checklist-template.api';
import type { ChecklistTemplate } from '../api/checklist-template.api';
import { ChecklistTemplateCreateForm, ChecklistTemplateEditForm } from '../forms/ChecklistTemplateForm';

const fetchTemplates: FetchPage<ChecklistTemplate> = async (params, signal) => {
  const { items } = await checklistTemplateApi.list(signal);
  const rows = typeof params.phase === 'string' ? items.filter((x) => x.phase === params.phase) : items;
  return { items: rows, nextCursor: null, total: rows.length };
};

/** The lifecycle checklist templates (admin): what each phase's checklist holds and when it is due. */
export default function ChecklistTemplatesPage() {
  const { t, i18n } = useTranslation(['checklistTemplates', 'lifecycle', 'common']);
  const lang = i18n.language as Lang;
  const create = useOverlay();
  const edit = useOverlay<ChecklistTemplate>();
  const all = useQuery({
    queryKey: [...checklistTemplateKeys.all, 'page'],
    queryFn: ({ signal }) => checklistTemplateApi.list(signal),
  });
  const canManage = (all.data?.items ?? []).some((x) => can(x, 'update'));

  /** When a generated item falls due, in words (start: after the service start; monthly: in the next month; closing: around the end). */
  const dueText = (x: ChecklistTemplate) => {
    const d = x.dueOffsetDays;
    if (x.phase === 'start') return t('offset.start', { days: d });
    if (x.phase === 'implementation')
      return d === 0 ? t('offset.monthEnd') : t('offset.implementation', { days: d });
    if (d < 0) return t('offset.closingBefore', { days: -d });
    return d > 0 ? t('offset.closingAfter', { days: d }) : t('offset.closingOn');
  };

  const columns: ListColumn<ChecklistTemplate>[] = [
    {
      key: 'phase',
      title: t('fields.phase'),
      value: (x) => t(`lifecycle:phase.${x.phase}`),
      render: (x) => <Tag>{t(`lifecycle:phase.${x.phase}`)}</Tag>,
    },
    { key: 'position', title: t('fields.position'), defaultHidden: true },
    {
      key: 'title',
      title: t('fields.title'),
      alwaysVisible: true,
      value: (x) => x.title[lang],
      render: (x) => (
        <Flex vertical>
          <span>{x.title[lang]}</span>
          <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
            {x.key}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'category',
      title: t('fields.category'),
      value: (x) => t(`category.${x.category}`),
      render: (x) => (
        <Tag color={x.category === 'approval' ? 'gold' : 'default'}>{t(`category.${x.category}`)}</Tag>
      ),
    },
    {
      key: 'due',
      title: t('fields.due'),
      value: dueText,
    },
    {
      key: 'ownerRole',
      title: t('fields.ownerRole'),
      value: (x) => (x.ownerRole ? t(`common:enums.projectRole.${x.ownerRole}`) : t('ownerDefault')),
    },
    {
      key: 'active',
      title: t('fields.active'),
      value: (x) => x.active,
      render: (x) => (x.active ? <Tag color="green">{t('activeOn')}</Tag> : <Tag>{t('activeOff')}</Tag>),
    },
    {
      key: 'updatedAt',
      title: t('common:updatedAt'),
      defaultHidden: true,
      value: (x) => formatDateTime(x.updatedAt),
    },
    {
      key: 'actions',
      title: t('common:actionsColumn'),
      noExport: true,
      render: (x) => (
        <RowActions
          onEdit={can(x, 'update') && (() => edit.show(x))}
          remove={
            can(x, 'delete') && {
              name: x.title[lang],
              content: t('deleteContent'),
              action: () => checklistTemplateApi.remove(x.id),
              invalidate: checklistTemplateKeys.all,
            }
          }
        />
      ),
    },
  ];

  const filters: ListFilter[] = [
    {
      name: 'phase',
      label: t('fields.phase'),
      width: 140,
      options: CHECKLIST_PHASES.map((p) => ({ value: p, label: t(`lifecycle:phase.${p}`) })),
    },
  ];

  return (
    <>
      <ListPage<ChecklistTemplate>
        listKey="checklist-templates"
        title={t('title')}
        description={t('description')}
        queryKey={checklistTemplateKeys.all}
        fetchPage={fetchTemplates}
        paginated={false}
        columns={columns}
        filters={filters}
        rowKey={(x) => x.id}
        emptyText={t('empty')}
        create={canManage ? { label: t('create'), onClick: () => create.show() } : null}
      />
      <FormDrawer open={create.open} title={t('create')} onClose={create.close}>
        <ChecklistTemplateCreateForm key={create.key} onDone={create.close} />
      </FormDrawer>
      <FormDrawer open={edit.open} title={t('edit')} onClose={edit.close}>
        {edit.record && (
          <ChecklistTemplateEditForm key={edit.key} template={edit.record} onDone={edit.close} />
        )}
      </FormDrawer>
    </>
  );
}
