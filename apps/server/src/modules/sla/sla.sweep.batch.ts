import { eq, sql } from 'drizzle-orm';
import { DEFAULT_LANG, LANGS } from '@opsdesk/contracts';
import type { DbOrTx } from '../../db/client.js';
import { uuidArray } from '../../db/scope.js';
import { slaClocks, tickets } from '../../db/schema/index.js';
import type { StoredEscalation } from '../../db/schema/index.js';
import type { AnonCtx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import type { CalendarResolver } from '../calendars/calendar.definition.js';
import { renderMail } from '../mail/mail.outbox.js';
import { ticketLink } from '../tickets/ticket.notify.js';
import { ticketColumns } from '../tickets/ticket.repository.js';
import { uuid7Sql } from '../tickets/ticket.create.write.js';
import type { TicketRow } from '../tickets/ticket.repository.js';
import { deriveClock } from './sla.clocks.js';
import type { SlaClockRow } from './sla.clocks.js';
import { checkClock, METRIC_LABEL, planClock } from './sla.sweep.clock.js';
import type { ClockPlan } from './sla.sweep.clock.js';

export type Claimed = { clock: SlaClockRow; ticket: TicketRow };

/** Who an escalation step or a breach tells, per ticket: its assignee, its group's lead, its project's managers. */
async function recipientFacts(tx: DbOrTx, plans: readonly ClockPlan[]) {
  const groupIds = [...new Set(plans.map((p) => p.ticket.groupId).filter((g): g is string => g !== null))];
  const projectIds = [...new Set(plans.map((p) => p.ticket.projectId))];
  const r = await tx.execute<{
    leads: Record<string, string | null> | null;
    managers: Record<string, string[]> | null;
  }>(sql`SELECT
      (SELECT json_object_agg(t.id, t.lead_user_id) FROM teams t WHERE t.id = ANY(${uuidArray(groupIds)})) AS leads,
      (SELECT json_object_agg(x.project_id, x.users) FROM (
        SELECT m.project_id, array_agg(DISTINCT m.user_id) AS users FROM project_members m JOIN users u ON u.id = m.user_id
        WHERE m.project_id = ANY(${uuidArray(projectIds)}) AND m.role IN ('project_manager', 'project_lead') AND NOT u.disabled
        GROUP BY m.project_id) x) AS managers`);
  const leads = r.rows[0]?.leads ?? {};
  const managers = r.rows[0]?.managers ?? {};
  return (ticket: TicketRow, notifyWho: StoredEscalation['notify']): string[] => {
    const out: (string | null)[] = [];
    if (notifyWho.includes('assignee')) out.push(ticket.assigneeId);
    if (notifyWho.includes('group_lead') && ticket.groupId) out.push(leads[ticket.groupId] ?? null);
    if (notifyWho.includes('project_manager')) out.push(...(managers[ticket.projectId] ?? []));
    return [...new Set(out.filter((x): x is string => x !== null))];
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** One batch of claimed clocks, in the claiming transaction (see `sweepClocks`). */
export async function sweepBatch(
  tx: DbOrTx,
  who: AnonCtx,
  rows: Claimed[],
  resolver: CalendarResolver,
): Promise<void> {
  const now = who.now;
  const plans: ClockPlan[] = [];
  await resolver.prefetch(rows.map((r) => r.clock.calendarId));
  for (const { clock, ticket } of rows)
    plans.push(planClock(clock, ticket, await resolver.definition(clock.calendarId), now));
  // A step that changes the ticket retargets its other clocks: those tickets go clock by clock.
  const changing = new Set(
    plans
      .filter((p) => p.steps.some(({ step }) => step.raisePriority || step.reassignGroupId))
      .map((p) => p.ticket.id),
  );
  for (const p of plans.filter((x) => changing.has(x.ticket.id))) {
    // Re-read: an earlier clock of the ticket may have changed it (and this clock's next check).
    const [row] = await tx.select().from(slaClocks).where(eq(slaClocks.id, p.row.id));
    if (!row?.nextCheckAt || row.nextCheckAt > now) continue;
    const [ticket] = await tx.select(ticketColumns).from(tickets).where(eq(tickets.id, p.ticket.id));
    await checkClock(tx, who, ticket!, row, resolver);
  }
  const simple = plans.filter((p) => !changing.has(p.ticket.id));
  if (!simple.length) return;

  // The proof rows first: only the steps and breaches written here are announced.
  const escalations = simple.flatMap((p) =>
    p.steps.map(({ threshold, step, escalationId }) => ({
      id: escalationId,
      clock_id: p.row.id,
      ticket_id: p.ticket.id,
      threshold,
      crossed_at: iso(p.row.nextCheckAt && p.row.nextCheckAt <= now ? p.row.nextCheckAt : now),
      fired_at: iso(now),
      actions: {
        notify: step.notify,
        reassignGroupId: step.reassignGroupId ?? null,
        raisePriority: step.raisePriority ?? false,
      },
    })),
  );
  const breaches = simple.flatMap((p) =>
    p.breach
      ? [
          {
            id: p.breach.id,
            clock_id: p.row.id,
            ticket_id: p.ticket.id,
            project_id: p.ticket.projectId,
            metric: p.row.metric,
            breached_at: iso(p.breach.at),
            recorded_at: iso(now),
          },
        ]
      : [],
  );
  const written = new Set<string>();
  if (escalations.length || breaches.length) {
    const r = await tx.execute<{ id: string }>(sql`WITH
      e AS (INSERT INTO sla_escalations (id, clock_id, ticket_id, threshold, crossed_at, fired_at, actions)
        SELECT id, clock_id, ticket_id, threshold, crossed_at, fired_at, actions
        FROM jsonb_populate_recordset(NULL::sla_escalations, ${JSON.stringify(escalations)}::jsonb)
        ON CONFLICT DO NOTHING RETURNING id),
      b AS (INSERT INTO sla_breaches (id, clock_id, ticket_id, project_id, metric, breached_at, recorded_at)
        SELECT id, clock_id, ticket_id, project_id, metric, breached_at, recorded_at
        FROM jsonb_populate_recordset(NULL::sla_breaches, ${JSON.stringify(breaches)}::jsonb)
        ON CONFLICT DO NOTHING RETURNING id)
      SELECT id FROM e UNION ALL SELECT id FROM b`);
    for (const x of r.rows) written.add(x.id);
  }

  // What the written rows announce, in the order checkClock wrote them: each clock's steps, then its breach.
  const events: Record<string, unknown>[] = [];
  const audits: Record<string, unknown>[] = [];
  const notices: {
    userIds: string[];
    kind: string;
    ticket: TicketRow;
    params: Record<string, unknown>;
    dedupeKey: string;
  }[] = [];
  const fired = simple.filter(
    (p) => p.steps.some((s) => written.has(s.escalationId)) || (p.breach && written.has(p.breach.id)),
  );
  const recipientsOf = fired.length ? await recipientFacts(tx, fired) : null;
  for (const p of fired) {
    const { row, ticket } = p;
    const label = METRIC_LABEL[row.metric];
    const due = p.due;
    const event = (type: string, data: Record<string, unknown>, visibility: 'public' | 'internal') =>
      events.push({
        ticket_id: ticket.id,
        at: iso(now),
        actor_id: null,
        actor_name: who.actorName ?? 'system',
        type,
        visibility,
        data,
      });
    const audit = (action: string, detail: Record<string, unknown>) =>
      audits.push({
        at: iso(now),
        actor_id: null,
        actor_name: who.actorName,
        ip: who.ip,
        action,
        object_type: 'ticket',
        object_id: ticket.id,
        result: 'success',
        changes: null,
        detail,
        request_id: who.requestId,
      });
    for (const { threshold, step, escalationId } of p.steps) {
      if (!written.has(escalationId)) continue; // another node or an earlier try did it
      event('escalation', { metric: row.metric, threshold }, 'internal');
      audit('ticket.escalate', { number: ticket.number, metric: row.metric, threshold });
      notices.push({
        userIds: recipientsOf!(ticket, step.notify),
        kind: 'sla.escalation',
        ticket,
        params: { metric: row.metric, metricLabel: label, threshold, due },
        dedupeKey: `sla:${row.id}:${threshold}`,
      });
    }
    if (p.breach && written.has(p.breach.id)) {
      event('sla_breached', { metric: row.metric, breachedAt: p.breach.at.toISOString() }, 'public');
      audit('ticket.slaBreach', { number: ticket.number, metric: row.metric });
      notices.push({
        userIds: [
          ...new Set(
            [ticket.assigneeId, ...recipientsOf!(ticket, ['group_lead', 'project_manager'])].filter(
              (x): x is string => x !== null,
            ),
          ),
        ],
        kind: 'sla.breached',
        ticket,
        params: { metric: row.metric, metricLabel: label },
        dedupeKey: `sla-breach:${row.id}`,
      });
    }
  }
  if (events.length) {
    // History lists by (at, id): ids in the order written.
    const ids = events.map(() => uuid7()).sort();
    events.forEach((e, i) => (e['id'] = ids[i]));
    const messages = notices
      .filter((n) => n.userIds.length)
      .map((n) => {
        const params = { number: n.ticket.number, title: n.ticket.title, ...n.params };
        const link = ticketLink(n.ticket.id);
        return {
          kind: n.kind,
          params,
          link,
          object_id: n.ticket.id,
          project_id: n.ticket.projectId,
          dedupe_key: n.dedupeKey,
          user_ids: n.userIds,
          texts: Object.fromEntries(LANGS.map((lang) => [lang, renderMail(n.kind, params, lang, link)])),
        };
      });
    // notifyTicket in bulk: each user's bell (a dedupe key makes a retried run's land once) and,
    // when mail is on, an e-mail per enabled recipient with an address, in their language.
    await tx.execute(sql`WITH
      ev AS (INSERT INTO ticket_events (id, ticket_id, at, actor_id, actor_name, type, visibility, data)
        SELECT id, ticket_id, at, actor_id, actor_name, type, visibility, data
        FROM jsonb_populate_recordset(NULL::ticket_events, ${JSON.stringify(events)}::jsonb)),
      au AS (INSERT INTO audit_log (at, actor_id, actor_name, ip, action, object_type, object_id, result, changes, detail, request_id)
        SELECT at, actor_id, actor_name, ip, action, object_type, object_id, result, changes, detail, request_id
        FROM jsonb_populate_recordset(NULL::audit_log, ${JSON.stringify(audits)}::jsonb) WITH ORDINALITY ORDER BY ordinality),
      msg AS (SELECT * FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(messages)}::jsonb)
          AS (kind text, params jsonb, link text, object_id uuid, project_id uuid, dedupe_key text, user_ids uuid[], texts jsonb))
          WITH ORDINALITY AS m(kind, params, link, object_id, project_id, dedupe_key, user_ids, texts, ord)),
      n AS (INSERT INTO notifications (id, user_id, kind, params, link, object_type, object_id, project_id, dedupe_key, created_at)
        SELECT ${uuid7Sql(now)}, r.user_id, m.kind, m.params, m.link, 'ticket', m.object_id, m.project_id, m.dedupe_key, ${now}::timestamptz
        FROM msg m CROSS JOIN LATERAL unnest(m.user_ids) AS r(user_id)
        ORDER BY m.ord
        ON CONFLICT DO NOTHING)
      INSERT INTO mail_outbox (id, to_address, to_user_id, subject, body_text, kind, dedupe_key, next_attempt_at, created_at)
        SELECT ${uuid7Sql(now)}, u.email, u.id, m.texts -> coalesce(u.locale, ${DEFAULT_LANG}::text) ->> 'subject',
          m.texts -> coalesce(u.locale, ${DEFAULT_LANG}::text) ->> 'body', m.kind, m.dedupe_key || ':' || u.id,
          ${now}::timestamptz, ${now}::timestamptz
        FROM msg m CROSS JOIN LATERAL unnest(m.user_ids) AS r(user_id)
          CROSS JOIN LATERAL (SELECT * FROM users u WHERE u.id = r.user_id OFFSET 0) u
        WHERE u.email IS NOT NULL AND u.email <> '' AND NOT u.disabled
          AND EXISTS (SELECT 1 FROM settings s WHERE s.key = 'mail.smtp'
            AND s.value -> 'enabled' = 'true'::jsonb AND jsonb_typeof(s.value -> 'host') = 'string')
        ORDER BY m.ord
        ON CONFLICT DO NOTHING`);
  }

  // Every claimed clock's next check, and the tickets' mirror of their clocks (syncTicketSla in
  // bulk: the updated clocks' new values, the others as stored; a ticket already right is not rewritten).
  const saved = simple.map((p) => {
    const d = deriveClock(
      { ...p.row, firedThresholds: p.firedThresholds, breachedAt: p.breachedAt },
      p.def,
      now,
    );
    return {
      id: p.row.id,
      fired_thresholds: p.firedThresholds,
      breached_at: iso(p.breachedAt),
      state: d.state,
      stopped: d.stopped,
      due_at: iso(d.dueAt),
      next_check_at: iso(d.nextCheckAt),
    };
  });
  await tx.execute(sql`WITH
    v AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(saved)}::jsonb)
      AS v(id uuid, fired_thresholds integer[], breached_at timestamptz, state text, stopped boolean, due_at timestamptz, next_check_at timestamptz)),
    c AS (UPDATE sla_clocks k SET fired_thresholds = v.fired_thresholds, breached_at = v.breached_at, state = v.state,
        stopped = v.stopped, due_at = v.due_at, next_check_at = v.next_check_at, updated_at = ${now}::timestamptz
      FROM v WHERE k.id = v.id
      RETURNING k.id, k.ticket_id, k.state, k.stopped, k.due_at, k.breached_at),
    a AS (SELECT c.ticket_id, c.state, c.stopped, c.due_at, c.breached_at FROM c
      UNION ALL
      SELECT k.ticket_id, k.state, k.stopped, k.due_at, k.breached_at FROM sla_clocks k
      WHERE k.ticket_id IN (SELECT ticket_id FROM c) AND k.id NOT IN (SELECT id FROM c)),
    m AS (SELECT ticket_id,
        min(due_at) FILTER (WHERE NOT stopped AND state = 'running') AS due,
        bool_or(state = 'breached' OR breached_at IS NOT NULL) AS breached
      FROM a GROUP BY ticket_id)
    UPDATE tickets t SET sla_due_at = m.due, sla_breached = m.breached
    FROM m WHERE t.id = m.ticket_id AND (t.sla_due_at IS DISTINCT FROM m.due OR t.sla_breached IS DISTINCT FROM m.breached)`);
}
