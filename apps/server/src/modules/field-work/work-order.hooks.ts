import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { tickets } from '../../db/schema/index.js';
import type { CheckInLocation } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import { changesOf, recordAudit } from '../audit/audit.record.js';
import { whoId } from '../tickets/ticket.history.js';
import { projectManagerIds, userFacts } from '../tickets/ticket.lookups.js';
import { notifyTicket } from '../tickets/ticket.notify.js';
import { updateTicketRow } from '../tickets/ticket.repository.js';
import { addSubcontractorTicketScope } from '../tickets/ticket.scope.js';
import { onTicketTransition } from '../tickets/ticket.transition.js';
import type { TransitionChange, TransitionEnv } from '../tickets/ticket.transition.js';
import { areaOfSite, loadTargets, startArrivalClock, stopArrivalClock } from './arrival.js';
import { ensureWorkOrderRow, updateWorkOrderRow } from './work-order.repository.js';
import type { NewWorkOrder } from './work-order.repository.js';

/**
 * How work orders plug into the one ticket engine (docs/decisions/0400): the lifecycle's actions run
 * through `runTransition` like every ticket's, whichever endpoint takes them (`/work-orders/:id/…`
 * or the generic `/tickets/:id/:action`), and this hook, in the same transaction, keeps what only
 * work orders have: the dispatch (company, area, arrival clock), the check-in (time, place, clock
 * stopped), the work done, the customer's sign-off (which needs the signature), and a rejection
 * (back to dispatch: the engineer is taken off).
 */

// Subcontractor staff also see the work orders dispatched to their company (not only to a colleague).
addSubcontractorTicketScope(
  (subcontractorId) =>
    sql`${tickets.id} IN (SELECT wo.ticket_id FROM work_orders wo WHERE wo.dispatched_to_subcontractor_id = ${subcontractorId})`,
);

export async function isEngaged(db: DbOrTx, projectId: string, subcontractorId: string): Promise<boolean> {
  const r = await db.execute<{ ok: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM project_subcontractors WHERE project_id = ${projectId} AND subcontractor_id = ${subcontractorId}) AS ok`,
  );
  return Boolean(r.rows[0]?.ok);
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

async function workOrderTransition(env: TransitionEnv, ch: TransitionChange) {
  const { tx, who } = env;
  const now = who.now;
  let ticket = ch.after;
  const before = await ensureWorkOrderRow(tx, ticket.id, now);
  const patch: Partial<NewWorkOrder> = {};
  const detail: Record<string, unknown> = {};
  const tell = async (kind: string, params: Record<string, unknown>) =>
    notifyTicket(tx, {
      userIds: [...(await projectManagerIds(tx, ticket.projectId)), ticket.createdBy],
      exceptUserId: whoId(who),
      kind,
      ticket,
      params,
      now,
    });

  switch (ch.action) {
    case 'dispatch': {
      const assignee = await userFacts(tx, String(ch.values['assigneeId']));
      const explicit = str(ch.input['subcontractorId']);
      let company = assignee?.subcontractorId ?? null;
      if (explicit) {
        if (company && company !== explicit)
          throw AppError.field('subcontractorId', 'rule.workOrder.subcontractorOfAssignee');
        if (!(await isEngaged(tx, ticket.projectId, explicit)))
          throw AppError.field('subcontractorId', 'rule.workOrder.subcontractorNotEngaged');
        company = explicit;
      }
      const areaKey = before.areaKey ?? areaOfSite(await loadTargets(tx, ticket.projectId), before.siteId);
      Object.assign(patch, { dispatchedAt: now, dispatchedToSubcontractorId: company, areaKey });
      await startArrivalClock(tx, env.resolver, ticket, areaKey, now);
      break;
    }
    case 'check_in': {
      const at = new Date(Number(ch.values['checkedInAt']));
      const location = ch.input['location'];
      Object.assign(patch, {
        checkedInAt: at,
        checkInLocation:
          typeof location === 'object' && location !== null ? (location as CheckInLocation) : null,
      });
      await stopArrivalClock(tx, env.resolver, ticket.id, at, now);
      break;
    }
    case 'complete': {
      patch.completedAt = now;
      patch.workPerformed = str(ch.values['workSummary']);
      const minutes = ch.input['timeSpentMinutes'];
      if (typeof minutes === 'number') patch.timeSpentMinutes = minutes;
      const parts = str(ch.input['partsUsed']);
      if (parts !== null) patch.partsUsed = parts.trim() || null;
      break;
    }
    case 'sign_off': {
      // The customer's signature is part of the sign-off: without it the action is refused.
      const signature = str(ch.input['signatureAttachmentId']);
      if (!signature) throw AppError.field('signature', 'rule.workOrder.signatureRequired');
      const signer = str(ch.values['signerName']) ?? '';
      Object.assign(patch, { signerName: signer, signatureAttachmentId: signature, signedAt: now });
      await tell('workOrder.signedOff', { signer });
      break;
    }
    case 'reject': {
      const reason = str(ch.values['rejectReason']) ?? '';
      Object.assign(patch, { rejectReason: reason, rejectedAt: now, dispatchedToSubcontractorId: null });
      // Back to dispatch: the engineer who refused is taken off, so the order is in the unassigned queue again.
      detail['previousAssigneeId'] = ticket.assigneeId;
      ticket = await updateTicketRow(tx, ticket.id, { assigneeId: null, updatedAt: now });
      await tell('workOrder.rejected', { reason });
      break;
    }
    case 'rework':
      patch.completedAt = null;
      break;
    default:
      break;
  }
  if (Object.keys(patch).length) {
    const after = await updateWorkOrderRow(tx, ticket.id, { ...patch, updatedAt: now });
    await recordAudit(tx, who, {
      action: `work_order.${ch.action}`,
      objectType: 'ticket',
      objectId: ticket.id,
      changes: changesOf(before, after),
      detail: { number: ticket.number, ...detail },
    });
  }
  return ticket;
}

onTicketTransition('field-work.work-orders', async (env, ch) =>
  ch.after.kind === 'work_order' ? workOrderTransition(env, ch) : undefined,
);
