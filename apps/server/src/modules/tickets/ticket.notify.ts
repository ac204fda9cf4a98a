import type { DbOrTx } from '../../db/client.js';
import { queueMail } from '../mail/mail.outbox.js';
import { notify } from '../notifications/notification.service.js';

export interface TicketNotice {
  userIds: readonly (string | null | undefined)[];
  /** Never notify the person who did it. */
  exceptUserId?: string | null;
  kind: string;
  ticket: { id: string; number: string; title: string; projectId: string };
  params?: Record<string, unknown>;
  dedupeKey?: string | null;
  now: Date;
}

export const ticketLink = (id: string) => `/tickets/${id}`;

/**
 * The bell and the e-mail for a ticket event, in the change's transaction. The text is rendered
 * per recipient language from the kind (contracts/tickets.ts); mail is sent after commit by a job.
 */
export async function notifyTicket(tx: DbOrTx, n: TicketNotice): Promise<void> {
  const userIds = [
    ...new Set(n.userIds.filter((u): u is string => typeof u === 'string' && u !== n.exceptUserId)),
  ];
  if (!userIds.length) return;
  const params = { number: n.ticket.number, title: n.ticket.title, ...(n.params ?? {}) };
  const link = ticketLink(n.ticket.id);
  await notify(tx, {
    userIds,
    kind: n.kind,
    params,
    link,
    objectType: 'ticket',
    objectId: n.ticket.id,
    projectId: n.ticket.projectId,
    dedupeKey: n.dedupeKey ?? null,
    now: n.now,
  });
  await queueMail(tx, { userIds, kind: n.kind, params, link, dedupeKey: n.dedupeKey ?? null, now: n.now });
}
