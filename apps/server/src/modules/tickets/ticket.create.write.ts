import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { DEFAULT_LANG, LANGS } from '@opsdesk/contracts';
import { canSeeProject, isUuid } from '@opsdesk/domain';
import type { Actor, ProjectFacts } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { coalesced } from '../../db/coalesce.js';
import { uuidArray } from '../../db/scope.js';
import type { AuditInput } from '../audit/audit.record.js';
import { renderMail } from '../mail/mail.outbox.js';
import type { NewClockRow } from '../sla/sla.clocks.js';
import { ticketLink } from './ticket.notify.js';
import { runPrepared } from '../../db/prepared.js';
import type { TicketRow } from './ticket.repository.js';

/**
 * The SQL of raising a ticket in few round trips (docs/decisions/0203, 0206): one read of what the
 * request names (the project and the requester, read with those of the tickets raised at the same
 * time; the project is then checked against the caller's scope by the scope rule), and one INSERT statement
 * whose data-modifying CTEs write the ticket, its watchers, its history, its audit row, its SLA
 * clocks, the group's notifications and their e-mail. A statement is atomic: alone it is its own
 * transaction; inside a caller's transaction it is part of it.
 */

export interface CreateFacts {
  project: { id: string; customerId: string } | null;
  requester: {
    id: string;
    kind: 'staff' | 'customer_contact' | 'subcontractor_staff';
    customerId: string | null;
    disabled: boolean;
    displayName: string;
  } | null;
}

/**
 * The projects and users that the tickets raised together name, read by one statement
 * (db/coalesce.ts): keys are `p:<project id>` and `u:<user id>`.
 */
const refs = coalesced<ProjectFacts | NonNullable<CreateFacts['requester']>>(async (db, keys) => {
  const ids = (prefix: string) => keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(2));
  const rows = await runPrepared<{ k: string; v: ProjectFacts | NonNullable<CreateFacts['requester']> }>(
    db,
    sql`SELECT 'p:' || p.id AS k, json_build_object('id', p.id, 'customerId', p.customer_id,
        'division', p.division, 'region', p.region, 'subcontractorIds',
        ARRAY(SELECT ps.subcontractor_id FROM project_subcontractors ps WHERE ps.project_id = p.id)) AS v
      FROM projects p WHERE p.id = ANY(${uuidArray(ids('p:'))})
    UNION ALL
    SELECT 'u:' || u.id, json_build_object('id', u.id, 'kind', u.kind, 'customerId', u.customer_id,
        'disabled', u.disabled, 'displayName', u.display_name)
      FROM users u WHERE u.id = ANY(${uuidArray(ids('u:'))})`,
  );
  return new Map(rows.map((r) => [r.k, r.v]));
});

/**
 * The project if the actor sees it (the scope rule itself, `canSeeProject`), and the requester
 * named by staff: one statement for the tickets raised together on the node.
 */
export async function createFacts(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  requesterId: string | null,
): Promise<CreateFacts> {
  // A malformed id names nothing (and must not fail the others' statement).
  const [project, requester] = await Promise.all([
    isUuid(projectId) ? refs(db, `p:${projectId}`) : null,
    requesterId && isUuid(requesterId) ? refs(db, `u:${requesterId}`) : null,
  ]);
  const p = project as ProjectFacts | null;
  return {
    project: p && canSeeProject(actor, p) ? { id: p.id, customerId: p.customerId } : null,
    requester: requester as CreateFacts['requester'],
  };
}

/**
 * Commits the statement's own transaction without waiting for its WAL to reach the disk
 * (`synchronous_commit` off for this transaction only). For a number drawn from a counter this
 * loses nothing: the ticket that uses it commits synchronously afterwards, which flushes the WAL
 * up to and including the counter's commit; a crash before that loses the number with its ticket,
 * which never existed (a number may then be drawn again, never twice for two tickets). It keeps
 * the counter row's lock from being held across a disk flush (~0.3–0.8 ms here) that every
 * concurrent create would queue behind.
 */
export const NO_FLUSH = sql`(SELECT set_config('synchronous_commit', 'off', true))`;

