import { useState } from 'react';
import { App, Checkbox, DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { z } from 'zod';
import {
  WorkOrderCheckInSchema,
  WorkOrderCompleteSchema,
  WorkOrderDispatchSchema,
  WorkOrderReasonSchema,
} from '@opsdesk/contracts';
import type { WorkOrder } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { SubcontractorSelect } from '../../subcontractors/components/SubcontractorSelect';
import { AssigneeSelect } from '../../tickets/components/pickers';
import { workOrderApi, workOrderKeys } from '../api/work-orders.api';
import type { WorkOrderRejected } from '../api/work-orders.api';

export type WorkOrderAction = WorkOrder['actions'][number];

/** After an action: the new work order into the cache, lists and the ticket pieces refreshed. */
function useLanded(wo: WorkOrder, action: WorkOrderAction, onDone: () => void) {
  const { t } = useTranslation('workOrders');
  const { message } = App.useApp();
  const qc = useQueryClient();
  return (next: WorkOrder) => {
    qc.setQueryData(workOrderKeys.detail(wo.id), next);
    void qc.invalidateQueries({ queryKey: ['tickets'] });
    message.success(t('actions.done', { action: action.label }));
    onDone();
  };
}

const trimmed = (v: FormValues) => {
  const out: FormValues = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || x === null || (typeof x === 'string' && !x.trim())) continue;
    out[k] = typeof x === 'string' ? x.trim() : x;
  }
  return out;
};

/** 派单: to an engineer of the project or a field engineer of an engaged subcontractor. */
export function DispatchForm(props: { wo: WorkOrder; action: WorkOrderAction; onDone: () => void }) {
  const { t } = useTranslation('workOrders');
  const landed = useLanded(props.wo, props.action, props.onDone);
  const form = useContractForm({
    schema: WorkOrderDispatchSchema,
    toInput: trimmed,
    submit: (data) => workOrderApi.dispatch(props.wo.id, data),
    onSuccess: landed,
  });
  return (
    <ContractFormView
      form={form}
      onCancel={props.onDone}
      submitLabel={props.action.label}
      initialValues={{
        assigneeId: props.wo.assignee?.id,
        subcontractorId: props.wo.workOrder.dispatchedTo?.id,
      }}
    >
      <Form.Item name="assigneeId" label={t('fields.assignee')} required>
        <AssigneeSelect projectId={props.wo.projectId} />
      </Form.Item>
      <Form.Item name="subcontractorId" label={t('fields.subcontractor')}>
        <SubcontractorSelect placeholder={t('pickers.subcontractor')} />
      </Form.Item>
      <Form.Item name="reason" label={t('actions.dispatchReason')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </ContractFormView>
  );
}

type ReasonAction = 'reject' | 'rework' | 'cancel';

/** 退单 / 返工 / 取消: each with its reason. A rejection takes the engineer off the order. */
export function ReasonForm(props: {
  wo: WorkOrder;
  action: WorkOrderAction;
  onDone: () => void;
  onRejected?: (r: WorkOrderRejected) => void;
}) {
  const { t } = useTranslation('workOrders');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const landed = useLanded(props.wo, props.action, props.onDone);
  const name = props.action.action as ReasonAction;
  const form = useContractForm({
    schema: WorkOrderReasonSchema,
    submit: async (data: z.output<typeof WorkOrderReasonSchema>): Promise<WorkOrder | WorkOrderRejected> =>
      name === 'reject'
        ? workOrderApi.reject(props.wo.id, data)
        : name === 'rework'
          ? workOrderApi.rework(props.wo.id, data)
          : workOrderApi.cancel(props.wo.id, data),
    onSuccess: (result) => {
      if (name === 'reject') {
        // The engineer no longer sees the order: leave its page before anything refetches it.
        message.success(t('actions.rejected'));
        props.onDone();
        props.onRejected?.(result as WorkOrderRejected);
        qc.removeQueries({ queryKey: workOrderKeys.detail(props.wo.id) });
        void qc.invalidateQueries({ queryKey: ['tickets'] });
      } else landed(result as WorkOrder);
    },
  });
  return (
    <ContractFormView form={form} onCancel={props.onDone} submitLabel={props.action.label}>
      <Form.Item name="reason" label={t('actions.reason')} required>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
    </ContractFormView>
  );
}

/** The phone's position, if the engineer allows it (a few seconds at most). */
function currentPosition(): Promise<z.input<typeof WorkOrderCheckInSchema>['location'] | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          lat: p.coords.latitude,
          lng: p.coords.longitude,
          accuracyM: Math.round(p.coords.accuracy),
        }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 8000, maximumAge: 60_000 },
    );
  });
}

