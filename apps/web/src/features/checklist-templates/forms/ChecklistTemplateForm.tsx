import { App, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  CHECKLIST_PHASES,
  ChecklistTemplateCreateSchema,
  ChecklistTemplateUpdateSchema,
  STAFF_PROJECT_ROLES,
  TEMPLATE_CATEGORIES,
} from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { checklistTemplateApi, checklistTemplateKeys } from '../api/checklist-template.api';
import type { ChecklistTemplate } from '../api/checklist-template.api';

/** Implementation items recur monthly, the others happen once (the server's rule too). */
const toInput = (v: FormValues) => ({
  ...v,
  recurrence: v.phase === undefined ? undefined : v.phase === 'implementation' ? 'monthly' : 'once',
  ownerRole: v.ownerRole ?? null,
});

function SharedFields() {
  const { t } = useTranslation(['checklistTemplates', 'common']);
  const phase = Form.useWatch('phase') as string | undefined;
  return (
    <>
      <Form.Item name={['title', 'zh-CN']} label={t('fields.titleZh')} required>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name={['title', 'en']} label={t('fields.titleEn')} required>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="category" label={t('fields.category')} extra={t('categoryHelp')}>
        <Select options={TEMPLATE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
      </Form.Item>
      <Form.Item
        name="dueOffsetDays"
        label={t('fields.dueOffsetDays')}
        required
        extra={phase ? t(`offsetHelp.${phase as 'start'}`) : t('offsetHelp.any')}
      >
        <InputNumber precision={0} min={-366} max={366} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="ownerRole" label={t('fields.ownerRole')} extra={t('ownerHelp')}>
        <Select
          allowClear
          options={STAFF_PROJECT_ROLES.map((r) => ({ value: r, label: t(`common:enums.projectRole.${r}`) }))}
        />
      </Form.Item>
      <Form.Item name="position" label={t('fields.position')} extra={t('positionHelp')}>
        <InputNumber precision={0} min={0} max={10000} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="description" label={t('fields.description')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="active" valuePropName="checked">
        <Checkbox>{t('fields.active')}</Checkbox>
      </Form.Item>
    </>
  );
}

export function ChecklistTemplateCreateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation(['checklistTemplates', 'lifecycle', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: ChecklistTemplateCreateSchema,
    toInput,
    submit: (data) => checklistTemplateApi.create(data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: checklistTemplateKeys.all });
      message.success(t('common:form.created'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{
        phase: 'start',
        category: 'checklist',
        dueOffsetDays: 21,
        active: true,
        position: 100,
      }}
    >
      <Form.Item name="phase" label={t('fields.phase')} required>
        <Select options={CHECKLIST_PHASES.map((p) => ({ value: p, label: t(`lifecycle:phase.${p}`) }))} />
      </Form.Item>
      <Form.Item name="key" label={t('fields.key')} required extra={t('keyHelp')}>
        <Input maxLength={80} placeholder="start.safety_training" />
      </Form.Item>
      <SharedFields />
    </ContractFormView>
  );
}

/** Edits take effect for checklists generated afterwards; the key and phase stay. */
export function ChecklistTemplateEditForm({
  template,
  onDone,
}: {
  template: ChecklistTemplate;
  onDone: () => void;
}) {
  const { t } = useTranslation(['checklistTemplates', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: ChecklistTemplateUpdateSchema,
    // The phase is only shown (it chooses the offset help); the update schema has no phase.
    toInput: ({ phase: _phase, ...v }) => ({ ...v, ownerRole: v.ownerRole ?? null }),
    submit: (data) => checklistTemplateApi.update(template.id, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: checklistTemplateKeys.all });
      message.success(t('common:form.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{
        phase: template.phase,
        title: template.title,
        category: template.category,
        dueOffsetDays: template.dueOffsetDays,
        ownerRole: template.ownerRole ?? undefined,
        position: template.position,
        description: template.description,
        active: template.active,
      }}
    >
      <Form.Item name="phase" hidden>
        <Input />
      </Form.Item>
      <SharedFields />
    </ContractFormView>
  );
}
