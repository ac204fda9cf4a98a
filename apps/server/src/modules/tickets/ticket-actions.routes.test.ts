import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import { deskTenant } from './ticket.test-support.js';
import type { DeskTenant } from './ticket.test-support.js';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
});

async function raise(d: DeskTenant, over: Record<string, unknown> = {}) {
  const res = await client(t.app, await f.session(d.agent)).post('/api/v1/tickets', {
    projectId: d.project.id,
    title: '核心交换机宕机',
    requesterId: d.contact.id,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const snapshot = async (id: string) => {
  const r = await t.deps.db
    .execute(sql`SELECT state, assignee_id, resolved_at, updated_at, (SELECT count(*) FROM audit_log WHERE object_id = ${id}) AS audits,
    (SELECT count(*) FROM ticket_events WHERE ticket_id = ${id}) AS events, (SELECT jsonb_agg(events ORDER BY metric) FROM sla_clocks WHERE ticket_id = ${id}) AS clocks FROM tickets WHERE id = ${id}`);
  return r.rows[0];
};

describe('transitions', () => {
  it('walks the incident lifecycle: assign → start → pend → resume → resolve → close', async () => {
    const d = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    const agent = client(t.app, await f.session(d.agent));
    const engineer = client(t.app, await f.session(d.engineer));
    const assigned = await agent.post(`/api/v1/tickets/${ticket.id}/assign`, {
      assigneeId: d.engineer.id,
      reason: '网络故障',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ state: 'assigned', assignee: { id: d.engineer.id } });
    expect((await engineer.post(`/api/v1/tickets/${ticket.id}/start`)).json().state).toBe('in_progress');
    const pended = await engineer.post(`/api/v1/tickets/${ticket.id}/pend`, { pendingReason: 'customer' });
    expect(pended.json()).toMatchObject({ state: 'pending', pendingReason: 'customer', slaDueAt: null });
    expect((await engineer.post(`/api/v1/tickets/${ticket.id}/resume`)).json().state).toBe('in_progress');
    const resolved = await engineer.post(`/api/v1/tickets/${ticket.id}/resolve`, {
      resolutionCode: 'fixed',
      resolutionText: '更换光模块',
    });
    expect(resolved.json()).toMatchObject({ state: 'resolved', resolutionCode: 'fixed' });
    const contact = client(t.app, await f.session(d.contact));
    const closed = await contact.post(`/api/v1/tickets/${ticket.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().state).toBe('closed');
    const audit = await t.deps.db.execute(
      sql`SELECT action FROM audit_log WHERE object_id = ${ticket.id} ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'ticket.create',
      'ticket.assign',
      'ticket.start',
      'ticket.pend',
      'ticket.resume',
      'ticket.resolve',
      'ticket.close',
    ]);
    const bell = await t.deps.db.execute(
      sql`SELECT kind FROM notifications WHERE object_id = ${ticket.id} AND user_id = ${d.contact.id}`,
    );
    expect(bell.rows.map((r) => r.kind)).toContain('ticket.resolved');
  });

  it('an unknown or not-allowed action answers 409 with the allowed ones, and nothing changes', async () => {
    const d = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    const agent = client(t.app, await f.session(d.agent));
    const before = await snapshot(ticket.id);
    const unknown = await agent.post(`/api/v1/tickets/${ticket.id}/frobnicate`);
    expect(unknown.statusCode).toBe(409);
    expect(unknown.json().error).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { allowed: ['assign', 'take', 'cancel'] },
    });
    const early = await agent.post(`/api/v1/tickets/${ticket.id}/resolve`, {
      resolutionCode: 'fixed',
      resolutionText: 'x',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details).toMatchObject({ state: 'new', allowed: ['assign', 'take', 'cancel'] });
    expect(await snapshot(ticket.id)).toEqual(before);
  });

  it('resolving without the resolution answers 400 naming the fields, and nothing changes', async () => {
    const d = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    const agent = client(t.app, await f.session(d.agent));
    expect((await agent.post(`/api/v1/tickets/${ticket.id}/take`)).statusCode).toBe(200);
    const before = await snapshot(ticket.id);
    const res = await agent.post(`/api/v1/tickets/${ticket.id}/resolve`, { resolutionText: '   ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((x: { path: string }) => x.path)).toEqual([
      'resolutionCode',
      'resolutionText',
    ]);
    const wrong = await agent.post(`/api/v1/tickets/${ticket.id}/resolve`, {
      resolutionCode: 'magic',
      resolutionText: '已处理',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields[0]).toMatchObject({
      path: 'resolutionCode',
      code: 'invalidTransitionField',
    });
    expect(await snapshot(ticket.id)).toEqual(before);
  });

  it('a role the transition does not allow answers 403', async () => {
    const d = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    const res = await client(t.app, await f.session(d.contact)).post(`/api/v1/tickets/${ticket.id}/take`);
    expect(res.statusCode).toBe(403);
  });

  it('the requester rejects a resolution (reopen) and the resolution clock runs again', async () => {
    const d = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    const agent = client(t.app, await f.session(d.agent));
    await agent.post(`/api/v1/tickets/${ticket.id}/take`);
    await agent.post(`/api/v1/tickets/${ticket.id}/resolve`, {
      resolutionCode: 'fixed',
      resolutionText: '重启',
    });
    t.clock.advance(60 * 60_000);
    const contact = client(t.app, await f.session(d.contact));
    const reopened = await contact.post(`/api/v1/tickets/${ticket.id}/reopen`, {
      reopenReason: '仍然无法访问',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ state: 'in_progress', resolvedAt: null });
    const slaRes = await client(t.app, await f.session(d.agent)).get(`/api/v1/tickets/${ticket.id}/sla`);
    expect(slaRes.statusCode, slaRes.body).toBe(200);
    const sla = slaRes.json();
    const resolution = sla.clocks.find((c: { metric: string }) => c.metric === 'resolution');
    expect(resolution.phase).toBe('running');
    expect(
      resolution.intervals.some(
        (i: { kind: string; reason?: string }) => i.kind === 'paused' && i.reason === 'resolved',
      ),
    ).toBe(true);
  });

  it('bulk assign: each ticket its own audited transition; refusals reported per ticket', async () => {
    const d = await deskTenant(t.deps, f);
    const a = await raise(d);
    const b = await raise(d);
    const other = await deskTenant(t.deps, f);
    const c = await raise(other);
    const res = await client(t.app, await f.session(d.agent)).post('/api/v1/tickets/bulk-assign', {
      ticketIds: [a.id, b.id, c.id],
      assigneeId: d.engineer.id,
      reason: '批量分派',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      { id: a.id, ok: true },
      { id: b.id, ok: true },
      { id: c.id, ok: false, code: 'NOT_FOUND' },
    ]);
    const audit = await t.deps.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'ticket.assign' AND object_id IN (${a.id}, ${b.id})`,
    );
    expect(audit.rows[0]!.n).toBe(2);
  });

  securityTests('POST /tickets/:id/take', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/take`,
      allowed: await f.session(d.agent),
      outsider: await f.session(other.agent),
      tooLittleRole: await f.session(d.contact2),
    };
  });

  securityTests('POST /tickets/:id/resolve', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    await client(t.app, await f.session(d.agent)).post(`/api/v1/tickets/${ticket.id}/take`);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/resolve`,
      body: { resolutionCode: 'fixed', resolutionText: '已修复' },
      allowed: await f.session(d.agent),
      outsider: await f.session(other.agent),
      tooLittleRole: await f.session(d.contact),
    };
  });

  securityTests('POST /tickets/bulk-assign', async () => {
    const d = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'POST',
      url: '/api/v1/tickets/bulk-assign',
      body: { ticketIds: [ticket.id], assigneeId: d.engineer.id },
      allowed: await f.session(d.agent),
    };
  });
});

describe('comments', () => {
  it('requesters never see internal notes; a staff public reply meets the response target', async () => {
    const d = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    const agent = client(t.app, await f.session(d.agent));
    expect(
      (
        await agent.post(`/api/v1/tickets/${ticket.id}/comments`, {
          visibility: 'internal',
          body: '内部：怀疑是光模块 SECRET-NOTE',
          timeSpentMinutes: 15,
        })
      ).statusCode,
    ).toBe(201);
    const reply = await agent.post(`/api/v1/tickets/${ticket.id}/comments`, {
      body: '已收到，工程师正在赶往现场',
    });
    expect(reply.statusCode).toBe(201);
    const contact = client(t.app, await f.session(d.contact));
    const seen = await contact.get(`/api/v1/tickets/${ticket.id}/comments`);
    expect(seen.json().items.map((c: { visibility: string }) => c.visibility)).toEqual(['public']);
    expect(seen.body).not.toContain('SECRET-NOTE');
    const history = await contact.get(`/api/v1/tickets/${ticket.id}/history`);
    expect(history.json().items.map((e: { type: string }) => e.type)).not.toContain('note');
    expect((await agent.get(`/api/v1/tickets/${ticket.id}/comments`)).json().items).toHaveLength(2);
    expect(
      (await contact.post(`/api/v1/tickets/${ticket.id}/comments`, { visibility: 'internal', body: 'x' }))
        .statusCode,
    ).toBe(403);
    const field = client(t.app, await f.session(d.fieldEngineer));
    expect((await field.get(`/api/v1/tickets/${ticket.id}/comments`)).statusCode).toBe(404);
    const sla = (await agent.get(`/api/v1/tickets/${ticket.id}/sla`)).json();
    expect(sla.clocks.find((c: { metric: string }) => c.metric === 'response')).toMatchObject({
      phase: 'stopped',
      state: 'met',
    });
  });

  securityTests('POST /tickets/:id/comments', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/comments`,
      body: { visibility: 'internal', body: '内部备注' },
      allowed: await f.session(d.agent),
      allowedStatus: 201,
      outsider: await f.session(other.contact),
      tooLittleRole: await f.session(d.contact),
    };
  });

  securityTests('GET /tickets/:id/comments', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'GET',
      url: `/api/v1/tickets/${ticket.id}/comments`,
      allowed: await f.session(d.contact),
      outsider: await f.session(other.agent),
    };
  });
});
