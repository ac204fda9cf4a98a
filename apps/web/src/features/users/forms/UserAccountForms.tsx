import { Alert, App, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GLOBAL_ROLES, PasswordResetSchema, UserRolesSchema } from '@opsdesk/contracts';
import type { User } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { userApi, userKeys } from '../api/user.api';

/** An administrator sets a new password for a user (their sessions end). */
export function ResetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation(['users', 'common']);
  const { message } = App.useApp();
  const form = useContractForm({
    schema: PasswordResetSchema,
    submit: (data) => userApi.resetPassword(user.id, data),
    onSuccess: () => {
      message.success(t('resetPassword.done'));
      onDone();
    },
  });
  return (
    <ContractFormView form={form} onCancel={onDone} submitLabel={t('actions.resetPassword')}>
      <Alert type="info" showIcon title={t('resetPassword.help')} style={{ marginBottom: 16 }} />
      <Form.Item name="password" label={t('resetPassword.password')} required>
        <Input.Password maxLength={200} autoComplete="new-password" />
      </Form.Item>
    </ContractFormView>
  );
}

/** The security administrator grants at most one global role (三员分立). */
export function RolesForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation(['users', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: UserRolesSchema,
    toInput: (v) => ({ globalRoles: v.role ? [v.role] : [] }),
    fieldNames: { globalRoles: 'role', 'globalRoles.0': 'role' },
    submit: (data) => userApi.setRoles(user.id, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: userKeys.all });
      message.success(t('roles.done'));
      onDone();
    },
  });
  return (
    <ContractFormView form={form} onCancel={onDone} initialValues={{ role: user.globalRoles[0] }}>
      <Alert type="info" showIcon title={t('roles.help')} style={{ marginBottom: 16 }} />
      <Form.Item name="role" label={t('roles.role')}>
        <Select
          allowClear
          placeholder={t('roles.none')}
          options={GLOBAL_ROLES.map((r) => ({ value: r, label: t(`common:enums.globalRole.${r}`) }))}
        />
      </Form.Item>
    </ContractFormView>
  );
}
