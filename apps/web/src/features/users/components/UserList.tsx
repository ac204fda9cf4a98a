import { App, Space, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { USER_KINDS, UserListQuery } from '@opsdesk/contracts';
import type { User, UserKind } from '@opsdesk/contracts';
import { useAbilities } from '../../../shared/abilities/useAbilities';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { describeError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, FormModal, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn, ListFilter } from '../../../shared/list/types';
import { CustomerSelect } from '../../customers/components/CustomerSelect';
import { SubcontractorSelect } from '../../subcontractors/components/SubcontractorSelect';
import { userApi, userKeys } from '../api/user.api';
import { ResetPasswordForm, RolesForm } from '../forms/UserAccountForms';
import { UserCreateForm, UserEditForm } from '../forms/UserForm';
import type { UserPreset } from '../forms/UserForm';
import { UserActions } from './UserActions';
import type { UserAction } from './UserActions';
import { userStatus, UserStatusTag } from './UserStatusTag';

const fetchUsers = contractList(UserListQuery, userApi.list);

export interface UserListProps {
  listKey: string;
  title?: string;
  /** Fixed filters: a customer's contacts, a subcontractor's staff. They also preset new users. */
  fixed?: { kind?: UserKind; customerId?: string; subcontractorId?: string };
  paramPrefix?: string;
  createLabel?: string;
  emptyText?: string;
}

/** Users with filters and account actions; also the contacts tab of a customer and the staff tab of a subcontractor. */
export function UserList({ listKey, title, fixed, paramPrefix, createLabel, emptyText }: UserListProps) {
  const { t } = useTranslation(['users', 'common']);
  const abilities = useAbilities();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const confirm = useConfirmAction();
  const create = useOverlay();
  const edit = useOverlay<User>();
  const reset = useOverlay<User>();
  const roles = useOverlay<User>();
  const preset: UserPreset | undefined = fixed?.kind
    ? { kind: fixed.kind, customerId: fixed.customerId, subcontractorId: fixed.subcontractorId }
    : undefined;
  const refresh = () => void qc.invalidateQueries({ queryKey: userKeys.all });

  const onAction = (action: UserAction, u: User) => {
    switch (action) {
      case 'edit':
        return edit.show(u);
      case 'resetPassword':
        return reset.show(u);
      case 'roles':
        return roles.show(u);
      case 'disable':
        return confirm({
          title: t('confirmDisable', { name: u.displayName }),
          okText: t('actions.disable'),
          action: () => userApi.setDisabled(u.id, true),
          success: t('disabled'),
          invalidate: userKeys.all,
        });
      case 'enable':
        return confirm({
          title: t('confirmEnable', { name: u.displayName }),
          okText: t('actions.enable'),
          danger: false,
          action: () => userApi.setDisabled(u.id, false),
          success: t('enabled'),
          invalidate: userKeys.all,
        });
      case 'unlock':
        return void userApi.unlock(u.id).then(
          () => {
            message.success(t('unlocked'));
            refresh();
          },
          (e: unknown) => message.error(describeError(e)),
        );
    }
  };

  const columns: ListColumn<User>[] = [
    { key: 'displayName', title: t('fields.displayName'), sortKey: 'displayName', alwaysVisible: true },
    { key: 'username', title: t('fields.username'), sortKey: 'username' },
    ...(fixed?.kind
      ? []
      : [{ key: 'kind', title: t('fields.kind'), value: (u: User) => t(`common:enums.userKind.${u.kind}`) }]),
    ...(fixed?.customerId || fixed?.subcontractorId
      ? []
      : [
          {
            key: 'organisation',
            title: t('fields.organisation'),
            value: (u: User) => u.customerName ?? u.subcontractorName,
            render: (u: User) =>
              u.customerId ? (
                <Link to={`/customers/${u.customerId}`}>{u.customerName}</Link>
              ) : u.subcontractorId ? (
                <Link to={`/subcontractors/${u.subcontractorId}`}>{u.subcontractorName}</Link>
              ) : (
                t('common:empty')
              ),
          },
        ]),
    {
      key: 'globalRoles',
      title: t('fields.globalRoles'),
      value: (u) => u.globalRoles.map((r) => t(`common:enums.globalRole.${r}`)).join(' / '),
      render: (u) =>
        u.globalRoles.length ? (
          <Space size={4} wrap>
            {u.globalRoles.map((r) => (
              <Tag key={r} color="purple">
                {t(`common:enums.globalRole.${r}`)}
              </Tag>
            ))}
          </Space>
        ) : (
          t('common:empty')
        ),
    },
    { key: 'title', title: t('fields.title'), defaultHidden: !fixed },
    { key: 'phone', title: t('fields.phone') },
    { key: 'email', title: t('fields.email'), defaultHidden: true },
    {
      key: 'status',
      title: t('fields.status'),
      value: (u) => t(`status.${userStatus(u)}`),
      render: (u) => <UserStatusTag user={u} />,
    },
    {
      key: 'lastLoginAt',
      title: t('fields.lastLoginAt'),
      defaultHidden: !!fixed,
      value: (u) => formatDateTime(u.lastLoginAt),
    },
    {
      key: 'createdAt',
      title: t('common:createdAt'),
      sortKey: 'createdAt',
      defaultHidden: true,
      value: (u) => formatDateTime(u.createdAt),
    },
    {
      key: 'actions',
      title: t('common:actionsColumn'),
      noExport: true,
      render: (u) => <UserActions user={u} onAction={onAction} />,
    },
  ];

  const filters: ListFilter[] = [];
  if (!fixed?.kind)
    filters.push({
      name: 'kind',
      label: t('fields.kind'),
      width: 150,
      options: USER_KINDS.map((k) => ({ value: k, label: t(`common:enums.userKind.${k}`) })),
    });
  if (!fixed) {
    filters.push({
      name: 'customerId',
      label: t('fields.customer'),
      width: 220,
      render: (value, onChange) => (
        <CustomerSelect
          aria-label={t('fields.customer')}
          value={value}
          onChange={(v) => onChange(typeof v === 'string' ? v : undefined)}
        />
      ),
    });
    filters.push({
      name: 'subcontractorId',
      label: t('fields.subcontractor'),
      width: 220,
      render: (value, onChange) => (
        <SubcontractorSelect
          aria-label={t('fields.subcontractor')}
          value={value}
          onChange={(v) => onChange(typeof v === 'string' ? v : undefined)}
        />
      ),
    });
  }
  filters.push({
    name: 'disabled',
    label: t('filters.disabled'),
    width: 120,
    options: [
      { value: 'false', label: t('filters.enabledOnly') },
      { value: 'true', label: t('filters.disabledOnly') },
    ],
  });

  return (
    <>
      <ListPage<User>
        listKey={listKey}
        title={title}
        queryKey={userKeys.all}
        fetchPage={fetchUsers}
        columns={columns}
        rowKey={(u) => u.id}
        filters={filters}
        fixedParams={fixed}
        paramPrefix={paramPrefix}
        searchPlaceholder={t('searchPlaceholder')}
        defaultSort="displayName"
        emptyText={emptyText ?? t('empty')}
        create={
          abilities.manageUsers ? { label: createLabel ?? t('create'), onClick: () => create.show() } : null
        }
      />
      <FormDrawer open={create.open} title={createLabel ?? t('create')} onClose={create.close}>
        <UserCreateForm key={create.key} preset={preset} onDone={create.close} />
      </FormDrawer>
      <FormDrawer open={edit.open} title={t('edit')} onClose={edit.close}>
        {edit.record && <UserEditForm key={edit.key} user={edit.record} onDone={edit.close} />}
      </FormDrawer>
      <FormModal
        open={reset.open}
        title={reset.record ? t('resetPassword.title', { name: reset.record.displayName }) : ''}
        onClose={reset.close}
      >
        {reset.record && <ResetPasswordForm key={reset.key} user={reset.record} onDone={reset.close} />}
      </FormModal>
      <FormModal
        open={roles.open}
        title={roles.record ? t('roles.title', { name: roles.record.displayName }) : ''}
        onClose={roles.close}
      >
        {roles.record && <RolesForm key={roles.key} user={roles.record} onDone={roles.close} />}
      </FormModal>
    </>
  );
}
