import { useState } from 'react';
import { App, Form, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MembershipCreateSchema, PROJECT_ROLES, SPECIALTIES, kindForProjectRole } from '@opsdesk/contracts';
import type { UserKind } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { UserSelect } from '../../users/components/UserSelect';
import { projectApi, projectKeys } from '../api/project.api';

/**
 * Add a member: the user first, then a role their kind may hold (staff, customer contact or
 * subcontractor staff), and a specialty for engineers.
 */
export function MemberForm({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const { t } = useTranslation(['projects', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [kind, setKind] = useState<UserKind | null>(null);
  const form = useContractForm({
    schema: MembershipCreateSchema,
    submit: (data) => projectApi.addMember(projectId, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: projectKeys.members(projectId) });
      message.success(t('members.added'));
      onDone();
    },
  });
  const role = Form.useWatch('role', form.form) as string | undefined;
  const roles = PROJECT_ROLES.filter((r) => kind !== null && kindForProjectRole(r) === kind);

  return (
    <ContractFormView form={form} onCancel={onDone} submitLabel={t('members.add')}>
      <Form.Item name="userId" label={t('members.user')} required>
        <UserSelect
          placeholder={t('members.userPlaceholder')}
          onChange={(_value, items) => {
            const next = items[0]?.kind ?? null;
            setKind(next);
            const current = form.form.getFieldValue('role') as (typeof PROJECT_ROLES)[number] | undefined;
            if (current && (!next || kindForProjectRole(current) !== next))
              form.form.setFieldsValue({ role: undefined, specialty: undefined });
          }}
        />
      </Form.Item>
      <Form.Item name="role" label={t('members.role')} required>
        <Select
          disabled={kind === null}
          placeholder={t('members.rolePlaceholder')}
          options={roles.map((r) => ({ value: r, label: t(`common:enums.projectRole.${r}`) }))}
          onChange={(r: string) => {
            if (r !== 'engineer') form.form.setFieldsValue({ specialty: undefined });
          }}
        />
      </Form.Item>
      {role === 'engineer' && (
        <Form.Item name="specialty" label={t('members.specialty')} extra={t('members.specialtyHelp')}>
          <Select
            allowClear
            options={SPECIALTIES.map((s) => ({ value: s, label: t(`common:enums.specialty.${s}`) }))}
          />
        </Form.Item>
      )}
    </ContractFormView>
  );
}
