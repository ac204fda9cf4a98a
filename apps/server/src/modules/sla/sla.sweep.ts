import { eq, sql } from 'drizzle-orm';
import { clockState, crossedThresholds, instant } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { slaBreaches, slaClocks, slaEscalations } from '../../db/schema/index.js';
import type { StoredEscalation } from '../../db/schema/index.js';
import type { AnonCtx, Deps } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.record.js';
import { CalendarResolver } from '../calendars/calendar.definition.js';
import { MAIL_JOB } from '../mail/mail.outbox.js';
import { recordTicketEvent } from '../tickets/ticket.history.js';
import { projectManagerIds, teamExists } from '../tickets/ticket.lookups.js';
import { notifyTicket } from '../tickets/ticket.notify.js';
import { lockTicket, updateTicketRow } from '../tickets/ticket.repository.js';
import type { TicketRow } from '../tickets/ticket.repository.js';
import { categoryPath } from '../service-desk/desk.repository.js';
import { breachInstant, domainClock, retargetClocks, saveDerived, syncTicketSla } from './sla.clocks.js';
import type { SlaClockRow } from './sla.clocks.js';

const BATCH = 100;
const MAX_ROUNDS = 20;

/** The identity of a job in audit rows and ticket history. */
export function systemCtx(deps: Deps, job: string, now: Date): AnonCtx {
  return {
    db: deps.db,
    deps,
    actor: null,
    actorName: 'system',
    requestId: `job:${job}`,
    ip: null,
    lang: 'zh-CN',
    now,
  };
}

const METRIC_LABEL = { response: '响应时限', resolution: '解决时限', arrival: '到场时限' } as const;

/**
 * The SLA timer sweep (a pg-boss cron job, every minute). It reads only clocks whose
 * `next_check_at` is due — through the partial index — so its cost grows with the clocks that are
 * due, not with all running ones. Each clock is handled in its own short transaction: the ticket
 * is locked first (as every request does, so no deadlock), skipped if another node holds it, and
 * every step it fires is a row with a unique (clock, threshold): a step happens once across nodes
 * and retries. Returns how many clocks it handled.
 */
export async function sweepClocks(deps: Deps): Promise<number> {
  let handled = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = deps.now();
    const due = await deps.db.execute<{ id: string; ticket_id: string }>(
      sql`SELECT id, ticket_id FROM sla_clocks WHERE next_check_at <= ${now} ORDER BY next_check_at LIMIT ${BATCH}`,
    );
    if (!due.rows.length) break;
    // One resolver per round (its doc: one per request or job run): each calendar and the holiday
    // data are read once for all the clocks, not once per clock inside its transaction.
    const resolver = new CalendarResolver(deps.db, now);
    let progressed = 0;
    for (const c of due.rows) {
      const done = await deps.db.transaction(async (tx) => {
        const ticket = await lockTicket(tx, null, c.ticket_id, true);
        if (!ticket) return false;
        const rows = await tx
          .select()
          .from(slaClocks)
          .where(sql`${slaClocks.id} = ${c.id} AND ${slaClocks.nextCheckAt} <= ${now}`)
          .for('update', { skipLocked: true });
        if (!rows[0]) return false;
        await checkClock(tx, systemCtx(deps, 'sla.sweep', now), ticket, rows[0], resolver);
        return true;
      });
      if (done) progressed++;
    }
    handled += progressed;
    if (progressed === 0 || due.rows.length < BATCH) break;
  }
  if (handled) await deps.jobs.send(MAIL_JOB, {}).catch(() => undefined);
  return handled;
}

async function recipients(
  tx: DbOrTx,
  ticket: TicketRow,
  notifyWho: StoredEscalation['notify'],
): Promise<string[]> {
  const out: (string | null)[] = [];
  if (notifyWho.includes('assignee')) out.push(ticket.assigneeId);
  if (notifyWho.includes('group_lead') && ticket.groupId)
    out.push((await teamExists(tx, ticket.groupId))?.leadUserId ?? null);
  if (notifyWho.includes('project_manager')) out.push(...(await projectManagerIds(tx, ticket.projectId)));
  return [...new Set(out.filter((x): x is string => x !== null))];
}

