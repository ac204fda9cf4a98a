import { Alert, App, DatePicker, Form, Input, Radio, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  CustomerManagerAssignSchema,
  HandoverCreateSchema,
  HandoverUpdateSchema,
  ModeDecisionSchema,
  SERVICE_MODES,
  SubcontractorDecisionSchema,
  VARIANTS_BY_MODE,
} from '@opsdesk/contracts';
import type { Handover, ModeSuggestion, ServiceMode } from '@opsdesk/contracts';
import { fromDateOnly, toDateOnly } from '../../../shared/format';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { UserSelect } from '../../users/components/UserSelect';
import { handoverApi } from '../api/handover.api';

/** A handover decision changes the project's tasks, members and engagements: refresh all of it. */
function useRefreshProject() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: ['projects'] });
}

const handoverInput = (v: FormValues) => ({
  ...v,
  plannedDate: toDateOnly(v.plannedDate) ?? undefined,
  regionalManagerId: v.regionalManagerId ?? null,
  divisionManagerId: v.divisionManagerId ?? null,
  serviceLeadId: v.serviceLeadId ?? null,
});

function HandoverFields() {
  const { t } = useTranslation('handovers');
  return (
    <>
      <Form.Item
        name="plannedDate"
        label={t('fields.plannedDate')}
        required
        extra={t('form.plannedDateHelp')}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="regionalManagerId" label={t('fields.regionalManager')} extra={t('form.regionalHelp')}>
        <UserSelect kind="staff" />
      </Form.Item>
      <Form.Item name="divisionManagerId" label={t('fields.divisionManager')} extra={t('form.divisionHelp')}>
        <UserSelect kind="staff" />
      </Form.Item>
      <Form.Item name="serviceLeadId" label={t('fields.serviceLead')} extra={t('form.serviceLeadHelp')}>
        <UserSelect kind="staff" />
      </Form.Item>
    </>
  );
}

/** Open the handover of a project: its date (the T−30 work starts from it) and its people. */
export function HandoverCreateForm({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const { t } = useTranslation(['handovers', 'common']);
  const { message } = App.useApp();
  const refresh = useRefreshProject();
  const form = useContractForm({
    schema: HandoverCreateSchema,
    toInput: handoverInput,
    submit: (data) => handoverApi.create(projectId, data),
    onSuccess: () => {
      refresh();
      message.success(t('form.opened'));
      onDone();
    },
  });
  return (
    <ContractFormView form={form} onCancel={onDone} submitLabel={t('actions.open')}>
      <HandoverFields />
    </ContractFormView>
  );
}

export function HandoverEditForm({ handover, onDone }: { handover: Handover; onDone: () => void }) {
  const { t } = useTranslation(['handovers', 'common']);
  const { message } = App.useApp();
  const refresh = useRefreshProject();
  const form = useContractForm({
    schema: HandoverUpdateSchema,
    toInput: handoverInput,
    submit: (data) => handoverApi.update(handover.projectId, data),
    onSuccess: () => {
      refresh();
      message.success(t('common:form.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{
        plannedDate: fromDateOnly(handover.plannedDate),
        regionalManagerId: handover.regionalManager?.id,
        divisionManagerId: handover.divisionManager?.id,
        serviceLeadId: handover.serviceLead?.id,
      }}
    >
      <HandoverFields />
    </ContractFormView>
  );
}

/**
 * Record the agreed service mode and why (regional or division manager). It starts from the
 * suggestion; choosing otherwise is allowed and recorded as such.
 */
export function ModeDecisionForm({
  handover,
  suggestion,
  onDone,
}: {
  handover: Handover;
  suggestion: ModeSuggestion['suggestion'];
  onDone: () => void;
}) {
  const { t } = useTranslation(['handovers', 'serviceModes', 'common']);
  const { message } = App.useApp();
  const refresh = useRefreshProject();
  const form = useContractForm({
    schema: ModeDecisionSchema,
    submit: (data) => handoverApi.decide(handover.projectId, data),
    onSuccess: () => {
      refresh();
      message.success(t('decision.saved'));
      onDone();
    },
  });
  const mode = Form.useWatch('mode', form.form) as ServiceMode | undefined;
  const variant = Form.useWatch('variant', form.form) as string | undefined;
  const start = handover.decision ?? suggestion;
  const differs =
    suggestion !== null && mode !== undefined && (mode !== suggestion.mode || variant !== suggestion.variant);
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      submitLabel={t('actions.decide')}
      initialValues={start ? { mode: start.mode, variant: start.variant } : undefined}
    >
      {suggestion && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('decision.suggested', {
            mode: t('serviceModes:modeVariant', {
              mode: t(`serviceModes:mode.${suggestion.mode}`),
              variant: t(`serviceModes:variant.${suggestion.variant}`),
            }),
          })}
          description={suggestion.reasonText}
        />
      )}
      <Form.Item name="mode" label={t('serviceModes:fields.mode')} required>
        <Radio.Group
          optionType="button"
          options={SERVICE_MODES.map((m) => ({ value: m, label: t(`serviceModes:mode.${m}`) }))}
          onChange={(e) => {
            const m = e.target.value as ServiceMode;
            const v = form.form.getFieldValue('variant') as string | undefined;
            if (v && !(VARIANTS_BY_MODE[m] as readonly string[]).includes(v))
              form.form.setFieldValue('variant', undefined);
          }}
        />
      </Form.Item>
      <Form.Item name="variant" label={t('serviceModes:fields.variant')} required>
        <Select
          disabled={!mode}
          options={(mode ? VARIANTS_BY_MODE[mode] : []).map((v) => ({
            value: v,
            label: t(`serviceModes:variant.${v}`),
          }))}
        />
      </Form.Item>
      {differs && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('decision.override')} />
      )}
      <Form.Item name="reason" label={t('decision.reason')} required extra={t('decision.reasonHelp')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </ContractFormView>
  );
}

