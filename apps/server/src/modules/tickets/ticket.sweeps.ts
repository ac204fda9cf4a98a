import { systemCtx } from '../../jobs/system-ctx.js';
import { sql } from 'drizzle-orm';
import { DESK_TICKET_KINDS } from '@opsdesk/domain';
import { ticketTasks } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Deps } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.record.js';
import { CalendarResolver } from '../calendars/calendar.definition.js';
import { MAIL_JOB } from '../mail/mail.outbox.js';

import { EMERGENCY_PLAN_DUE_MS } from './ticket.create.service.js';
import { recordTicketEvent } from './ticket.history.js';
import { Lifecycles } from './ticket.lifecycle.js';
import { projectManagerIds } from './ticket.lookups.js';
import { notifyTicket } from './ticket.notify.js';
import { lockTicket, updateTicketRow } from './ticket.repository.js';
import { runTransition } from './ticket.transition.js';

const BATCH = 100;

/**
 * The seed's rule (服务响应时间): a "system down, business stopped" ticket not resolved within 12
 * hours needs an emergency plan within 24 hours. Tickets carry the instant to look
 * (`emergency_check_at`, partial index); the sweep raises one task per ticket (unique
 * (ticket, type)) to the project manager and clears the instant.
 */
export async function sweepEmergencyPlans(deps: Deps): Promise<number> {
  const now = deps.now();
  const due = await deps.db.execute<{ id: string }>(
    sql`SELECT id FROM tickets WHERE emergency_check_at <= ${now} ORDER BY emergency_check_at LIMIT ${BATCH}`,
  );
  let raised = 0;
  for (const { id } of due.rows) {
    raised += await deps.db.transaction(async (tx) => {
      const t = await lockTicket(tx, null, id, true);
      if (!t || !t.emergencyCheckAt || t.emergencyCheckAt > now) return 0;
      await updateTicketRow(tx, id, { emergencyCheckAt: null });
      const live =
        t.stateCategory === 'open' || t.stateCategory === 'in_progress' || t.stateCategory === 'pending';
      if (!t.businessStopped || !live) return 0;
      const who = systemCtx(deps, 'servicedesk.emergency', now);
      const pms = await projectManagerIds(tx, t.projectId);
      const dueAt = new Date(t.createdAt.getTime() + EMERGENCY_PLAN_DUE_MS);
      const inserted = await tx
        .insert(ticketTasks)
        .values({
          id: uuid7(),
          ticketId: id,
          projectId: t.projectId,
          type: 'emergency_plan',
          assigneeId: pms[0] ?? null,
          dueAt,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: ticketTasks.id });
      if (!inserted.length) return 0;
      await recordTicketEvent(
        tx,
        who,
        id,
        'emergency_plan_required',
        { taskId: inserted[0]!.id, dueAt: dueAt.toISOString() },
        'internal',
      );
      await recordAudit(tx, who, {
        action: 'ticket.emergencyPlanRequired',
        objectType: 'ticket',
        objectId: id,
        detail: { number: t.number, taskId: inserted[0]!.id },
      });
      await notifyTicket(tx, {
        userIds: pms,
        kind: 'ticket.emergencyPlan',
        ticket: t,
        params: { due: dueAt.toISOString() },
        dedupeKey: `emergency:${id}`,
        now,
      });
      return 1;
    });
  }
  if (raised) await deps.jobs.send(MAIL_JOB, {}).catch(() => undefined);
  return raised;
}

/** Closes resolved tickets whose lifecycle's `autoCloseAfterDays` have passed: the engine's `auto_close`, taken by the system. */
export async function sweepAutoClose(deps: Deps): Promise<number> {
  const now = deps.now();
  const lifecycles = new Lifecycles(deps.db);
  let closed = 0;
  for (const kind of DESK_TICKET_KINDS) {
    const days = (await lifecycles.get(kind)).autoCloseAfterDays;
    if (days === null) continue;
    const before = new Date(now.getTime() - days * 86_400_000);
    const due = await deps.db.execute<{ id: string }>(
      sql`SELECT id FROM tickets WHERE state_category = 'resolved' AND kind = ${kind} AND resolved_at <= ${before} ORDER BY resolved_at LIMIT ${BATCH}`,
    );
    for (const { id } of due.rows) {
      try {
        await deps.db.transaction(async (tx) => {
          const t = await lockTicket(tx, null, id, true);
          if (!t || t.stateCategory !== 'resolved') return;
          const who = systemCtx(deps, 'servicedesk.autoClose', now);
          await runTransition(
            { tx, who, resolver: new CalendarResolver(tx, now), lifecycles: new Lifecycles(tx) },
            t,
            'auto_close',
            {},
            ['system'],
          );
          closed++;
        });
      } catch (err) {
        if (!(err instanceof AppError)) throw err; // a guard that no longer holds: leave it
      }
    }
  }
  return closed;
}
