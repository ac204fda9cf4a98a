import { beforeAll } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import type { SecurityCase } from '../../test/security.js';
import { deskTenant } from '../tickets/ticket.test-support.js';
import type { DeskTenant } from '../tickets/ticket.test-support.js';

// The security tests of the service desk's endpoints not covered beside their behaviour tests:
// no session, disabled user, missing CSRF token, another tenant, too little role, allowed caller.
let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
});

const base = () => ({ app: t.app, deps: t.deps, f });
async function ticketIn(d: DeskTenant, steps: [string, Record<string, unknown>?][] = []) {
  const agent = client(t.app, await f.session(d.agent));
  const res = await agent.post('/api/v1/tickets', {
    projectId: d.project.id,
    title: '安全测试工单',
    requesterId: d.contact.id,
  });
  const id = res.json().id as string;
  for (const [action, body] of steps) await agent.post(`/api/v1/tickets/${id}/${action}`, body ?? {});
  return id;
}
async function pair() {
  return { d: await deskTenant(t.deps, f), other: await deskTenant(t.deps, f) };
}

// ── Ticket actions ───────────────────────────────────────────────────────────
const ACTIONS: [
  string,
  [string, Record<string, unknown>?][],
  Record<string, unknown>,
  'agent' | 'contact' | 'engineer',
  'contact' | 'contact2' | 'field',
][] = [
  ['assign', [], { assigneeId: '__engineer__' }, 'agent', 'contact'],
  ['start', [['assign', { assigneeId: '__engineer__' }]], {}, 'engineer', 'contact'],
  ['pend', [['take']], { pendingReason: 'customer' }, 'agent', 'contact'],
  ['resume', [['take'], ['pend', { pendingReason: 'vendor' }]], {}, 'agent', 'contact'],
  [
    'reopen',
    [['take'], ['resolve', { resolutionCode: 'fixed', resolutionText: '好了' }]],
    { reopenReason: '又坏了' },
    'contact',
    'contact2',
  ],
  [
    'close',
    [['take'], ['resolve', { resolutionCode: 'fixed', resolutionText: '好了' }]],
    {},
    'contact',
    'contact2',
  ],
  ['cancel', [], { cancelReason: '重复报障' }, 'contact', 'contact2'],
];
for (const [action, steps, body, allowedKey, tooLittleKey] of ACTIONS) {
  securityTests(`POST /tickets/:id/${action}`, async (): Promise<SecurityCase> => {
    const { d, other } = await pair();
    const id = await ticketIn(
      d,
      steps.map(([a, b]) => [
        a,
        b && b['assigneeId'] === '__engineer__' ? { ...b, assigneeId: d.engineer.id } : b,
      ]),
    );
    const resolved = body['assigneeId'] === '__engineer__' ? { ...body, assigneeId: d.engineer.id } : body;
    return {
      ...base(),
      method: 'POST',
      url: `/api/v1/tickets/${id}/${action}`,
      body: resolved,
      allowed: await f.session(d[allowedKey]),
      outsider: await f.session(other.agent),
      tooLittleRole: await f.session(tooLittleKey === 'field' ? d.fieldEngineer : d[tooLittleKey]),
      ...(tooLittleKey === 'field' ? { tooLittleRoleStatus: 404 } : {}),
    };
  });
}

securityTests('POST /tickets/:id/answer (consultation)', async () => {
  const { d, other } = await pair();
  const res = await client(t.app, await f.session(d.contact)).post('/api/v1/tickets', {
    projectId: d.project.id,
    kind: 'consultation',
    title: '如何申请 VPN？',
  });
  return {
    ...base(),
    method: 'POST',
    url: `/api/v1/tickets/${res.json().id}/answer`,
    body: { answerText: '请提交服务请求' },
    allowed: await f.session(d.agent),
    outsider: await f.session(other.agent),
    tooLittleRole: await f.session(d.contact),
  };
});

securityTests('POST /tickets/:id/rating', async () => {
  const { d, other } = await pair();
  const id = await ticketIn(d, [['take'], ['resolve', { resolutionCode: 'fixed', resolutionText: '好了' }]]);
  await client(t.app, await f.session(d.contact)).post(`/api/v1/tickets/${id}/close`);
  return {
    ...base(),
    method: 'POST',
    url: `/api/v1/tickets/${id}/rating`,
    body: { rating: 5 },
    allowed: await f.session(d.contact),
    outsider: await f.session(other.contact),
    tooLittleRole: await f.session(d.contact2),
  };
});

