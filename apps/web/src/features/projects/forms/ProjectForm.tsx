import { App, DatePicker, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PROJECT_STATUSES, ProjectCreateSchema, ProjectUpdateSchema } from '@opsdesk/contracts';
import type { Project } from '@opsdesk/contracts';
import { fromDateOnly, toDateOnly } from '../../../shared/format';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { CustomerSelect } from '../../customers/components/CustomerSelect';
import { projectApi, projectKeys } from '../api/project.api';

/** DatePickers hold dayjs; the contract wants `YYYY-MM-DD`. */
const toInput = (v: FormValues) => ({
  ...v,
  startDate: toDateOnly(v.startDate),
  endDate: toDateOnly(v.endDate),
});

function ProjectFields({ withCustomer }: { withCustomer: boolean }) {
  const { t } = useTranslation(['projects', 'common']);
  return (
    <>
      <Form.Item name="code" label={t('fields.code')} required>
        <Input maxLength={40} placeholder="PRJ-2026-001" />
      </Form.Item>
      <Form.Item name="name" label={t('fields.name')} required>
        <Input maxLength={200} />
      </Form.Item>
      {withCustomer && (
        <Form.Item name="customerId" label={t('fields.customer')} required>
          <CustomerSelect />
        </Form.Item>
      )}
      <Form.Item name="status" label={t('fields.status')} required>
        <Select
          options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`common:enums.projectStatus.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="division" label={t('fields.division')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="region" label={t('fields.region')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="startDate" label={t('fields.startDate')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="endDate" label={t('fields.endDate')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="description" label={t('fields.description')}>
        <Input.TextArea rows={4} maxLength={8000} />
      </Form.Item>
    </>
  );
}

/** A new service project; `customerId` fixes the customer (from the customer's page). */
export function ProjectCreateForm({
  customerId,
  onDone,
}: {
  customerId?: string;
  onDone: (saved?: Project) => void;
}) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: ProjectCreateSchema,
    toInput,
    fixed: customerId ? { customerId } : undefined,
    submit: (data) => projectApi.create(data),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: projectKeys.all });
      message.success(t('form.created'));
      onDone(saved);
    },
  });
  return (
    <ContractFormView form={form} initialValues={{ status: 'planned' }} onCancel={() => onDone()}>
      <ProjectFields withCustomer={!customerId} />
    </ContractFormView>
  );
}

/** Edit a project's overview; its customer does not change. */
export function ProjectEditForm({ project, onDone }: { project: Project; onDone: () => void }) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: ProjectUpdateSchema,
    toInput,
    submit: (data) => projectApi.update(project.id, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: projectKeys.all });
      message.success(t('form.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{
        code: project.code,
        name: project.name,
        status: project.status,
        division: project.division,
        region: project.region,
        startDate: fromDateOnly(project.startDate),
        endDate: fromDateOnly(project.endDate),
        description: project.description,
      }}
    >
      <ProjectFields withCustomer={false} />
    </ContractFormView>
  );
}
