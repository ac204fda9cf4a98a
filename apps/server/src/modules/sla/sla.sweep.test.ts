import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { isolatedDatabase } from '../../test/isolated-db.js';
import { TestClock } from '../../test/app.js';
import { appOn, deskTenant } from '../tickets/ticket.test-support.js';
import type { DeskTenant } from '../tickets/ticket.test-support.js';
import { sweepAutoClose, sweepEmergencyPlans } from '../tickets/ticket.sweeps.js';
import { sweepClocks } from './sla.sweep.js';

// Sweeps act on every due clock of their database, so these tests run on a database of their own.
let iso: Awaited<ReturnType<typeof isolatedDatabase>>;
let node1: Awaited<ReturnType<typeof appOn>>;
let node2: Awaited<ReturnType<typeof appOn>>;
let f: Factories;
const clock = new TestClock();
const MIN = 60_000;

beforeAll(async () => {
  iso = await isolatedDatabase();
  node1 = await appOn(iso.url, clock);
  node2 = await appOn(iso.url, clock); // a second opsdesk node on the same database and clock
  f = factories(node1.deps);
  clock.set(new Date('2026-03-02T02:00:00Z')); // Monday 10:00 in Shanghai
});
afterAll(async () => {
  await node1.close();
  await node2.close();
  await iso.drop();
});

async function raise(d: DeskTenant, over: Record<string, unknown> = {}) {
  const res = await client(node1.app, await f.session(d.agent)).post('/api/v1/tickets', {
    projectId: d.project.id,
    title: '视频会议系统故障',
    requesterId: d.contact.id,
    impact: 2,
    urgency: 2,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; priority: number };
}

const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await node1.deps.db.execute<T>(query)).rows;

