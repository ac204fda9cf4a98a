import { App, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EngagementCreateSchema } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { SubcontractorSelect } from '../../subcontractors/components/SubcontractorSelect';
import { projectApi, projectKeys } from '../api/project.api';

/** Engage a subcontractor on a project, with the scope of its work. */
export function EngagementForm({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const { t } = useTranslation('projects');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: EngagementCreateSchema,
    submit: (data) => projectApi.engage(projectId, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: projectKeys.engagements(projectId) });
      message.success(t('engagements.added'));
      onDone();
    },
  });
  return (
    <ContractFormView form={form} onCancel={onDone} submitLabel={t('engagements.add')}>
      <Form.Item name="subcontractorId" label={t('engagements.subcontractor')} required>
        <SubcontractorSelect />
      </Form.Item>
      <Form.Item name="scope" label={t('engagements.scope')}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </ContractFormView>
  );
}
