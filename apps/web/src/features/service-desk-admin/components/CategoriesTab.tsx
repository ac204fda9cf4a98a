import { App, Button, Form, Input, InputNumber, Space, Switch, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TicketCategoryCreateSchema, TicketCategoryUpdateSchema } from '@opsdesk/contracts';
import type { Project } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { FormDrawer, useOverlay } from '../../../shared/form/overlays';
import { useContractForm } from '../../../shared/form/useContractForm';
import { ListPage } from '../../../shared/list/ListPage';
import type { FetchPage, ListColumn } from '../../../shared/list/types';
import { CategorySelect } from '../../tickets/components/pickers';
import { categoryTree, deskApi, deskKeys } from '../api/desk-admin.api';
import type { CategoryNode } from '../api/desk-admin.api';

/** The project's category tree (a tree table), with add, add below, rename/move, retire. */
export function CategoriesTab({ project }: { project: Project }) {
  const { t } = useTranslation(['deskAdmin', 'common']);
  const manage = can(project, 'update');
  const create = useOverlay<{ parentId: string | null }>();
  const edit = useOverlay<CategoryNode>();
  const fetchPage: FetchPage<CategoryNode> = async (_params, signal) => {
    const { items } = await deskApi.categories(project.id, signal);
    const tree = categoryTree(items);
    return { items: tree, nextCursor: null, total: items.length };
  };
  const columns: ListColumn<CategoryNode>[] = [
    {
      key: 'name',
      title: t('categories.name'),
      alwaysVisible: true,
      value: (c) => c.path,
      render: (c) => c.name,
    },
    { key: 'position', title: t('categories.position'), align: 'right' },
    {
      key: 'active',
      title: t('categories.active'),
      value: (c) => c.active,
      render: (c) =>
        c.active ? <Tag color="green">{t('categories.inUse')}</Tag> : <Tag>{t('categories.retired')}</Tag>,
    },
    ...(manage
      ? [
          {
            key: 'actions',
            title: t('common:actionsColumn'),
            noExport: true,
            render: (c: CategoryNode) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => create.show({ parentId: c.id })}
                >
                  {t('categories.addChild')}
                </Button>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => edit.show(c)}>
                  {t('common:actions.edit')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <ListPage<CategoryNode>
        listKey="ticket-categories"
        queryKey={deskKeys.categories(project.id)}
        fetchPage={fetchPage}
        columns={columns}
        rowKey={(c) => c.id}
        paginated={false}
        emptyText={t('categories.empty')}
        create={
          manage ? { label: t('categories.create'), onClick: () => create.show({ parentId: null }) } : null
        }
        expandable={{ defaultExpandAllRows: true }}
      />
      <FormDrawer open={create.open} title={t('categories.create')} onClose={create.close}>
        <CategoryForm
          key={create.key}
          project={project}
          parentId={create.record?.parentId ?? null}
          onDone={create.close}
        />
      </FormDrawer>
      <FormDrawer open={edit.open} title={t('categories.edit')} onClose={edit.close}>
        {edit.record && (
          <CategoryForm key={edit.key} project={project} category={edit.record} onDone={edit.close} />
        )}
      </FormDrawer>
    </>
  );
}

function CategoryForm(props: {
  project: Project;
  category?: CategoryNode;
  parentId?: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation(['deskAdmin', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const c = props.category;
  const form = useContractForm({
    schema: c ? TicketCategoryUpdateSchema : TicketCategoryCreateSchema,
    toInput: (v) => ({ ...v, parentId: v.parentId ?? null, position: v.position ?? 0 }),
    submit: (data) =>
      c
        ? deskApi.updateCategory(c.id, data as Parameters<typeof deskApi.updateCategory>[1])
        : deskApi.createCategory(props.project.id, data as Parameters<typeof deskApi.createCategory>[1]),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: deskKeys.categories(props.project.id) });
      message.success(c ? t('common:form.saved') : t('common:form.created'));
      props.onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={props.onDone}
      initialValues={
        c
          ? { name: c.name, parentId: c.parentId ?? undefined, position: c.position, active: c.active }
          : { parentId: props.parentId ?? undefined, position: 0 }
      }
    >
      <Form.Item name="name" label={t('categories.name')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="parentId" label={t('categories.parent')}>
        <CategorySelect
          projectId={props.project.id}
          activeOnly={false}
          excludeId={c?.id}
          placeholder={t('categories.root')}
        />
      </Form.Item>
      <Form.Item name="position" label={t('categories.position')} extra={t('categories.positionHint')}>
        <InputNumber min={0} max={10000} />
      </Form.Item>
      {c && (
        <Form.Item name="active" label={t('categories.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </ContractFormView>
  );
}