/** A UUID v7 made in SQL at the ms a bigint expression gives (for rows a statement fans out, one per recipient). */
export const uuid7At = (ms: SQL) =>
  sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING
    substring(int8send(${ms}) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid`;

/** A UUID v7 made in SQL at the ms of `now`. */
export const uuid7Sql = (now: Date) => uuid7At(sql`${now.getTime()}::bigint`);

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface TicketWrite {
  ticket: TicketRow;
  watcherIds: readonly string[];
  events: {
    id: string;
    at: Date;
    actorId: string | null;
    actorName: string;
    type: string;
    visibility: 'public' | 'internal';
    data: Record<string, unknown>;
  }[];
  audit: AuditInput & {
    at: Date;
    actorId: string | null;
    actorName: string | null;
    ip: string | null;
    requestId: string;
  };
  clocks: NewClockRow[];
  /** The group told of its new ticket (`ticket.groupAssigned`), except `actorId`; null: nobody. */
  notifyGroupId: string | null;
  actorId: string;
  /** The group whose name the answer shows and whose membership gives the actor a relation. */
  groupId: string | null;
  now: Date;
}

export interface TicketWritten {
  /** E-mails queued (then the mail job is worth waking). */
  mailed: number;
  groupName: string | null;
  actorInGroup: boolean;
}

/** Writes a new ticket and everything that comes with it in one statement (one round trip). */
export async function writeTicket(db: DbOrTx, w: TicketWrite): Promise<TicketWritten> {
  return (await writeTickets(db, [w]))[0]!;
}

const ticketJson = (t: TicketRow) => ({
  id: t.id,
  number: t.number,
  kind: t.kind,
  project_id: t.projectId,
  requester_id: t.requesterId,
  channel: t.channel,
  category_id: t.categoryId,
  impact: t.impact,
  urgency: t.urgency,
  priority: t.priority,
  business_stopped: t.businessStopped,
  title: t.title,
  description: t.description,
  state: t.state,
  state_category: t.stateCategory,
  group_id: t.groupId,
  tags: t.tags,
  parent_id: t.parentId,
  search_tokens: t.searchTokens,
  sla_due_at: iso(t.slaDueAt),
  sla_breached: t.slaBreached,
  emergency_check_at: iso(t.emergencyCheckAt),
  created_by: t.createdBy,
  created_at: iso(t.createdAt),
  updated_at: iso(t.updatedAt),
});

const auditJson = (a: TicketWrite['audit']) => ({
  at: iso(a.at),
  actor_id: a.actorId,
  actor_name: a.actorName,
  ip: a.ip,
  action: a.action,
  object_type: a.objectType ?? null,
  object_id: a.objectId ?? null,
  result: a.result ?? 'success',
  changes: a.changes ?? null,
  detail: a.detail ?? null,
  request_id: a.requestId,
});

const clockJson = (c: NewClockRow, now: Date) => ({
  id: c.id,
  ticket_id: c.ticketId,
  project_id: c.projectId,
  metric: c.metric,
  policy_id: c.policyId ?? null,
  calendar_id: c.calendarId,
  target_minutes: c.targetMinutes,
  escalations: c.escalations ?? [],
  fired_thresholds: c.firedThresholds ?? [],
  events: c.events,
  state: c.state,
  stopped: c.stopped,
  due_at: iso(c.dueAt),
  breached_at: iso(c.breachedAt ?? null),
  next_check_at: iso(c.nextCheckAt ?? null),
  updated_at: iso(c.updatedAt ?? now),
});

const NOTIFY_KIND = 'ticket.groupAssigned';

/**
 * Writes new tickets and everything that comes with each in one statement (one round trip, one
 * commit when it runs alone): the rows travel as JSON arrays, so the statement's text, and its
 * prepared plan, are the same for one ticket or thirty-two (ticket.write-batch.ts). Answers one
 * `TicketWritten` per ticket, in order; `mailed` counts the statement's e-mail, on the first only.
 */
export async function writeTickets(db: DbOrTx, ws: readonly TicketWrite[]): Promise<TicketWritten[]> {
  const watchers = ws.flatMap((w) =>
    [...new Set(w.watcherIds)].map((u) => ({ ticket_id: w.ticket.id, user_id: u, created_at: iso(w.now) })),
  );
  const events = ws.flatMap((w) =>
    w.events.map((e) => ({
      id: e.id,
      ticket_id: w.ticket.id,
      at: iso(e.at),
      actor_id: e.actorId,
      actor_name: e.actorName,
      type: e.type,
      visibility: e.visibility,
      data: e.data,
    })),
  );
  // notifyTicket's bell and e-mail, fanned out in SQL to each group's enabled members: the e-mail is
  // rendered here in every language and picked by the recipient's (mail.outbox.ts `queueMail`).
  // Neither carries a dedupe key, so neither can conflict: plain inserts. The users are looked up
  // by primary key per member (OFFSET 0 keeps the planner from scanning all users for a hash join).
  const notify = ws
    .filter((w) => w.notifyGroupId)
    .map((w) => {
      const t = w.ticket;
      const params = { number: t.number, title: t.title };
      const link = ticketLink(t.id);
      return {
        ticket_id: t.id,
        team_id: w.notifyGroupId,
        actor_id: w.actorId,
        project_id: t.projectId,
        at: iso(w.now),
        at_ms: w.now.getTime(),
        params,
        link,
        mail: Object.fromEntries(LANGS.map((lang) => [lang, renderMail(NOTIFY_KIND, params, lang, link)])),
      };
    });
  const answers = ws.map((w, i) => ({ i, group_id: w.groupId, actor_id: w.actorId }));
  const rows = await runPrepared<{ i: number; mailed: number; group_name: string | null; in_group: boolean }>(
    db,
    sql`WITH
    t AS (INSERT INTO tickets (id, number, kind, project_id, requester_id, channel, category_id, impact,
        urgency, priority, business_stopped, title, description, state, state_category, group_id, tags,
        parent_id, search_tokens, sla_due_at, sla_breached, emergency_check_at, created_by, created_at, updated_at)
      SELECT id, number, kind, project_id, requester_id, channel, category_id, impact,
        urgency, priority, business_stopped, title, description, state, state_category, group_id, tags,
        parent_id, search_tokens, sla_due_at, sla_breached, emergency_check_at, created_by, created_at, updated_at
      FROM jsonb_populate_recordset(NULL::tickets, ${JSON.stringify(ws.map((w) => ticketJson(w.ticket)))}::jsonb)),
    w AS (INSERT INTO ticket_watchers (ticket_id, user_id, created_at)
      SELECT ticket_id, user_id, created_at
      FROM jsonb_populate_recordset(NULL::ticket_watchers, ${JSON.stringify(watchers)}::jsonb)
      ON CONFLICT DO NOTHING),
    e AS (INSERT INTO ticket_events (id, ticket_id, at, actor_id, actor_name, type, visibility, data)
      SELECT id, ticket_id, at, actor_id, actor_name, type, visibility, data
      FROM jsonb_populate_recordset(NULL::ticket_events, ${JSON.stringify(events)}::jsonb)),
    a AS (INSERT INTO audit_log (at, actor_id, actor_name, ip, action, object_type, object_id, result,
        changes, detail, request_id)
      SELECT at, actor_id, actor_name, ip, action, object_type, object_id, result, changes, detail, request_id
      FROM jsonb_populate_recordset(NULL::audit_log, ${JSON.stringify(ws.map((w) => auditJson(w.audit)))}::jsonb)),
    c AS (INSERT INTO sla_clocks (id, ticket_id, project_id, metric, policy_id, calendar_id, target_minutes,
        escalations, fired_thresholds, events, state, stopped, due_at, breached_at, next_check_at, updated_at)
      SELECT id, ticket_id, project_id, metric, policy_id, calendar_id, target_minutes,
        escalations, fired_thresholds, events, state, stopped, due_at, breached_at, next_check_at, updated_at
      FROM jsonb_populate_recordset(NULL::sla_clocks, ${JSON.stringify(ws.flatMap((w) => w.clocks.map((c) => clockJson(c, w.now))))}::jsonb)),
    s AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(notify)}::jsonb) AS s(ticket_id uuid, team_id uuid,
        actor_id uuid, project_id uuid, at timestamptz, at_ms bigint, params jsonb, link text, mail jsonb)),
    n AS (INSERT INTO notifications (id, user_id, kind, params, link, object_type, object_id, project_id,
        dedupe_key, created_at)
      SELECT ${uuid7At(sql`s.at_ms`)}, u.id, ${NOTIFY_KIND}::text, s.params, s.link, 'ticket', s.ticket_id,
        s.project_id, NULL, s.at
      FROM s JOIN team_members tm ON tm.team_id = s.team_id
        CROSS JOIN LATERAL (SELECT u.id FROM users u WHERE u.id = tm.user_id AND NOT u.disabled OFFSET 0) u
      WHERE u.id <> s.actor_id
      RETURNING user_id, object_id, created_at),
    m AS (INSERT INTO mail_outbox (id, to_address, to_user_id, subject, body_text, kind, dedupe_key,
        next_attempt_at, created_at)
      SELECT ${uuid7At(sql`s.at_ms`)}, u.email, u.id, mt.text ->> 'subject', mt.text ->> 'body', ${NOTIFY_KIND}::text,
        NULL, n.created_at, n.created_at
      FROM n JOIN s ON s.ticket_id = n.object_id
        CROSS JOIN LATERAL (SELECT u.* FROM users u WHERE u.id = n.user_id OFFSET 0) u
        CROSS JOIN LATERAL (SELECT s.mail -> coalesce(u.locale, ${DEFAULT_LANG}::text) AS text) mt
      WHERE u.email IS NOT NULL AND u.email <> '' AND NOT u.disabled
        AND EXISTS (SELECT 1 FROM settings st WHERE st.key = 'mail.smtp'
          AND st.value -> 'enabled' = 'true'::jsonb AND jsonb_typeof(st.value -> 'host') = 'string')
      RETURNING 1)
    SELECT x.i, CASE WHEN x.i = 0 THEN (SELECT count(*) FROM m)::int ELSE 0 END AS mailed,
      (SELECT name FROM teams WHERE id = x.group_id) AS group_name,
      EXISTS (SELECT 1 FROM team_members WHERE team_id = x.group_id AND user_id = x.actor_id) AS in_group
    FROM jsonb_to_recordset(${JSON.stringify(answers)}::jsonb) AS x(i int, group_id uuid, actor_id uuid)
    ORDER BY x.i`,
  );
  return rows.map((r) => ({
    mailed: Number(r.mailed),
    groupName: r.group_name,
    actorInGroup: Boolean(r.in_group),
  }));
}
