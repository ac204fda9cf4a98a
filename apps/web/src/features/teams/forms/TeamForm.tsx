import { App, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TeamCreateSchema } from '@opsdesk/contracts';
import type { Team } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { UserSelect } from '../../users/components/UserSelect';
import { teamApi, teamKeys } from '../api/team.api';

/** Create or edit a team: its staff members and its lead (the create schema's output is a valid PATCH body). */
export function TeamForm({ team, onDone }: { team?: Team; onDone: () => void }) {
  const { t } = useTranslation(['teams', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: TeamCreateSchema,
    toInput: (v) => ({ ...v, memberIds: v.memberIds ?? [], leadUserId: v.leadUserId ?? null }),
    submit: (data) => (team ? teamApi.update(team.id, data) : teamApi.create(data)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: teamKeys.all });
      message.success(team ? t('common:form.saved') : t('common:form.created'));
      onDone();
    },
  });
  const known = [
    ...(team?.members.map((m) => ({ value: m.userId, label: m.displayName })) ?? []),
    ...(team?.leadUserId && team.leadName ? [{ value: team.leadUserId, label: team.leadName }] : []),
  ];
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={
        team && {
          name: team.name,
          description: team.description,
          leadUserId: team.leadUserId ?? undefined,
          memberIds: team.members.map((m) => m.userId),
        }
      }
    >
      <Form.Item name="name" label={t('fields.name')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label={t('fields.description')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="leadUserId" label={t('fields.lead')}>
        <UserSelect kind="staff" knownOptions={known} placeholder={t('leadPlaceholder')} />
      </Form.Item>
      <Form.Item name="memberIds" label={t('fields.members')}>
        <UserSelect kind="staff" multiple knownOptions={known} placeholder={t('memberPlaceholder')} />
      </Form.Item>
    </ContractFormView>
  );
}
