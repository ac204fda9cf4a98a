import { useState } from 'react';
import { App, Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@opsdesk/contracts';
import { describeError } from '../../../shared/errors';
import { FormModal } from '../../../shared/form/overlays';
import { ticketApi, ticketKeys } from '../api/tickets.api';
import { ActionForm, needsForm } from '../forms/ActionForm';
import type { TicketAction } from '../forms/ActionForm';

const PRIMARY = new Set(['take', 'start', 'resolve', 'answer', 'close']);

/**
 * State of the action dialog, shared by the buttons and the keyboard (`a` opens assign). An action
 * without fields runs at once; the others open their small form.
 */
export function useTicketActions(
  ticket: Ticket,
  options: { confirm?: (action: TicketAction) => string | null } = {},
) {
  const { t } = useTranslation('tickets');
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState<{ action: TicketAction; seq: number } | null>(null);
  const [running, setRunning] = useState<string | null>(null);

  const runNow = async (a: TicketAction) => {
    setRunning(a.action);
    try {
      const next = await ticketApi.act(ticket.id, a.action, {});
      qc.setQueryData(ticketKeys.detail(ticket.id), next);
      void qc.invalidateQueries({ queryKey: ticketKeys.all });
      message.success(t('actions.done', { action: a.label }));
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setRunning(null);
    }
  };

  const start = (a: TicketAction) => {
    if (needsForm(a)) {
      setOpen((o) => ({ action: a, seq: (o?.seq ?? 0) + 1 }));
      return;
    }
    const question = options.confirm?.(a);
    if (question) modal.confirm({ title: question, okText: a.label, onOk: () => runNow(a) });
    else void runNow(a);
  };

  const dialog = (
    <FormModal open={open !== null} title={open?.action.label} onClose={() => setOpen(null)} width={520}>
      {open && (
        <ActionForm
          key={open.seq}
          ticket={ticket}
          action={open.action}
          onDone={() => setOpen(null)}
          onCancel={() => setOpen(null)}
        />
      )}
    </FormModal>
  );
  return { start, running, dialog, find: (name: string) => ticket.actions.find((a) => a.action === name) };
}

/** One button per action the caller may take now (from the API), in the lifecycle's order. */
export function ActionButtons(props: {
  actions: TicketAction[];
  start: (a: TicketAction) => void;
  running: string | null;
  hide?: readonly string[];
}) {
  return (
    <>
      {props.actions
        .filter((a) => !props.hide?.includes(a.action))
        .map((a) => (
          <Button
            key={a.action}
            type={PRIMARY.has(a.action) ? 'primary' : 'default'}
            danger={a.action === 'cancel'}
            loading={props.running === a.action}
            onClick={() => props.start(a)}
            data-action={a.action}
          >
            {a.label}
          </Button>
        ))}
    </>
  );
}
