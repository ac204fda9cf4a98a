import { clockState, crossedThresholds, instant } from '@opsdesk/domain';
import type { CalendarDefinition } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { slaBreaches, slaEscalations } from '../../db/schema/index.js';
import type { StoredEscalation } from '../../db/schema/index.js';
import type { AnonCtx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.record.js';
import type { CalendarResolver } from '../calendars/calendar.definition.js';
import { recordTicketEvent } from '../tickets/ticket.history.js';
import { projectManagerIds, teamExists } from '../tickets/ticket.lookups.js';
import { notifyTicket } from '../tickets/ticket.notify.js';
import { updateTicketRow } from '../tickets/ticket.repository.js';
import type { TicketRow } from '../tickets/ticket.repository.js';
import { categoryPath } from '../service-desk/desk.repository.js';
import { breachInstant, domainClock, retargetClocks, saveDerived, syncTicketSla } from './sla.clocks.js';
import type { SlaClockRow } from './sla.clocks.js';

export const METRIC_LABEL = { response: '响应时限', resolution: '解决时限', arrival: '到场时限' } as const;

/** What one clock's check decided (pure), before the rows that prove it are written. */
export interface ClockPlan {
  row: SlaClockRow;
  ticket: TicketRow;
  def: CalendarDefinition;
  steps: { threshold: number; step: StoredEscalation; escalationId: string }[];
  breach: { at: Date; id: string } | null;
  firedThresholds: number[];
  breachedAt: Date | null;
  /** The due time the escalation notices quote ('' when none). */
  due: string;
}

export function planClock(
  row: SlaClockRow,
  ticket: TicketRow,
  def: CalendarDefinition,
  now: Date,
): ClockPlan {
  const clock = domainClock(row);
  const st = clockState(clock, def, instant(now.getTime()));
  const fired = [...row.firedThresholds];
  const steps: ClockPlan['steps'] = [];
  if (st.phase !== 'stopped') {
    for (const threshold of crossedThresholds(
      clock,
      def,
      instant(now.getTime()),
      row.escalations.map((e) => e.threshold),
    )) {
      if (fired.includes(threshold)) continue;
      fired.push(threshold);
      steps.push({
        threshold,
        step: row.escalations.find((e) => e.threshold === threshold)!,
        escalationId: uuid7(),
      });
    }
  }
  let breach: ClockPlan['breach'] = null;
  let breachedAt = row.breachedAt;
  if (st.state === 'breached' && breachedAt === null) {
    breachedAt = st.dueAt === null ? now : new Date(breachInstant(def, st.dueAt));
    breach = { at: breachedAt, id: uuid7() };
  }
  const due = st.dueAt === null ? '' : new Date(st.dueAt).toISOString();
  return { row, ticket, def, steps, breach, firedThresholds: fired, breachedAt, due };
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
export async function checkClock(
  tx: DbOrTx,
  who: AnonCtx,
  ticket: TicketRow,
  row: SlaClockRow,
  resolver: CalendarResolver,
): Promise<void> {
  const now = who.now;
  const def = await resolver.definition(row.calendarId);
  const plan = planClock(row, ticket, def, now);
  let current = ticket;
  const label = METRIC_LABEL[row.metric];
  const { due } = plan;

  for (const { threshold, step, escalationId } of plan.steps) {
    const crossedAt = row.nextCheckAt && row.nextCheckAt <= now ? row.nextCheckAt : now;
    const inserted = await tx
      .insert(slaEscalations)
      .values({
        id: escalationId,
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

  const { breachedAt } = plan;
  if (plan.breach) {
    const inserted = await tx
      .insert(slaBreaches)
      .values({
        id: plan.breach.id,
        clockId: row.id,
        ticketId: ticket.id,
        projectId: ticket.projectId,
        metric: row.metric,
        breachedAt: plan.breach.at,
        recordedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: slaBreaches.id });
    if (inserted.length) {
      await recordTicketEvent(tx, who, ticket.id, 'sla_breached', {
        metric: row.metric,
        breachedAt: plan.breach.at.toISOString(),
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
  await saveDerived(tx, row, def, now, { firedThresholds: plan.firedThresholds, breachedAt });
  if (current.priority !== ticket.priority)
    await retargetClocks(tx, resolver, current, await categoryPath(tx, current.categoryId), now);
  else await syncTicketSla(tx, ticket.id);
}