securityTests('DELETE /tickets/:id/watchers/:userId', async () => {
  const { d, other } = await pair();
  const id = await ticketIn(d);
  await client(t.app, await f.session(d.agent)).post(`/api/v1/tickets/${id}/watchers`, {
    userId: d.engineer.id,
  });
  return {
    ...base(),
    method: 'DELETE',
    url: `/api/v1/tickets/${id}/watchers/${d.engineer.id}`,
    allowed: await f.session(d.agent),
    outsider: await f.session(other.agent),
    tooLittleRole: await f.session(d.contact2),
  };
});

securityTests('DELETE /tickets/:id/links/:linkId', async () => {
  const { d, other } = await pair();
  const a = await ticketIn(d);
  const b = await ticketIn(d);
  const linked = await client(t.app, await f.session(d.agent)).post(`/api/v1/tickets/${a}/links`, {
    otherId: b,
  });
  return {
    ...base(),
    method: 'DELETE',
    url: `/api/v1/tickets/${a}/links/${linked.json().links[0].id}`,
    allowed: await f.session(d.agent),
    outsider: await f.session(other.agent),
    tooLittleRole: await f.session(d.contact),
  };
});

// ── Calendars and holiday years ──────────────────────────────────────────────
securityTests('POST /calendars', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'POST',
    url: '/api/v1/calendars',
    body: { projectId: d.project.id, name: '值班 7×24', preset: '7x24' },
    allowed: await f.session(d.pm),
    allowedStatus: 201,
    outsider: await f.session(other.pm),
    outsiderStatus: 400,
    tooLittleRole: await f.session(d.agent),
  };
});
securityTests('GET /calendars/:id', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'GET',
    url: `/api/v1/calendars/${d.calendarId}`,
    allowed: await f.session(d.contact),
    outsider: await f.session(other.contact),
  };
});
securityTests('DELETE /calendars/:id', async () => {
  const { d, other } = await pair();
  const cal = await client(t.app, await f.session(d.pm)).post('/api/v1/calendars', {
    projectId: d.project.id,
    name: '临时',
    preset: '5x8',
  });
  return {
    ...base(),
    method: 'DELETE',
    url: `/api/v1/calendars/${cal.json().id}`,
    allowed: await f.session(d.pm),
    outsider: await f.session(other.pm),
    tooLittleRole: await f.session(d.agent),
  };
});
securityTests('GET /holiday-years', async () => ({
  ...base(),
  method: 'GET',
  url: '/api/v1/holiday-years',
  allowed: await f.session((await deskTenant(t.deps, f)).contact),
}));
securityTests('GET /holiday-years/:year', async () => ({
  ...base(),
  method: 'GET',
  url: '/api/v1/holiday-years/2026',
  allowed: await f.session((await deskTenant(t.deps, f)).agent),
}));
securityTests('POST /holiday-years/import', async () => {
  const year = 2100 + Math.floor(Math.random() * 800);
  return {
    ...base(),
    method: 'POST',
    url: '/api/v1/holiday-years/import',
    body: { year, holidays: [`${year}-01-01`], makeupWorkdays: [] },
    allowed: await f.session(await f.admin()),
    tooLittleRole: await f.session((await deskTenant(t.deps, f)).pm),
  };
});