describe('SLA sweep', () => {
  it('fires 50 %, 80 %, 100 % and the breach once each, notifying the group lead and the project manager', async () => {
    const d = await deskTenant(node1.deps, f); // P2: response 30 min on 7×24
    const ticket = await raise(d, { groupId: d.group.id });
    expect(ticket.priority).toBe(2);
    clock.advance(14 * MIN);
    await sweepClocks(node1.deps);
    expect(await q(sql`SELECT threshold FROM sla_escalations WHERE ticket_id = ${ticket.id}`)).toEqual([]);
    clock.advance(1 * MIN); // 15 min = 50 % of 30
    await sweepClocks(node1.deps);
    expect(await q(sql`SELECT threshold FROM sla_escalations WHERE ticket_id = ${ticket.id}`)).toEqual([
      { threshold: 50 },
    ]);
    const bell = await q<{ user_id: string }>(
      sql`SELECT user_id FROM notifications WHERE object_id = ${ticket.id} AND kind = 'sla.escalation' ORDER BY user_id`,
    );
    expect(bell.map((r) => r.user_id).sort()).toEqual([d.engineer.id, d.pm.id].sort());
    clock.advance(16 * MIN); // 31 min: 80 %, 100 %, and breached (more than 30 used)
    await sweepClocks(node1.deps);
    await sweepClocks(node1.deps);
    const steps = await q<{ threshold: number }>(
      sql`SELECT e.threshold FROM sla_escalations e JOIN sla_clocks c ON c.id = e.clock_id WHERE c.ticket_id = ${ticket.id} AND c.metric = 'response' ORDER BY threshold`,
    );
    expect(steps.map((s) => s.threshold)).toEqual([50, 80, 100]);
    const breaches = await q<{ metric: string; breached_at: string }>(
      sql`SELECT metric, breached_at FROM sla_breaches WHERE ticket_id = ${ticket.id}`,
    );
    expect(breaches.map((b) => [b.metric, new Date(b.breached_at).toISOString()])).toEqual([
      ['response', '2026-03-02T02:31:00.000Z'],
    ]);
    const [t] = await q<{ sla_breached: boolean }>(
      sql`SELECT sla_breached FROM tickets WHERE id = ${ticket.id}`,
    );
    expect(t!.sla_breached).toBe(true);
    const sla = (
      await client(node1.app, await f.session(d.agent)).get(`/api/v1/tickets/${ticket.id}/sla`)
    ).json();
    expect(sla.clocks.find((c: { metric: string }) => c.metric === 'response')).toMatchObject({
      state: 'breached',
      breachedAt: '2026-03-02T02:31:00.000Z',
    });
  });

  it('writes each step and the breach to the history, the audit log and the bell, in order', async () => {
    const d = await deskTenant(node1.deps, f); // P2: response 30 min on 7×24
    const ticket = (await raise(d, { groupId: d.group.id })) as {
      id: string;
      number: string;
      priority: number;
    };
    clock.advance(40 * MIN); // 50, 80, 100 % and the breach in one run
    expect(await sweepClocks(node1.deps)).toBeGreaterThan(0);
    const events = await q<{ type: string; visibility: string; data: unknown; actor_name: string }>(
      sql`SELECT type, visibility, data, actor_name FROM ticket_events WHERE ticket_id = ${ticket.id} AND type <> 'created' ORDER BY at, id`,
    );
    expect(events).toEqual([
      ...[50, 80, 100].map((threshold) => ({
        type: 'escalation',
        visibility: 'internal',
        data: { metric: 'response', threshold },
        actor_name: 'system',
      })),
      {
        type: 'sla_breached',
        visibility: 'public',
        data: { metric: 'response', breachedAt: expect.any(String) },
        actor_name: 'system',
      },
    ]);
    const audits = await q<{ action: string; detail: unknown; actor_id: string | null; request_id: string }>(
      sql`SELECT action, detail, actor_id, request_id FROM audit_log WHERE object_id = ${ticket.id} AND action <> 'ticket.create' ORDER BY id`,
    );
    expect(audits).toEqual([
      ...[50, 80, 100].map((threshold) => ({
        action: 'ticket.escalate',
        detail: { number: ticket.number, metric: 'response', threshold },
        actor_id: null,
        request_id: 'job:sla.sweep',
      })),
      {
        action: 'ticket.slaBreach',
        detail: { number: ticket.number, metric: 'response' },
        actor_id: null,
        request_id: 'job:sla.sweep',
      },
    ]);
    const bells = await q<{
      user_id: string;
      kind: string;
      params: Record<string, unknown>;
      dedupe_key: string;
    }>(
      sql`SELECT n.user_id, n.kind, n.params, n.dedupe_key FROM notifications n WHERE n.object_id = ${ticket.id} AND n.kind LIKE 'sla.%' ORDER BY n.dedupe_key, n.user_id`,
    );
    const [responseClock] = await q<{ id: string }>(
      sql`SELECT id FROM sla_clocks WHERE ticket_id = ${ticket.id} AND metric = 'response'`,
    );
    const managers = [d.engineer.id, d.pm.id].sort(); // the group's lead and the project manager; no assignee
    expect(bells).toEqual([
      ...managers.map((u) => ({
        user_id: u,
        kind: 'sla.breached',
        params: {
          number: ticket.number,
          title: '视频会议系统故障',
          metric: 'response',
          metricLabel: '响应时限',
        },
        dedupe_key: `sla-breach:${responseClock!.id}`,
      })),
      ...[100, 50, 80]
        .map(String)
        .sort()
        .flatMap((threshold) =>
          managers.map((u) => ({
            user_id: u,
            kind: 'sla.escalation',
            params: {
              number: ticket.number,
              title: '视频会议系统故障',
              metric: 'response',
              metricLabel: '响应时限',
              threshold: Number(threshold),
              due: expect.any(String),
            },
            dedupe_key: `sla:${responseClock!.id}:${threshold}`,
          })),
        ),
    ]);
    const [t] = await q<{ sla_breached: boolean; sla_due_at: string | null }>(
      sql`SELECT sla_breached, sla_due_at FROM tickets WHERE id = ${ticket.id}`,
    );
    const [resolution] = await q<{ due_at: string }>(
      sql`SELECT due_at FROM sla_clocks WHERE ticket_id = ${ticket.id} AND metric = 'resolution'`,
    );
    expect(t).toEqual({ sla_breached: true, sla_due_at: resolution!.due_at });
  });

  it('a paused clock does not escalate; on resume its due time has moved by the pause', async () => {
    const d = await deskTenant(node1.deps, f);
    const ticket = await raise(d);
    const agent = client(node1.app, await f.session(d.agent));
    await agent.post(`/api/v1/tickets/${ticket.id}/take`);
    await agent.post(`/api/v1/tickets/${ticket.id}/pend`, { pendingReason: 'vendor' });
    clock.advance(10 * 60 * MIN);
    await sweepClocks(node1.deps);
    expect(await q(sql`SELECT 1 FROM sla_escalations WHERE ticket_id = ${ticket.id}`)).toEqual([]);
    const resumed = await client(node1.app, await f.session(d.agent)).post(
      `/api/v1/tickets/${ticket.id}/resume`,
    );
    expect(resumed.statusCode, resumed.body).toBe(200);
    const sla = (
      await client(node1.app, await f.session(d.agent)).get(`/api/v1/tickets/${ticket.id}/sla`)
    ).json();
    const resolution = sla.clocks.find((c: { metric: string }) => c.metric === 'resolution');
    expect(resolution.elapsedMinutes).toBe(0);
    expect(resolution.intervals.map((i: { kind: string }) => i.kind)).toEqual(['paused']);
    expect(new Date(resolution.dueAt).getTime()).toBe(
      clock.now().getTime() - (clock.now().getTime() % MIN) + 480 * MIN,
    );
  });

  it('two nodes sweeping at once fire every step exactly once', async () => {
    const d = await deskTenant(node1.deps, f);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await raise(d)).id);
    clock.advance(40 * MIN); // past 50/80/100 % of the response target, and breached
    await Promise.all([
      sweepClocks(node1.deps),
      sweepClocks(node2.deps),
      sweepClocks(node1.deps),
      sweepClocks(node2.deps),
    ]);
    await Promise.all([sweepClocks(node1.deps), sweepClocks(node2.deps)]);
    const steps = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM sla_escalations WHERE ticket_id = ANY(${`{${ids.join(',')}}`}::uuid[])`,
    );
    expect(steps[0]!.n).toBe(12 * 3); // response (30 min): 50, 80, 100 %; resolution (480 min): none yet
    const breaches = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM sla_breaches WHERE ticket_id = ANY(${`{${ids.join(',')}}`}::uuid[])`,
    );
    expect(breaches[0]!.n).toBe(12);
    const bells = await q<{ n: number; d: number }>(
      sql`SELECT count(*)::int AS n, count(DISTINCT (user_id, dedupe_key))::int AS d FROM notifications WHERE object_id = ANY(${`{${ids.join(',')}}`}::uuid[]) AND kind LIKE 'sla.%'`,
    );
    expect(bells[0]!.n).toBe(bells[0]!.d);
  });

  it('an escalation step may raise the priority and move the ticket to another group; the targets follow', async () => {
    const d = await deskTenant(node1.deps, f);
    const escalationGroup = await f.team();
    await node1.deps.db.execute(
      sql`UPDATE sla_policies SET escalations = ${JSON.stringify([{ threshold: 50, notify: ['project_manager'], raisePriority: true, reassignGroupId: escalationGroup.id }])}::jsonb WHERE id = ${d.policyId}`,
    );
    const ticket = await raise(d, { impact: 3, urgency: 3 }); // P3: response 60, resolution 960
    expect(ticket.priority).toBe(3);
    clock.advance(30 * MIN);
    await sweepClocks(node1.deps);
    const [row] = await q<{ priority: number; group_id: string }>(
      sql`SELECT priority, group_id FROM tickets WHERE id = ${ticket.id}`,
    );
    expect(row).toEqual({ priority: 2, group_id: escalationGroup.id });
    const targets = await q<{ metric: string; target_minutes: number }>(
      sql`SELECT metric, target_minutes FROM sla_clocks WHERE ticket_id = ${ticket.id} ORDER BY metric`,
    );
    expect(targets).toEqual([
      { metric: 'resolution', target_minutes: 480 },
      { metric: 'response', target_minutes: 30 },
    ]);
  });

  it('finds due clocks through the partial index on next_check_at', async () => {
    // The test table is tiny, so forbid the sequential scan a planner would rightly prefer here.
    const plan = await node1.deps.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      return (
        await tx.execute<{ 'QUERY PLAN': string }>(
          sql`EXPLAIN SELECT id, ticket_id FROM sla_clocks WHERE next_check_at <= now() ORDER BY next_check_at LIMIT 100`,
        )
      ).rows;
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('sla_clocks_next_check_idx');
  });
});