/** Fires the clock's due escalation steps and its breach, then schedules its next check. */
async function checkClock(
  tx: DbOrTx,
  who: AnonCtx,
  ticket: TicketRow,
  row: SlaClockRow,
  resolver: CalendarResolver,
): Promise<void> {
  const now = who.now;
  const def = await resolver.definition(row.calendarId);
  const clock = domainClock(row);
  const st = clockState(clock, def, instant(now.getTime()));
  const fired = [...row.firedThresholds];
  let current = ticket;
  const label = METRIC_LABEL[row.metric];
  const due = st.dueAt === null ? '' : new Date(st.dueAt).toISOString();

  if (st.phase !== 'stopped') {
    for (const threshold of crossedThresholds(
      clock,
      def,
      instant(now.getTime()),
      row.escalations.map((e) => e.threshold),
    )) {
      if (fired.includes(threshold)) continue;
      fired.push(threshold);
      const step = row.escalations.find((e) => e.threshold === threshold)!;
      const crossedAt = row.nextCheckAt && row.nextCheckAt <= now ? row.nextCheckAt : now;
      const inserted = await tx
        .insert(slaEscalations)
        .values({
          id: uuid7(),
          clockId: row.id,
          ticketId: ticket.id,
          threshold,
          crossedAt,
          firedAt: now,
          actions: {
            notify: step.notify,
            reassignGroupId: step.reassignGroupId ?? null,
            raisePriority: step.raisePriority ?? false,
          },
        })
        .onConflictDoNothing()
        .returning({ id: slaEscalations.id });
      if (!inserted.length) continue; // another node or an earlier try did it
      const patch: Partial<TicketRow> = {};
      if (step.raisePriority && current.priority > 1) patch.priority = current.priority - 1;
      if (
        step.reassignGroupId &&
        step.reassignGroupId !== current.groupId &&
        (await teamExists(tx, step.reassignGroupId))
      )
        patch.groupId = step.reassignGroupId;
      if (Object.keys(patch).length)
        current = await updateTicketRow(tx, ticket.id, { ...patch, updatedAt: now });
      await recordTicketEvent(
        tx,
        who,
        ticket.id,
        'escalation',
        { metric: row.metric, threshold, ...patch },
        'internal',
      );
      await recordAudit(tx, who, {
        action: 'ticket.escalate',
        objectType: 'ticket',
        objectId: ticket.id,
        detail: { number: ticket.number, metric: row.metric, threshold, ...patch },
      });
      await notifyTicket(tx, {
        userIds: await recipients(tx, current, step.notify),
        kind: 'sla.escalation',
        ticket: current,
        params: { metric: row.metric, metricLabel: label, threshold, due },
        dedupeKey: `sla:${row.id}:${threshold}`,
        now,
      });
    }
  }

  let breachedAt = row.breachedAt;
  if (st.state === 'breached' && breachedAt === null) {
    breachedAt = st.dueAt === null ? now : new Date(breachInstant(def, st.dueAt));
    const inserted = await tx
      .insert(slaBreaches)
      .values({
        id: uuid7(),
        clockId: row.id,
        ticketId: ticket.id,
        projectId: ticket.projectId,
        metric: row.metric,
        breachedAt,
        recordedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: slaBreaches.id });
    if (inserted.length) {
      await recordTicketEvent(tx, who, ticket.id, 'sla_breached', {
        metric: row.metric,
        breachedAt: breachedAt.toISOString(),
      });
      await recordAudit(tx, who, {
        action: 'ticket.slaBreach',
        objectType: 'ticket',
        objectId: ticket.id,
        detail: { number: ticket.number, metric: row.metric },
      });
      await notifyTicket(tx, {
        userIds: [current.assigneeId, ...(await recipients(tx, current, ['group_lead', 'project_manager']))],
        kind: 'sla.breached',
        ticket: current,
        params: { metric: row.metric, metricLabel: label },
        dedupeKey: `sla-breach:${row.id}`,
        now,
      });
    }
  }
  await saveDerived(tx, row, def, now, { firedThresholds: fired, breachedAt });
  if (current.priority !== ticket.priority)
    await retargetClocks(tx, resolver, current, await categoryPath(tx, current.categoryId), now);
  else await syncTicketSla(tx, ticket.id);
}

/** For tests and tools: the clocks of a ticket, unlocked. */
export function clockRows(db: DbOrTx, ticketId: string) {
  return db.select().from(slaClocks).where(eq(slaClocks.ticketId, ticketId));
}