// ── Desk configuration ───────────────────────────────────────────────────────
securityTests('PATCH /ticket-categories/:id', async () => {
  const { d, other } = await pair();
  const cat = await client(t.app, await f.session(d.pm)).post(
    `/api/v1/projects/${d.project.id}/ticket-categories`,
    { name: '网络' },
  );
  return {
    ...base(),
    method: 'PATCH',
    url: `/api/v1/ticket-categories/${cat.json().id}`,
    body: { name: '网络设备' },
    allowed: await f.session(d.pm),
    outsider: await f.session(other.pm),
    tooLittleRole: await f.session(d.agent),
  };
});
securityTests('GET /projects/:id/service-desk-settings', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'GET',
    url: `/api/v1/projects/${d.project.id}/service-desk-settings`,
    allowed: await f.session(d.agent),
    outsider: await f.session(other.agent),
    tooLittleRole: await f.session(d.contact),
  };
});
async function rule(d: DeskTenant) {
  return (
    await client(t.app, await f.session(d.pm)).post(`/api/v1/projects/${d.project.id}/routing-rules`, {
      name: '全部',
      groupId: d.group.id,
    })
  ).json().id as string;
}
securityTests('PATCH /routing-rules/:id', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'PATCH',
    url: `/api/v1/routing-rules/${await rule(d)}`,
    body: { position: 5 },
    allowed: await f.session(d.pm),
    outsider: await f.session(other.pm),
    tooLittleRole: await f.session(d.agent),
  };
});
securityTests('DELETE /routing-rules/:id', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'DELETE',
    url: `/api/v1/routing-rules/${await rule(d)}`,
    allowed: await f.session(d.pm),
    outsider: await f.session(other.pm),
    tooLittleRole: await f.session(d.agent),
  };
});
securityTests('GET /projects/:id/sla-policies', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'GET',
    url: `/api/v1/projects/${d.project.id}/sla-policies`,
    allowed: await f.session(d.agent),
    outsider: await f.session(other.agent),
    tooLittleRole: await f.session(d.contact),
  };
});
securityTests('GET /sla-policies/:id', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'GET',
    url: `/api/v1/sla-policies/${d.policyId}`,
    allowed: await f.session(d.agent),
    outsider: await f.session(other.agent),
    tooLittleRole: await f.session(d.contact),
    tooLittleRoleStatus: 404,
  };
});
securityTests('DELETE /sla-policies/:id', async () => {
  const { d, other } = await pair();
  const p = await client(t.app, await f.session(d.pm)).post(`/api/v1/projects/${d.project.id}/sla-policies`, {
    name: '咨询',
    kind: 'consultation',
    calendarId: d.calendarId,
    targets: { 3: { response: 60, resolution: null } },
  });
  return {
    ...base(),
    method: 'DELETE',
    url: `/api/v1/sla-policies/${p.json().id}`,
    allowed: await f.session(d.pm),
    outsider: await f.session(other.pm),
    tooLittleRole: await f.session(d.agent),
  };
});

// ── Workspace and mail ───────────────────────────────────────────────────────
async function view(d: DeskTenant) {
  return (
    await client(t.app, await f.session(d.agent)).post('/api/v1/ticket-views', {
      name: `视图-${Math.random()}`,
      query: { queue: 'mine' },
    })
  ).json().id as string;
}
securityTests('GET /ticket-views', async () => ({
  ...base(),
  method: 'GET',
  url: '/api/v1/ticket-views',
  allowed: await f.session((await deskTenant(t.deps, f)).agent),
}));
securityTests('PATCH /ticket-views/:id', async () => {
  const { d } = await pair();
  return {
    ...base(),
    method: 'PATCH',
    url: `/api/v1/ticket-views/${await view(d)}`,
    body: { name: '改名' },
    allowed: await f.session(d.agent),
    outsider: await f.session(d.engineer),
  };
});
securityTests('DELETE /ticket-views/:id', async () => {
  const { d } = await pair();
  return {
    ...base(),
    method: 'DELETE',
    url: `/api/v1/ticket-views/${await view(d)}`,
    allowed: await f.session(d.agent),
    outsider: await f.session(d.engineer),
  };
});
securityTests('GET /me/availability', async () => ({
  ...base(),
  method: 'GET',
  url: '/api/v1/me/availability',
  allowed: await f.session((await deskTenant(t.deps, f)).agent),
}));
securityTests('PUT /me/availability', async () => {
  const d = await deskTenant(t.deps, f);
  return {
    ...base(),
    method: 'PUT',
    url: '/api/v1/me/availability',
    body: { away: false },
    allowed: await f.session(d.agent),
    tooLittleRole: await f.session(d.contact),
  };
});
securityTests('POST /admin/mail-settings/test', async () => ({
  ...base(),
  method: 'POST',
  url: '/api/v1/admin/mail-settings/test',
  body: { to: 'ops@example.com' },
  allowed: await f.session(await f.admin()),
  tooLittleRole: await f.session((await deskTenant(t.deps, f)).pm),
}));