/** Name the customer manager (the branch service lead); they join the project in that role. */
export function CustomerManagerForm({ handover, onDone }: { handover: Handover; onDone: () => void }) {
  const { t } = useTranslation(['handovers', 'common']);
  const { message } = App.useApp();
  const refresh = useRefreshProject();
  const form = useContractForm({
    schema: CustomerManagerAssignSchema,
    submit: (data) => handoverApi.assignCustomerManager(handover.projectId, data),
    onSuccess: () => {
      refresh();
      message.success(t('customerManager.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      submitLabel={t('actions.assignCustomerManager')}
      initialValues={{ userId: handover.customerManager?.id }}
    >
      <Form.Item name="userId" label={t('fields.customerManager')} required extra={t('customerManager.help')}>
        <UserSelect kind="staff" />
      </Form.Item>
      <Form.Item name="note" label={t('customerManager.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </ContractFormView>
  );
}

/** Decide whether a subcontractor is needed (the customer manager); a tender follows when it is. */
export function SubcontractorDecisionForm({ handover, onDone }: { handover: Handover; onDone: () => void }) {
  const { t } = useTranslation(['handovers', 'common']);
  const { message } = App.useApp();
  const refresh = useRefreshProject();
  const form = useContractForm({
    schema: SubcontractorDecisionSchema,
    submit: (data) => handoverApi.decideSubcontractor(handover.projectId, data),
    onSuccess: () => {
      refresh();
      message.success(t('subcontractor.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      submitLabel={t('actions.decideSubcontractor')}
      initialValues={{
        needed: handover.subcontractorDecision?.needed ?? handover.decision?.implies.subcontractor ?? true,
      }}
    >
      <Form.Item name="needed" label={t('subcontractor.needed')} required extra={t('subcontractor.help')}>
        <Radio.Group
          options={[
            { value: true, label: t('subcontractor.yes') },
            { value: false, label: t('subcontractor.no') },
          ]}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('subcontractor.reason')} required>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </ContractFormView>
  );
}
