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
    title: '门禁系统故障',
    requesterId: d.contact.id,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string };
}

describe('watchers, links, merge, rating', () => {
  it('watchers follow public replies; a contact of another customer cannot be added', async () => {
    const d = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    const agent = client(t.app, await f.session(d.agent));
    const added = await agent.post(`/api/v1/tickets/${ticket.id}/watchers`, { userId: d.contact2.id });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().watchers.map((w: { id: string }) => w.id)).toEqual([d.contact2.id]);
    const stranger = await f.contact((await f.customer()).id);
    expect(
      (await agent.post(`/api/v1/tickets/${ticket.id}/watchers`, { userId: stranger.id })).statusCode,
    ).toBe(400);
    await agent.post(`/api/v1/tickets/${ticket.id}/comments`, { body: '工程师已到场' });
    const bell = await t.deps.db.execute(
      sql`SELECT user_id FROM notifications WHERE object_id = ${ticket.id} AND kind = 'ticket.reply'`,
    );
    expect(bell.rows.map((r) => r.user_id).sort()).toEqual([d.contact.id, d.contact2.id].sort());
    const contact2 = client(t.app, await f.session(d.contact2));
    expect((await contact2.delete(`/api/v1/tickets/${ticket.id}/watchers/${d.contact2.id}`)).statusCode).toBe(
      200,
    );
  });

  it('merges a duplicate: closed, clocks stopped, requester follows the target, link recorded', async () => {
    const d = await deskTenant(t.deps, f);
    const target = await raise(d);
    const dup = await raise(d, { requesterId: d.contact2.id });
    const agent = client(t.app, await f.session(d.agent));
    const res = await agent.post(`/api/v1/tickets/${dup.id}/merge`, { targetId: target.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'closed',
      stateCategory: 'final',
      mergedInto: { id: target.id },
      slaDueAt: null,
      actions: [],
    });
    const tgt = (await agent.get(`/api/v1/tickets/${target.id}`)).json();
    expect(tgt.watchers.map((w: { id: string }) => w.id)).toContain(d.contact2.id);
    expect(tgt.links).toEqual([
      expect.objectContaining({ type: 'duplicate', ticket: expect.objectContaining({ id: dup.id }) }),
    ]);
    expect((await agent.post(`/api/v1/tickets/${dup.id}/take`)).statusCode).toBe(409);
    expect((await agent.post(`/api/v1/tickets/${target.id}/merge`, { targetId: target.id })).statusCode).toBe(
      400,
    );
  });

  it('links related tickets once, and hides links to tickets the reader cannot see', async () => {
    const d = await deskTenant(t.deps, f);
    const a = await raise(d);
    const b = await raise(d);
    const agent = client(t.app, await f.session(d.agent));
    expect((await agent.post(`/api/v1/tickets/${a.id}/links`, { otherId: b.id })).json().links).toHaveLength(
      1,
    );
    expect((await agent.post(`/api/v1/tickets/${b.id}/links`, { otherId: a.id })).statusCode).toBe(409);
    const other = await deskTenant(t.deps, f);
    const foreign = await raise(other);
    expect((await agent.post(`/api/v1/tickets/${a.id}/links`, { otherId: foreign.id })).statusCode).toBe(400);
  });

  it('the requester rates a closed ticket once', async () => {
    const d = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    const agent = client(t.app, await f.session(d.agent));
    await agent.post(`/api/v1/tickets/${ticket.id}/take`);
    await agent.post(`/api/v1/tickets/${ticket.id}/resolve`, {
      resolutionCode: 'fixed',
      resolutionText: '更换读卡器',
    });
    const contact = client(t.app, await f.session(d.contact));
    expect((await contact.post(`/api/v1/tickets/${ticket.id}/rating`, { rating: 5 })).statusCode).toBe(409);
    await contact.post(`/api/v1/tickets/${ticket.id}/close`);
    const rated = await contact.post(`/api/v1/tickets/${ticket.id}/rating`, {
      rating: 4,
      comment: '响应及时',
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().satisfaction).toMatchObject({ rating: 4, comment: '响应及时' });
    expect((await contact.post(`/api/v1/tickets/${ticket.id}/rating`, { rating: 1 })).statusCode).toBe(409);
    expect(
      (
        await client(t.app, await f.session(d.contact2)).post(`/api/v1/tickets/${ticket.id}/rating`, {
          rating: 1,
        })
      ).statusCode,
    ).toBe(403);
    expect((await contact.post(`/api/v1/tickets/${ticket.id}/rating`, { rating: 6 })).statusCode).toBe(400);
  });

  it('ticket attachments: the requester uploads, a colleague reads, another customer gets 404', async () => {
    const d = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    const boundary = '----opsdesk';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="log.txt"\r\nContent-Type: text/plain\r\n\r\n交换机日志\r\n--${boundary}--\r\n`;
    const upload = (auth: { headers: Record<string, string> }) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/attachments?ownerType=ticket&ownerId=${ticket.id}`,
        headers: { ...auth.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    expect((await upload(await f.session(d.contact))).statusCode).toBe(201);
    expect((await upload(await f.session(d.contact2))).statusCode).toBe(403);
    const list = await client(t.app, await f.session(d.contact2)).get(
      `/api/v1/attachments?ownerType=ticket&ownerId=${ticket.id}`,
    );
    expect(list.json().items).toHaveLength(1);
    const other = await deskTenant(t.deps, f);
    expect(
      (
        await client(t.app, await f.session(other.contact)).get(
          `/api/v1/attachments?ownerType=ticket&ownerId=${ticket.id}`,
        )
      ).statusCode,
    ).toBe(404);
  });

  securityTests('POST /tickets/:id/merge', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    const a = await raise(d);
    const b = await raise(d);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'POST',
      url: `/api/v1/tickets/${b.id}/merge`,
      body: { targetId: a.id },
      allowed: await f.session(d.agent),
      outsider: await f.session(other.agent),
      tooLittleRole: await f.session(d.contact),
    };
  });
  securityTests('POST /tickets/:id/watchers', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    const a = await raise(d);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'POST',
      url: `/api/v1/tickets/${a.id}/watchers`,
      body: { userId: d.engineer.id },
      allowed: await f.session(d.agent),
      outsider: await f.session(other.agent),
      tooLittleRole: await f.session(d.contact2),
    };
  });
  securityTests('POST /tickets/:id/links', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    const a = await raise(d);
    const b = await raise(d);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'POST',
      url: `/api/v1/tickets/${a.id}/links`,
      body: { otherId: b.id },
      allowed: await f.session(d.agent),
      outsider: await f.session(other.agent),
      tooLittleRole: await f.session(d.contact),
    };
  });
  securityTests('GET /tickets/:id/history', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    const a = await raise(d);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'GET',
      url: `/api/v1/tickets/${a.id}/history`,
      allowed: await f.session(d.contact),
      outsider: await f.session(other.contact),
    };
  });
});

