import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { teamMembers } from '../../db/schema/index.js';
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
  const agent = await f.session(d.agent);
  const res = await client(t.app, agent).post('/api/v1/tickets', {
    projectId: d.project.id,
    title: '核心交换机宕机',
    description: '**全网中断**',
    requesterId: d.contact.id,
    impact: 2,
    urgency: 2,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('POST /api/v1/tickets', () => {
  it('staff log a phone call: number per kind and year, priority from the matrix, clocks started', async () => {
    const d = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    expect(ticket.number).toMatch(/^INC-\d{4}-\d{6}$/);
    expect(ticket.kind).toBe('incident');
    expect(ticket.channel).toBe('phone');
    expect(ticket.priority).toBe(2);
    expect(ticket.state).toBe('new');
    expect(ticket.stateLabel).toBe('新建');
    expect(ticket.requester.id).toBe(d.contact.id);
    expect(ticket.descriptionHtml).toContain('<strong>全网中断</strong>');
    expect(ticket.slaDueAt).not.toBeNull();
    expect(ticket.actions.map((a: { action: string }) => a.action)).toEqual(['assign', 'take', 'cancel']);
    const second = await raise(d, { kind: 'service_request' });
    expect(second.number).toMatch(/^REQ-/);
  });

  it('a business-stopped ticket is P1 whatever impact and urgency say', async () => {
    const d = await deskTenant(t.deps, f);
    const ticket = await raise(d, { impact: 4, urgency: 4, businessStopped: true });
    expect(ticket.priority).toBe(1);
  });

  it('a customer contact raises for themselves through the portal', async () => {
    const d = await deskTenant(t.deps, f);
    const res = await client(t.app, await f.session(d.contact)).post('/api/v1/tickets', {
      projectId: d.project.id,
      title: '打印机卡纸',
      kind: 'service_request',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'portal', requester: { id: d.contact.id } });
    const other = await client(t.app, await f.session(d.contact)).post('/api/v1/tickets', {
      projectId: d.project.id,
      title: 'x',
      requesterId: d.contact2.id,
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details.fields[0].path).toBe('requesterId');
  });

  it('refuses a requester of another customer, naming the field', async () => {
    const d = await deskTenant(t.deps, f);
    const stranger = await f.contact((await f.customer()).id);
    const res = await client(t.app, await f.session(d.agent)).post('/api/v1/tickets', {
      projectId: d.project.id,
      title: 'x',
      requesterId: stranger.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe('requesterId');
  });

  securityTests('POST /tickets', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    const admin = await f.admin();
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'POST',
      url: '/api/v1/tickets',
      body: { projectId: d.project.id, title: '服务器告警' },
      allowed: await f.session(d.agent),
      allowedStatus: 201,
      outsider: await f.session(other.agent),
      outsiderStatus: 400,
      tooLittleRole: await f.session(admin),
    };
  });
});

describe('POST /api/v1/tickets answers from what it wrote', () => {
  it('the answer equals a read of the ticket, and every row of the create is there', async () => {
    // The create builds its answer without re-reading (docs/decisions/0203): it must be what a GET says.
    const d = await deskTenant(t.deps, f);
    const pm = client(t.app, await f.session(d.pm));
    const cat = (
      await pm.post(`/api/v1/projects/${d.project.id}/ticket-categories`, { name: '网络' })
    ).json();
    const rule = await pm.post(`/api/v1/projects/${d.project.id}/routing-rules`, {
      name: '网络类',
      categoryId: cat.id,
      groupId: d.group.id,
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const cases = [
      { who: d.agent, body: { categoryId: cat.id, requesterId: d.contact.id, tags: ['a', 'a', 'b'] } },
      { who: d.agent, body: { kind: 'service_request', businessStopped: true } },
      { who: d.contact, body: { categoryId: cat.id } },
      { who: d.contact, body: {} },
    ];
    for (const c of cases) {
      const http = client(t.app, await f.session(c.who));
      const res = await http.post('/api/v1/tickets', {
        projectId: d.project.id,
        title: '核心交换机宕机',
        description: '**全网中断** <b>x</b>',
        ...c.body,
      });
      expect(res.statusCode, res.body).toBe(201);
      const read = await http.get(`/api/v1/tickets/${res.json().id}`);
      expect(res.json()).toEqual(read.json());
      const id = res.json().id as string;
      const [row] = (
        await t.deps.db.execute<{
          due: string | null;
          min: string | null;
          clocks: number;
          audit: number;
          sla: unknown;
        }>(sql`
          SELECT t.sla_due_at AS due,
            (SELECT min(due_at) FROM sla_clocks WHERE ticket_id = t.id AND state = 'running' AND NOT stopped) AS min,
            (SELECT count(*)::int FROM sla_clocks WHERE ticket_id = t.id) AS clocks,
            (SELECT count(*)::int FROM audit_log WHERE object_id = t.id::text AND action = 'ticket.create') AS audit,
            (SELECT changes -> 'slaDueAt' FROM audit_log WHERE object_id = t.id::text AND action = 'ticket.create') AS sla
          FROM tickets t WHERE t.id = ${id}`)
      ).rows;
      expect(row).toMatchObject({ clocks: 2, audit: 1, sla: null });
      expect(new Date(row!.due!).getTime()).toBe(new Date(row!.min!).getTime());
    }
    // The routed group was told (not the agent who raised it), and its history says so.
    const routed = await t.deps.db.execute<{ user_id: string }>(
      sql`SELECT n.user_id FROM notifications n JOIN tickets t ON t.id = n.object_id
          WHERE t.project_id = ${d.project.id} AND n.kind = 'ticket.groupAssigned' ORDER BY n.user_id`,
    );
    expect(routed.rows.map((r) => r.user_id)).toEqual([d.engineer.id, d.engineer.id, d.agent.id].sort());
  });
});

describe('GET /api/v1/tickets and /tickets/:id', () => {
  it('lists only tickets in scope; a contact sees all of their customer, never another customer', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    const mine = await raise(d);
    const theirs = await raise(other);
    const ids = (r: { json(): { items: { id: string }[] } }) => r.json().items.map((i) => i.id);
    const asAgent = await client(t.app, await f.session(d.agent)).get('/api/v1/tickets');
    expect(ids(asAgent)).toContain(mine.id);
    expect(ids(asAgent)).not.toContain(theirs.id);
    const asColleague = await client(t.app, await f.session(d.contact2)).get('/api/v1/tickets');
    expect(ids(asColleague)).toEqual([mine.id]);
    const asField = await client(t.app, await f.session(d.fieldEngineer)).get('/api/v1/tickets');
    expect(ids(asField)).toEqual([]);
    expect(
      (await client(t.app, await f.session(other.contact)).get(`/api/v1/tickets/${mine.id}`)).statusCode,
    ).toBe(404);
  });

  it('pages with a keyset cursor and filters by queue', async () => {
    const d = await deskTenant(t.deps, f);
    for (let i = 0; i < 5; i++) await raise(d, { title: `工单 ${i}` });
    const http = client(t.app, await f.session(d.agent));
    const first = await http.get(`/api/v1/tickets?projectId=${d.project.id}&limit=2`);
    expect(first.json().items).toHaveLength(2);
    const second = await http.get(
      `/api/v1/tickets?projectId=${d.project.id}&limit=2&cursor=${first.json().nextCursor}`,
    );
    expect(second.json().items).toHaveLength(2);
    expect(second.json().items[0].id).not.toBe(first.json().items[1].id);
    const mine = await http.get('/api/v1/tickets?queue=mine');
    expect(mine.json().items).toHaveLength(0);
    const unassigned = await http.get(`/api/v1/tickets?queue=unassigned&projectId=${d.project.id}`);
    expect(unassigned.json().items).toHaveLength(5);
    const soon = await http.get(
      `/api/v1/tickets?queue=breaching_soon&withinMinutes=100000&projectId=${d.project.id}`,
    );
    expect(soon.json().items).toHaveLength(5);
    const bad = await http.get('/api/v1/tickets?sort=nonsense');
    expect(bad.statusCode).toBe(400);
  });

  it('"my groups": every group of the caller, newest first, page by page, and nothing of other groups', async () => {
    const d = await deskTenant(t.deps, f);
    const [b, c] = [await f.team(), await f.team()];
    await t.deps.db.insert(teamMembers).values([
      { teamId: b.id, userId: d.agent.id },
      { teamId: c.id, userId: d.engineer.id },
    ]);
    for (const groupId of [d.group.id, null, c.id, b.id, d.group.id, null, b.id, c.id, d.group.id, null])
      await raise(d, groupId ? { groupId } : {});
    const expected = (
      await t.deps.pool.query<{ id: string }>(
        `SELECT id FROM tickets WHERE project_id = $1 AND group_id = ANY($2::uuid[]) ORDER BY created_at DESC, id DESC`,
        [d.project.id, [d.group.id, b.id]],
      )
    ).rows.map((r) => r.id);
    expect(expected).toHaveLength(5);
    const http = client(t.app, await f.session(d.agent));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await http.get(
        `/api/v1/tickets?queue=my_groups&projectId=${d.project.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...res.json().items.map((x: { id: string }) => x.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
    // A caller in no group sees an empty queue.
    const loner = await f.user();
    await f.member(d.project.id, loner.id, 'service_desk_agent');
    expect(
      (await client(t.app, await f.session(loner)).get('/api/v1/tickets?queue=my_groups')).json().items,
    ).toEqual([]);
  });

  securityTests('GET /tickets/:id', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'GET',
      url: `/api/v1/tickets/${ticket.id}`,
      allowed: await f.session(d.contact),
      outsider: await f.session(other.contact),
    };
  });

  securityTests('GET /tickets', async () => {
    const d = await deskTenant(t.deps, f);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'GET',
      url: '/api/v1/tickets',
      allowed: await f.session(d.contact),
    };
  });
});

describe('PATCH /api/v1/tickets/:id', () => {
  it('recomputes the priority and records the change', async () => {
    const d = await deskTenant(t.deps, f);
    const ticket = await raise(d, { impact: 4, urgency: 4 });
    const http = client(t.app, await f.session(d.agent));
    const res = await http.patch(`/api/v1/tickets/${ticket.id}`, {
      impact: 1,
      urgency: 1,
      tags: ['网络', '网络'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ priority: 1, tags: ['网络'] });
    const history = await http.get(`/api/v1/tickets/${ticket.id}/history`);
    expect(history.json().items.map((e: { type: string }) => e.type)).toContain('updated');
  });

  securityTests('PATCH /tickets/:id', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    const ticket = await raise(d);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'PATCH',
      url: `/api/v1/tickets/${ticket.id}`,
      body: { title: '新标题' },
      allowed: await f.session(d.agent),
      outsider: await f.session(other.agent),
      tooLittleRole: await f.session(d.contact),
    };
  });
});
