import { App, DatePicker, Form, Input, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { FindingIncidentSchema, FindingResolveSchema, FindingWorkOrderSchema } from '@opsdesk/contracts';
import type { InspectionFinding } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { SubcontractorSelect } from '../../subcontractors/components/SubcontractorSelect';
import { AssigneeSelect, GroupSelect } from '../../tickets/components/pickers';
import { useTicketLabels } from '../../tickets/labels';
import { useInspectionLabels } from '../../inspections/labels';
import { useArrivalTargets } from '../../work-orders/forms/WorkOrderForm';
import { findingApi, findingKeys } from '../api/findings.api';

const LEVELS = [1, 2, 3, 4];

/** Empty answers left out: the server then uses its defaults (title from the reading, levels from the severity). */
function compact(v: FormValues): FormValues {
  const out: FormValues = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || x === null || (typeof x === 'string' && !x.trim())) continue;
    out[k] = dayjs.isDayjs(x) ? x.toISOString() : typeof x === 'string' ? x.trim() : x;
  }
  return out;
}

function useLanded(onDone: (f: InspectionFinding) => void) {
  const qc = useQueryClient();
  return (f: InspectionFinding) => {
    qc.setQueryData(findingKeys.detail(f.id), f);
    void qc.invalidateQueries({ queryKey: findingKeys.all });
    void qc.invalidateQueries({ queryKey: ['inspections'] });
    void qc.invalidateQueries({ queryKey: ['tickets'] });
    onDone(f);
  };
}

/** 转为事件: the CI linked and the reading quoted; levels default from the finding's severity. */
export function FindingIncidentForm(props: { finding: InspectionFinding; onDone: () => void }) {
  const { t } = useTranslation(['findings', 'common']);
  const labels = useTicketLabels();
  const { message } = App.useApp();
  const landed = useLanded((f) => {
    message.success(t('actions.incidentCreated', { number: f.incident?.number ?? '' }));
    props.onDone();
  });
  const form = useContractForm({
    schema: FindingIncidentSchema,
    toInput: compact,
    submit: (data) => findingApi.toIncident(props.finding.id, data),
    onSuccess: landed,
  });
  return (
    <ContractFormView form={form} onCancel={props.onDone} submitLabel={t('actions.toIncident')}>
      <Form.Item name="title" label={t('incident.title')}>
        <Input maxLength={300} placeholder={t('actions.titleDefault')} />
      </Form.Item>
      <Form.Item name="impact" label={t('incident.impact')}>
        <Select allowClear options={LEVELS.map((l) => ({ value: l, label: labels.impact(l) }))} />
      </Form.Item>
      <Form.Item name="urgency" label={t('incident.urgency')}>
        <Select allowClear options={LEVELS.map((l) => ({ value: l, label: labels.urgency(l) }))} />
      </Form.Item>
      <Form.Item name="groupId" label={t('incident.group')}>
        <GroupSelect />
      </Form.Item>
      <Form.Item name="assigneeId" label={t('incident.assignee')}>
        <AssigneeSelect projectId={props.finding.projectId} />
      </Form.Item>
    </ContractFormView>
  );
}

/** 转为工单: on the finding's CI and site, the child of its incident when it has one. */
export function FindingWorkOrderForm(props: { finding: InspectionFinding; onDone: () => void }) {
  const { t } = useTranslation(['findings', 'workOrders', 'common']);
  const tl = useTicketLabels();
  const labels = useInspectionLabels();
  const { message } = App.useApp();
  const targets = useArrivalTargets(props.finding.projectId);
  const landed = useLanded((f) => {
    message.success(t('actions.workOrderCreated', { number: f.workOrder?.number ?? '' }));
    props.onDone();
  });
  const form = useContractForm({
    schema: FindingWorkOrderSchema,
    toInput: compact,
    submit: (data) => findingApi.toWorkOrder(props.finding.id, data),
    onSuccess: landed,
  });
  return (
    <ContractFormView form={form} onCancel={props.onDone} submitLabel={t('actions.toWorkOrder')}>
      <Typography.Paragraph type="secondary">{t('workOrder.hint')}</Typography.Paragraph>
      <Form.Item name="title" label={t('workOrders:fields.title')}>
        <Input maxLength={300} placeholder={t('actions.titleDefault')} />
      </Form.Item>
      <Form.Item name="instructions" label={t('workOrders:fields.instructions')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={20000} />
      </Form.Item>
      <Form.Item name="assigneeId" label={t('workOrders:fields.assignee')}>
        <AssigneeSelect projectId={props.finding.projectId} />
      </Form.Item>
      <Form.Item name="subcontractorId" label={t('workOrders:fields.subcontractor')}>
        <SubcontractorSelect placeholder={t('workOrders:pickers.subcontractor')} />
      </Form.Item>
      <Form.Item name="areaKey" label={t('workOrders:fields.area')}>
        <Select
          allowClear
          placeholder={t('workOrders:pickers.area')}
          options={(targets.data?.targets ?? []).map((a) => ({
            value: a.areaKey,
            label: t('workOrders:areaLine', { label: labels.text(a.label), minutes: a.minutes }),
          }))}
        />
      </Form.Item>
      <Form.Item name="plannedStart" label={t('workOrders:fields.plannedStart')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="plannedEnd" label={t('workOrders:fields.plannedEnd')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="impact" label={t('workOrders:fields.impact')}>
        <Select allowClear options={LEVELS.map((l) => ({ value: l, label: tl.impact(l) }))} />
      </Form.Item>
      <Form.Item name="urgency" label={t('workOrders:fields.urgency')}>
        <Select allowClear options={LEVELS.map((l) => ({ value: l, label: tl.urgency(l) }))} />
      </Form.Item>
    </ContractFormView>
  );
}

/** 关闭问题: resolved by hand with a note (fixed on the spot, risk accepted …). */
export function FindingResolveForm(props: { finding: InspectionFinding; onDone: () => void }) {
  const { t } = useTranslation(['findings', 'common']);
  const { message } = App.useApp();
  const landed = useLanded(() => {
    message.success(t('actions.resolved'));
    props.onDone();
  });
  const form = useContractForm({
    schema: FindingResolveSchema,
    submit: (data) => findingApi.resolve(props.finding.id, data),
    onSuccess: landed,
  });
  return (
    <ContractFormView form={form} onCancel={props.onDone} submitLabel={t('actions.resolve')}>
      <Form.Item name="note" label={t('actions.note')} required>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          placeholder={t('actions.notePlaceholder')}
        />
      </Form.Item>
    </ContractFormView>
  );
}
