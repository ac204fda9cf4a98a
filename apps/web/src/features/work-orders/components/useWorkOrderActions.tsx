import { useState } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '@opsdesk/contracts';
import { describeError } from '../../../shared/errors';
import { FormModal } from '../../../shared/form/overlays';
import { workOrderApi, workOrderKeys } from '../api/work-orders.api';
import { CheckInForm, CompleteForm, DispatchForm, ReasonForm } from '../forms/ActionForms';
import type { WorkOrderAction } from '../forms/ActionForms';

/** Actions that run at once (no fields); `close` asks first. */
const RUN_NOW: Record<string, (id: string) => Promise<WorkOrder>> = {
  accept: workOrderApi.accept,
  close: workOrderApi.close,
};

/**
 * The work order's lifecycle actions (from the ticket's `actions`: what the caller may do now),
 * each through its own endpoint: dispatch with the engineer, reject/rework/cancel with a reason,
 * check-in, work done with the record; the sign-off is the page's signature panel.
 */
export function useWorkOrderActions(wo: WorkOrder) {
  const { t } = useTranslation('workOrders');
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState<{ action: WorkOrderAction; seq: number } | null>(null);
  const [running, setRunning] = useState<string | null>(null);

  const runNow = async (a: WorkOrderAction) => {
    setRunning(a.action);
    try {
      const next = await RUN_NOW[a.action]!(wo.id);
      qc.setQueryData(workOrderKeys.detail(wo.id), next);
      void qc.invalidateQueries({ queryKey: ['tickets'] });
      message.success(t('actions.done', { action: a.label }));
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setRunning(null);
    }
  };

  const start = (a: WorkOrderAction) => {
    if (a.action === 'sign_off') {
      document.getElementById('sign-off')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      return;
    }
    if (RUN_NOW[a.action]) {
      if (a.action === 'close') modal.confirm({ title: a.label, okText: a.label, onOk: () => runNow(a) });
      else void runNow(a);
      return;
    }
    setOpen((o) => ({ action: a, seq: (o?.seq ?? 0) + 1 }));
  };

  const close = () => setOpen(null);
  const a = open?.action;
  const dialog = (
    <FormModal open={open !== null} title={a?.label} onClose={close} width={520}>
      {a &&
        open &&
        (a.action === 'dispatch' ? (
          <DispatchForm key={open.seq} wo={wo} action={a} onDone={close} />
        ) : a.action === 'check_in' ? (
          <CheckInForm key={open.seq} wo={wo} action={a} onDone={close} />
        ) : a.action === 'complete' ? (
          <CompleteForm key={open.seq} wo={wo} action={a} onDone={close} />
        ) : (
          <ReasonForm
            key={open.seq}
            wo={wo}
            action={a}
            onDone={close}
            onRejected={() => void navigate('/work-orders', { replace: true })}
          />
        ))}
    </FormModal>
  );
  return { start, running, dialog };
}