describe('agent workspace', () => {
  it('saved views are per user and validated against the list filters', async () => {
    const d = await deskTenant(t.deps, f);
    const agent = client(t.app, await f.session(d.agent));
    const saved = await agent.post('/api/v1/ticket-views', {
      name: '我的 P1',
      query: { queue: 'mine', priority: '1' },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(
      (await agent.post('/api/v1/ticket-views', { name: '坏的', query: { queue: 'everything' } })).statusCode,
    ).toBe(400);
    expect((await agent.post('/api/v1/ticket-views', { name: '我的 P1', query: {} })).statusCode).toBe(400);
    const engineer = client(t.app, await f.session(d.engineer));
    expect((await engineer.get('/api/v1/ticket-views')).json().items).toEqual([]);
    expect((await engineer.delete(`/api/v1/ticket-views/${saved.json().id}`)).statusCode).toBe(404);
    expect((await agent.patch(`/api/v1/ticket-views/${saved.json().id}`, { name: '紧急' })).json().name).toBe(
      '紧急',
    );
  });

  it('phone logging finds the caller among the customer’s contacts only', async () => {
    const d = await deskTenant(t.deps, f);
    await t.deps.db.execute(
      sql`UPDATE users SET display_name = '王科长', phone = '0571-87000001' WHERE id = ${d.contact.id}`,
    );
    const agent = client(t.app, await f.session(d.agent));
    const found = await agent.get(`/api/v1/projects/${d.project.id}/requesters?q=87000001`);
    expect(found.json().items).toEqual([
      { id: d.contact.id, displayName: '王科长', phone: '0571-87000001', email: null },
    ]);
    expect((await agent.get(`/api/v1/projects/${d.project.id}/requesters?q=%25`)).json().items).toEqual([]);
  });

  it('an away agent is not given an out-of-hours P1; availability is the agent’s own', async () => {
    const d = await deskTenant(t.deps, f);
    const engineer = client(t.app, await f.session(d.engineer));
    const away = await engineer.put('/api/v1/me/availability', { away: true, note: '年假' });
    expect(away.json()).toEqual({ away: true, awayUntil: null, note: '年假' });
    expect((await engineer.get('/api/v1/me/availability')).json().away).toBe(true);
    expect(
      (await client(t.app, await f.session(d.contact)).put('/api/v1/me/availability', { away: true }))
        .statusCode,
    ).toBe(403);
  });

  securityTests('GET /projects/:id/requesters', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'GET',
      url: `/api/v1/projects/${d.project.id}/requesters`,
      allowed: await f.session(d.agent),
      outsider: await f.session(other.agent),
      tooLittleRole: await f.session(d.contact),
    };
  });
  securityTests('POST /ticket-views', async () => {
    const d = await deskTenant(t.deps, f);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'POST',
      url: '/api/v1/ticket-views',
      body: { name: '全部', query: { queue: 'all' } },
      allowed: await f.session(d.agent),
      allowedStatus: 201,
    };
  });
});