describe('emergency plan and auto-close', () => {
  it('a business-stopped ticket open 12 h raises one emergency-plan task for the project manager, due at 24 h', async () => {
    const d = await deskTenant(node1.deps, f);
    const ticket = await raise(d, { businessStopped: true });
    const created = new Date((ticket as unknown as { createdAt: string }).createdAt);
    clock.advance(12 * 60 * MIN - MIN);
    await sweepEmergencyPlans(node1.deps);
    expect(await q(sql`SELECT 1 FROM ticket_tasks WHERE ticket_id = ${ticket.id}`)).toEqual([]);
    clock.advance(MIN);
    await Promise.all([sweepEmergencyPlans(node1.deps), sweepEmergencyPlans(node2.deps)]);
    await sweepEmergencyPlans(node1.deps);
    const tasks = await q<{ assignee_id: string; due_at: string }>(
      sql`SELECT assignee_id, due_at FROM ticket_tasks WHERE ticket_id = ${ticket.id}`,
    );
    expect(tasks.map((x) => [x.assignee_id, new Date(x.due_at).getTime()])).toEqual([
      [d.pm.id, created.getTime() + 24 * 60 * MIN],
    ]);
    expect(
      await q(
        sql`SELECT kind FROM notifications WHERE object_id = ${ticket.id} AND user_id = ${d.pm.id} AND kind = 'ticket.emergencyPlan'`,
      ),
    ).toHaveLength(1);
  });

  it('a business-stopped ticket resolved in time raises nothing', async () => {
    const d = await deskTenant(node1.deps, f);
    const ticket = await raise(d, { businessStopped: true });
    const agent = client(node1.app, await f.session(d.agent));
    await agent.post(`/api/v1/tickets/${ticket.id}/take`);
    await agent.post(`/api/v1/tickets/${ticket.id}/resolve`, {
      resolutionCode: 'fixed',
      resolutionText: '恢复',
    });
    clock.advance(13 * 60 * MIN);
    await sweepEmergencyPlans(node1.deps);
    expect(await q(sql`SELECT 1 FROM ticket_tasks WHERE ticket_id = ${ticket.id}`)).toEqual([]);
  });

  it('closes resolved tickets after the lifecycle’s days, as the system', async () => {
    const d = await deskTenant(node1.deps, f);
    const ticket = await raise(d);
    const agent = client(node1.app, await f.session(d.agent));
    await agent.post(`/api/v1/tickets/${ticket.id}/take`);
    await agent.post(`/api/v1/tickets/${ticket.id}/resolve`, {
      resolutionCode: 'fixed',
      resolutionText: '恢复',
    });
    clock.advance(3 * 24 * 60 * MIN - MIN);
    await sweepAutoClose(node1.deps);
    expect(
      (await q<{ state: string }>(sql`SELECT state FROM tickets WHERE id = ${ticket.id}`))[0]!.state,
    ).toBe('resolved');
    clock.advance(MIN);
    await Promise.all([sweepAutoClose(node1.deps), sweepAutoClose(node2.deps)]);
    expect(
      (await q<{ state: string }>(sql`SELECT state FROM tickets WHERE id = ${ticket.id}`))[0]!.state,
    ).toBe('closed');
    expect(
      await q(
        sql`SELECT actor_id FROM audit_log WHERE object_id = ${ticket.id} AND action = 'ticket.auto_close'`,
      ),
    ).toEqual([{ actor_id: null }]);
  });
});
