import { App, DatePicker, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TenderAwardSchema, TenderCreateSchema, TenderUpdateSchema } from '@opsdesk/contracts';
import type { Tender } from '@opsdesk/contracts';
import { fromDateOnly, toDateOnly } from '../../../shared/format';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { MoneyInput } from '../../projects/components/MoneyInput';
import { SubcontractorSelect } from '../../subcontractors/components/SubcontractorSelect';
import { tenderApi } from '../api/tender.api';

const toInput = (v: FormValues) => ({ ...v, bidDeadline: toDateOnly(v.bidDeadline) });

function TenderFields() {
  const { t } = useTranslation('handovers');
  return (
    <>
      <Form.Item name="title" label={t('tenders.fields.title')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="budget" label={t('tenders.fields.budget')}>
        <MoneyInput />
      </Form.Item>
      <Form.Item name="bidDeadline" label={t('tenders.fields.bidDeadline')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="scope" label={t('tenders.fields.scope')}>
        <Input.TextArea rows={5} maxLength={8000} />
      </Form.Item>
    </>
  );
}

/** Draft a subcontractor tender request (分包商招标申请). */
export function TenderCreateForm({
  projectId,
  projectName,
  onDone,
}: {
  projectId: string;
  projectName: string;
  onDone: () => void;
}) {
  const { t } = useTranslation(['handovers', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: TenderCreateSchema,
    toInput,
    submit: (data) => tenderApi.create(projectId, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['projects'] });
      message.success(t('tenders.created'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{ title: t('tenders.defaultTitle', { project: projectName }) }}
    >
      <TenderFields />
    </ContractFormView>
  );
}

export function TenderEditForm({ tender, onDone }: { tender: Tender; onDone: () => void }) {
  const { t } = useTranslation(['handovers', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: TenderUpdateSchema,
    toInput,
    submit: (data) => tenderApi.update(tender.id, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['projects'] });
      message.success(t('common:form.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{
        title: tender.title,
        budget: tender.budget,
        bidDeadline: fromDateOnly(tender.bidDeadline),
        scope: tender.scope,
      }}
    >
      <TenderFields />
    </ContractFormView>
  );
}

/** Award a published tender: the winner is engaged on the project and the tender task is done. */
export function TenderAwardForm({ tender, onDone }: { tender: Tender; onDone: () => void }) {
  const { t } = useTranslation(['handovers', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: TenderAwardSchema,
    submit: (data) => tenderApi.award(tender.id, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['projects'] });
      message.success(t('tenders.awarded'));
      onDone();
    },
  });
  return (
    <ContractFormView form={form} onCancel={onDone} submitLabel={t('tenders.actions.award')}>
      <Form.Item
        name="subcontractorId"
        label={t('tenders.fields.awardedSubcontractor')}
        required
        extra={t('tenders.awardHelp')}
      >
        <SubcontractorSelect />
      </Form.Item>
      <Form.Item name="reason" label={t('tenders.fields.awardReason')} required>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </ContractFormView>
  );
}
