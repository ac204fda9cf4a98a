import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import { slaBreaches, slaClocks, ticketTasks } from '../../db/schema/index.js';
import { uuid7 } from '../../lib/ids.js';
import { deskTenant } from '../tickets/ticket.test-support.js';
import type { DeskTenant } from '../tickets/ticket.test-support.js';
import { eq } from 'drizzle-orm';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
});
afterAll(() => t.clock.set(new Date()));

const as = async (u: DeskTenant['agent']) => client(t.app, await f.session(u));

async function raise(d: DeskTenant) {
  const res = await (
    await as(d.agent)
  ).post('/api/v1/tickets', {
    projectId: d.project.id,
    title: 'HIS 系统卡顿',
    requesterId: d.contact.id,
    impact: 2,
    urgency: 2,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe('GET /api/v1/tickets/:id/sla', () => {
  it('explains a 5×8 clock over a weekend, a lunch break and a pause; working minutes sum to the time used', async () => {
    const d = await deskTenant(t.deps, f, { calendar: '5x8' });
    t.clock.set(new Date('2026-03-06T09:00:00Z')); // Fri 17:00 Shanghai
    const ticket = await raise(d);
    t.clock.set(new Date('2026-03-09T01:10:00Z')); // Mon 09:10
    await (await as(d.agent)).post(`/api/v1/tickets/${ticket.id}/take`);
    t.clock.set(new Date('2026-03-09T01:30:00Z')); // 09:30
    expect(
      (await (await as(d.agent)).post(`/api/v1/tickets/${ticket.id}/pend`, { pendingReason: 'customer' }))
        .statusCode,
    ).toBe(200);
    t.clock.set(new Date('2026-03-09T03:00:00Z')); // 11:00
    await (await as(d.agent)).post(`/api/v1/tickets/${ticket.id}/resume`);
    t.clock.set(new Date('2026-03-09T06:00:00Z')); // 14:00
    const res = await (await as(d.agent)).get(`/api/v1/tickets/${ticket.id}/sla`);
    expect(res.statusCode, res.body).toBe(200);
    const resolution = res.json().clocks.find((c: { metric: string }) => c.metric === 'resolution');
    expect(
      resolution.intervals.map((i: { kind: string; start: string; end: string; minutes: number }) => [
        i.kind,
        i.start,
        i.end,
        i.minutes,
      ]),
    ).toEqual([
      ['working', '2026-03-06T09:00:00.000Z', '2026-03-06T10:00:00.000Z', 60],
      ['non_working', '2026-03-06T10:00:00.000Z', '2026-03-09T01:00:00.000Z', 3780],
      ['working', '2026-03-09T01:00:00.000Z', '2026-03-09T01:30:00.000Z', 30],
      ['paused', '2026-03-09T01:30:00.000Z', '2026-03-09T03:00:00.000Z', 90],
      ['working', '2026-03-09T03:00:00.000Z', '2026-03-09T04:00:00.000Z', 60],
      ['non_working', '2026-03-09T04:00:00.000Z', '2026-03-09T05:00:00.000Z', 60],
      ['working', '2026-03-09T05:00:00.000Z', '2026-03-09T06:00:00.000Z', 60],
    ]);
    const working = resolution.intervals
      .filter((i: { kind: string }) => i.kind === 'working')
      .reduce((s: number, i: { minutes: number }) => s + i.minutes, 0);
    expect(working).toBe(resolution.elapsedMinutes);
    expect(resolution).toMatchObject({
      elapsedMinutes: 210,
      targetMinutes: 480,
      state: 'running',
      remainingMinutes: 270,
    });
    expect(resolution.intervals[3]).toMatchObject({ reason: 'customer', workingMinutes: 90 });
    const response = res.json().clocks.find((c: { metric: string }) => c.metric === 'response');
    expect(response).toMatchObject({
      phase: 'stopped',
      elapsedMinutes: 70,
      state: 'breached',
      to: '2026-03-09T01:10:00.000Z',
    });
  });

  securityTests('GET /tickets/:id/sla', async () => {
    t.clock.set(new Date());
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'GET',
      url: `/api/v1/tickets/${ticket.id}/sla`,
      allowed: await f.session(d.contact),
      outsider: await f.session(other.agent),
    };
  });
});

describe('policies, breaches and emergency-plan tasks', () => {
  it('creating a category, a routing rule and a policy each writes its audit row with the new row', async () => {
    const d = await deskTenant(t.deps, f);
    const pm = await as(d.pm);
    const cat = await pm.post(`/api/v1/projects/${d.project.id}/ticket-categories`, { name: '审计分类' });
    const rule = await pm.post(`/api/v1/projects/${d.project.id}/routing-rules`, {
      name: '审计规则',
      keywords: ['审计'],
      groupId: d.group.id,
    });
    const policy = await pm.post(`/api/v1/projects/${d.project.id}/sla-policies`, {
      name: '审计策略',
      categoryId: cat.json().id,
      calendarId: d.calendarId,
      targets: { 1: { response: 10, resolution: 120 } },
    });
    for (const r of [cat, rule, policy]) expect(r.statusCode, r.body).toBe(201);
    const audits = await t.deps.db.execute<{
      action: string;
      object_type: string;
      object_id: string;
      actor_id: string;
      changes: Record<string, { before: unknown; after: unknown }>;
    }>(sql`SELECT action, object_type, object_id, actor_id, changes FROM audit_log
      WHERE object_id IN (${cat.json().id}, ${rule.json().id}, ${policy.json().id}) ORDER BY action`);
    expect(audits.rows.map((a) => [a.action, a.object_type, a.object_id, a.actor_id])).toEqual([
      ['routingRule.create', 'routing_rule', rule.json().id, d.pm.id],
      ['slaPolicy.create', 'sla_policy', policy.json().id, d.pm.id],
      ['ticketCategory.create', 'ticket_category', cat.json().id, d.pm.id],
    ]);
    const changes = Object.fromEntries(audits.rows.map((a) => [a.action, a.changes]));
    expect(changes['ticketCategory.create']!.name).toEqual({ before: null, after: '审计分类' });
    expect(changes['routingRule.create']!.keywords).toEqual({ before: null, after: ['审计'] });
    expect(changes['slaPolicy.create']!.projectId).toEqual({ before: null, after: d.project.id });
  });

  it('a project manager sets a policy; new tickets take its targets', async () => {
    t.clock.set(new Date());
    const d = await deskTenant(t.deps, f);
    const pm = await as(d.pm);
    const cat = (
      await pm.post(`/api/v1/projects/${d.project.id}/ticket-categories`, { name: '医疗设备' })
    ).json();
    const created = await pm.post(`/api/v1/projects/${d.project.id}/sla-policies`, {
      name: '医疗设备',
      categoryId: cat.id,
      calendarId: d.calendarId,
      targets: { 2: { response: 5, resolution: 60 } },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().escalations.map((e: { threshold: number }) => e.threshold)).toEqual([50, 80, 100]);
    const ticket = await (
      await as(d.agent)
    ).post('/api/v1/tickets', {
      projectId: d.project.id,
      title: '监护仪离线',
      categoryId: cat.id,
      impact: 2,
      urgency: 2,
    });
    const sla = (await (await as(d.agent)).get(`/api/v1/tickets/${ticket.json().id}/sla`)).json();
    expect(
      sla.clocks.map((c: { metric: string; targetMinutes: number }) => [c.metric, c.targetMinutes]),
    ).toEqual([
      ['resolution', 60],
      ['response', 5],
    ]);
    const empty = await pm.post(`/api/v1/projects/${d.project.id}/sla-policies`, {
      name: 'x',
      kind: 'consultation',
      calendarId: d.calendarId,
      targets: {},
    });
    expect(empty.statusCode).toBe(400);
  });

  async function breachOf(d: DeskTenant) {
    const ticket = await raise(d);
    const [clock] = await t.deps.db.select().from(slaClocks).where(eq(slaClocks.ticketId, ticket.id));
    const id = uuid7();
    await t.deps.db.insert(slaBreaches).values({
      id,
      clockId: clock!.id,
      ticketId: ticket.id,
      projectId: d.project.id,
      metric: clock!.metric,
      breachedAt: new Date(),
      recordedAt: new Date(),
    });
    return { id, ticketId: ticket.id };
  }

  it('the project manager records the reason of a breach', async () => {
    const d = await deskTenant(t.deps, f);
    const b = await breachOf(d);
    const pm = await as(d.pm);
    const list = await pm.get(`/api/v1/projects/${d.project.id}/sla-breaches?unexplained=true`);
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    const res = await pm.put(`/api/v1/sla-breaches/${b.id}/reason`, {
      reasonCode: 'spare_parts',
      reasonText: '等待备件到货',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ reasonCode: 'spare_parts', canExplain: true });
    expect(
      (await pm.get(`/api/v1/projects/${d.project.id}/sla-breaches?unexplained=true`)).json().items,
    ).toEqual([]);
  });

  securityTests('PUT /sla-breaches/:id/reason', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    const b = await breachOf(d);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'PUT',
      url: `/api/v1/sla-breaches/${b.id}/reason`,
      body: { reasonCode: 'other' },
      allowed: await f.session(d.pm),
      outsider: await f.session(other.pm),
      tooLittleRole: await f.session(d.agent),
    };
  });

  securityTests('GET /projects/:id/sla-breaches', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'GET',
      url: `/api/v1/projects/${d.project.id}/sla-breaches`,
      allowed: await f.session(d.agent),
      outsider: await f.session(other.agent),
      tooLittleRole: await f.session(d.contact),
    };
  });

  securityTests('POST /projects/:id/sla-policies', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'POST',
      url: `/api/v1/projects/${d.project.id}/sla-policies`,
      body: {
        name: '咨询',
        kind: 'consultation',
        calendarId: d.calendarId,
        targets: { 4: { response: 60, resolution: null } },
      },
      allowed: await f.session(d.pm),
      allowedStatus: 201,
      outsider: await f.session(other.pm),
      tooLittleRole: await f.session(d.agent),
    };
  });

  securityTests('PATCH /sla-policies/:id', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'PATCH',
      url: `/api/v1/sla-policies/${d.policyId}`,
      body: { name: '新名称' },
      allowed: await f.session(d.pm),
      outsider: await f.session(other.pm),
      tooLittleRole: await f.session(d.agent),
    };
  });

  securityTests('POST /ticket-tasks/:id/complete', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    const id = uuid7();
    await t.deps.db.insert(ticketTasks).values({
      id,
      ticketId: ticket.id,
      projectId: d.project.id,
      type: 'emergency_plan',
      assigneeId: d.pm.id,
      dueAt: new Date(Date.now() + 86_400_000),
    });
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'POST',
      url: `/api/v1/ticket-tasks/${id}/complete`,
      body: { note: '应急方案已提交客户' },
      allowed: await f.session(d.pm),
      outsider: await f.session(other.pm),
      tooLittleRole: await f.session(d.agent),
    };
  });

  securityTests('GET /projects/:id/ticket-tasks', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'GET',
      url: `/api/v1/projects/${d.project.id}/ticket-tasks`,
      allowed: await f.session(d.pm),
      outsider: await f.session(other.pm),
      tooLittleRole: await f.session(d.contact),
    };
  });
});
