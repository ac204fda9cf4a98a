import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import { setOnDutyLookup } from '../tickets/on-duty.js';
import { WEEKLY_5X8, deskTenant } from '../tickets/ticket.test-support.js';
import { calendars } from '../../db/schema/index.js';
import { uuid7 } from '../../lib/ids.js';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
});

describe('categories, settings and routing', () => {
  it('routes a new ticket by category subtree and keywords to a group, and tells the group', async () => {
    const d = await deskTenant(t.deps, f);
    const pm = client(t.app, await f.session(d.pm));
    const net = (
      await pm.post(`/api/v1/projects/${d.project.id}/ticket-categories`, { name: '网络' })
    ).json();
    const sw = await pm.post(`/api/v1/projects/${d.project.id}/ticket-categories`, {
      name: '交换机',
      parentId: net.id,
    });
    expect(sw.statusCode, sw.body).toBe(201);
    const netGroup = await f.team();
    const rule = await pm.post(`/api/v1/projects/${d.project.id}/routing-rules`, {
      name: '网络类',
      categoryId: net.id,
      groupId: netGroup.id,
    });
    expect(rule.statusCode, rule.body).toBe(201);
    await pm.post(`/api/v1/projects/${d.project.id}/routing-rules`, {
      name: 'VPN',
      position: 1,
      keywords: ['vpn'],
      groupId: d.group.id,
    });
    const contact = client(t.app, await f.session(d.contact));
    const byCategory = await contact.post('/api/v1/tickets', {
      projectId: d.project.id,
      title: '三楼无法上网',
      categoryId: sw.json().id,
    });
    expect(byCategory.json().group.id).toBe(netGroup.id);
    const byKeyword = await contact.post('/api/v1/tickets', { projectId: d.project.id, title: 'VPN 连不上' });
    expect(byKeyword.json().group.id).toBe(d.group.id);
    const history = await client(t.app, await f.session(d.agent)).get(
      `/api/v1/tickets/${byKeyword.json().id}/history`,
    );
    expect(history.json().items.map((e: { type: string }) => e.type)).toEqual(['created', 'routed']);
    const contactHistory = await contact.get(`/api/v1/tickets/${byKeyword.json().id}/history`);
    expect(contactHistory.json().items.map((e: { type: string }) => e.type)).toEqual(['created']);
    const cycle = await pm.patch(`/api/v1/ticket-categories/${net.id}`, { parentId: sw.json().id });
    expect(cycle.statusCode).toBe(400);
  });

  it('a P1 outside the project’s service hours goes to whoever is on duty; in hours it stays with the group', async () => {
    const d = await deskTenant(t.deps, f);
    const hoursId = uuid7();
    await t.deps.db
      .insert(calendars)
      .values({ id: hoursId, projectId: d.project.id, name: '驻场 5×8', weekly: WEEKLY_5X8 });
    const pm = client(t.app, await f.session(d.pm));
    const put = await pm.put(`/api/v1/projects/${d.project.id}/service-desk-settings`, {
      serviceCalendarId: hoursId,
    });
    expect(put.statusCode, put.body).toBe(200);
    setOnDutyLookup(async (_db, projectId) => (projectId === d.project.id ? d.engineer.id : null));
    try {
      t.clock.set(new Date('2026-03-07T14:00:00Z')); // Saturday 22:00 in Shanghai
      const agent = client(t.app, await f.session(d.agent));
      const night = await agent.post('/api/v1/tickets', {
        projectId: d.project.id,
        title: '全市信号机离线',
        businessStopped: true,
      });
      expect(night.json()).toMatchObject({ priority: 1, state: 'assigned', assignee: { id: d.engineer.id } });
      const p3 = await agent.post('/api/v1/tickets', {
        projectId: d.project.id,
        title: '显示器闪烁',
        impact: 4,
        urgency: 4,
      });
      expect(p3.json().assignee).toBeNull();
      t.clock.set(new Date('2026-03-09T02:00:00Z')); // Monday 10:00
      const day = await client(t.app, await f.session(d.agent)).post('/api/v1/tickets', {
        projectId: d.project.id,
        title: '全市信号机离线',
        businessStopped: true,
      });
      expect(day.json().assignee).toBeNull();
    } finally {
      setOnDutyLookup(async () => null);
      t.clock.set(new Date());
    }
  });

  it('refuses a matrix that is not monotone, naming the field', async () => {
    const d = await deskTenant(t.deps, f);
    const res = await client(t.app, await f.session(d.pm)).put(
      `/api/v1/projects/${d.project.id}/service-desk-settings`,
      {
        priorityMatrix: {
          cells: [
            [4, 1, 1, 1],
            [1, 1, 1, 1],
            [1, 1, 1, 1],
            [1, 1, 1, 1],
          ],
          businessStoppedPriority: 1,
        },
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe('priorityMatrix');
  });

  securityTests('POST /projects/:id/ticket-categories', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'POST',
      url: `/api/v1/projects/${d.project.id}/ticket-categories`,
      body: { name: '硬件' },
      allowed: await f.session(d.pm),
      allowedStatus: 201,
      outsider: await f.session(other.pm),
      tooLittleRole: await f.session(d.agent),
    };
  });
  securityTests('GET /projects/:id/ticket-categories', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'GET',
      url: `/api/v1/projects/${d.project.id}/ticket-categories`,
      allowed: await f.session(d.contact),
      outsider: await f.session(other.contact),
    };
  });
  securityTests('PUT /projects/:id/service-desk-settings', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'PUT',
      url: `/api/v1/projects/${d.project.id}/service-desk-settings`,
      body: { serviceCalendarId: null },
      allowed: await f.session(d.pm),
      outsider: await f.session(other.pm),
      tooLittleRole: await f.session(d.agent),
    };
  });
  securityTests('GET /projects/:id/routing-rules', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'GET',
      url: `/api/v1/projects/${d.project.id}/routing-rules`,
      allowed: await f.session(d.agent),
      outsider: await f.session(other.agent),
      tooLittleRole: await f.session(d.contact),
    };
  });
  securityTests('POST /projects/:id/routing-rules', async () => {
    const d = await deskTenant(t.deps, f);
    const other = await deskTenant(t.deps, f);
    return {
      app: t.app,
      deps: t.deps,
      f,
      method: 'POST',
      url: `/api/v1/projects/${d.project.id}/routing-rules`,
      body: { name: '全部', groupId: d.group.id },
      allowed: await f.session(d.pm),
      allowedStatus: 201,
      outsider: await f.session(other.pm),
      tooLittleRole: await f.session(d.agent),
    };
  });
});

afterAll(() => setOnDutyLookup(async () => null));