/**
 * 到场签到: the engineer on site checks in now (with the position, if allowed); the desk may record
 * an arrival reported by phone, with its time.
 */
export function CheckInForm(props: { wo: WorkOrder; action: WorkOrderAction; onDone: () => void }) {
  const { t } = useTranslation('workOrders');
  const landed = useLanded(props.wo, props.action, props.onDone);
  const [locating, setLocating] = useState(false);
  const desk = !props.wo.relations.includes('assignee');
  const form = useContractForm({
    schema: WorkOrderCheckInSchema,
    toInput: (v: FormValues) => ({
      ...(dayjs.isDayjs(v.at) ? { at: v.at.toISOString() } : {}),
    }),
    submit: async (data) => {
      let body = data;
      if (form.form.getFieldValue('useLocation')) {
        setLocating(true);
        const location = await currentPosition().finally(() => setLocating(false));
        const note = (form.form.getFieldValue('note') as string | undefined)?.trim();
        if (location || note)
          body = { ...data, location: { ...(location ?? {}), ...(note ? { note } : {}) } };
      } else {
        const note = (form.form.getFieldValue('note') as string | undefined)?.trim();
        if (note) body = { ...data, location: { note } };
      }
      return workOrderApi.checkIn(props.wo.id, body);
    },
    onSuccess: landed,
  });
  return (
    <ContractFormView form={form} onCancel={props.onDone} submitLabel={props.action.label}>
      {!desk && <Typography.Paragraph type="secondary">{t('actions.checkInHint')}</Typography.Paragraph>}
      {desk && (
        <Form.Item name="at" label={t('actions.checkInAt')}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('actions.checkInNote')}>
        <Input maxLength={500} />
      </Form.Item>
      {!desk && (
        <Form.Item name="useLocation" valuePropName="checked" initialValue={false}>
          <Checkbox>{locating ? t('actions.locating') : t('actions.useLocation')}</Checkbox>
        </Form.Item>
      )}
    </ContractFormView>
  );
}

/** 完工: what was done, the time it took and the parts used. */
export function CompleteForm(props: { wo: WorkOrder; action: WorkOrderAction; onDone: () => void }) {
  const { t } = useTranslation('workOrders');
  const landed = useLanded(props.wo, props.action, props.onDone);
  const form = useContractForm({
    schema: WorkOrderCompleteSchema,
    toInput: trimmed,
    submit: (data) => workOrderApi.complete(props.wo.id, data),
    onSuccess: landed,
  });
  return (
    <ContractFormView
      form={form}
      onCancel={props.onDone}
      submitLabel={props.action.label}
      initialValues={{
        workPerformed: props.wo.workOrder.workPerformed ?? undefined,
        timeSpentMinutes: props.wo.workOrder.timeSpentMinutes ?? undefined,
        partsUsed: props.wo.workOrder.partsUsed ?? undefined,
      }}
    >
      <Form.Item name="workPerformed" label={t('fields.workPerformed')} required>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} />
      </Form.Item>
      <Form.Item name="timeSpentMinutes" label={t('fields.timeSpentMinutes')}>
        <InputNumber min={0} max={100000} precision={0} inputMode="numeric" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="partsUsed" label={t('fields.partsUsed')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
      </Form.Item>
    </ContractFormView>
  );
}
