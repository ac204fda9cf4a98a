import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import type { SecurityCase } from '../../test/security.js';
import { fieldTenant, signatureUrl } from './field-work.test-support.js';
import type { FieldTenant } from './field-work.test-support.js';

// Every field-work endpoint: no session, disabled user, missing CSRF token, another tenant, too
// little role (a subcontractor outside the work, a contact, the desk where only the engineer may),
// and the allowed caller.
let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
});

const base = () => ({ app: t.app, deps: t.deps, f });
const s = (u: { id: string }) => f.session(u as never);
async function pair() {
  return { d: await fieldTenant(t.deps, f), other: await fieldTenant(t.deps, f) };
}

type WoState = 'dispatched' | 'accepted' | 'on_site' | 'work_done' | 'signed_off';
/** A work order dispatched to the subcontractor's field engineer, walked to `state`. */
async function woAt(d: FieldTenant, state: WoState = 'dispatched'): Promise<string> {
  const res = await client(t.app, await s(d.agent)).post('/api/v1/work-orders', {
    projectId: d.project.id,
    title: '安全测试工单',
    siteId: d.city.id,
    assigneeId: d.fieldEngineer.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const field = client(t.app, await s(d.fieldEngineer));
  const steps: [WoState, string, Record<string, unknown>][] = [
    ['accepted', 'accept', {}],
    ['on_site', 'check-in', {}],
    ['work_done', 'complete', { workPerformed: '已处理' }],
    ['signed_off', 'sign-off', { signerName: '王科长', signature: signatureUrl() }],
  ];
  const order: WoState[] = ['dispatched', 'accepted', 'on_site', 'work_done', 'signed_off'];
  for (const [to, action, body] of steps) {
    if (order.indexOf(to) > order.indexOf(state)) break;
    const r = await field.post(`/api/v1/work-orders/${id}/${action}`, body);
    expect(r.statusCode, r.body).toBe(200);
  }
  return id;
}

const ITEM = {
  key: 'fans',
  ciTypeKey: 'switch',
  title: { 'zh-CN': '风扇正常', en: 'Fans running' },
  method: { 'zh-CN': '看', en: 'Look' },
  reading: { type: 'boolean', normal: true },
  severity: 'minor',
};
async function templateOf(d: FieldTenant) {
  const res = await client(t.app, await s(d.pm)).post('/api/v1/inspection-templates', {
    projectId: d.project.id,
    name: { 'zh-CN': '风扇', en: 'Fans' },
    items: [ITEM],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
async function planOf(d: FieldTenant) {
  const res = await client(t.app, await s(d.pm)).post(`/api/v1/projects/${d.project.id}/inspection-plans`, {
    name: '风扇巡检',
    templateIds: [await templateOf(d)],
    selection: { mode: 'explicit', ciIds: [d.switchA.id] },
    schedule: { kind: 'weekly', weekday: 1 },
    assigneeId: d.engineer.id,
    dueDays: 7,
    startsOn: '2020-01-06',
    endsOn: '2020-01-12',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
async function taskOf(d: FieldTenant): Promise<string> {
  const planId = await planOf(d);
  const list = await client(t.app, await s(d.pm)).get(`/api/v1/inspection-tasks?planId=${planId}`);
  return list.json().items[0].id;
}
async function findingOf(d: FieldTenant): Promise<string> {
  const id = await taskOf(d);
  const res = await client(t.app, await s(d.engineer)).post(`/api/v1/inspection-tasks/${id}/submit`, {
    readings: [{ ciId: d.switchA.id, itemKey: 'fans', value: false, remark: '停转' }],
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().findings.created[0].id;
}

// ── Work orders ──────────────────────────────────────────────────────────────
securityTests('POST /work-orders', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'POST',
    url: '/api/v1/work-orders',
    body: { projectId: d.project.id, title: '新工单' },
    allowed: await s(d.agent),
    outsider: await s(other.agent),
    outsiderStatus: 400, // the project is no reference for them: a field error at projectId
    tooLittleRole: await s(d.contact),
  };
});
securityTests('GET /work-orders/:id', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'GET',
    url: `/api/v1/work-orders/${await woAt(d)}`,
    allowed: await s(d.contact),
    outsider: await s(other.fieldEngineer),
  };
});
securityTests('PATCH /work-orders/:id', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'PATCH',
    url: `/api/v1/work-orders/${await woAt(d)}`,
    body: { instructions: '带梯子' },
    allowed: await s(d.agent),
    outsider: await s(other.agent),
    tooLittleRole: await s(d.contact),
  };
});

const ACTIONS: [
  string,
  WoState,
  Record<string, unknown>,
  'agent' | 'fieldEngineer' | 'approver',
  'agent' | 'fieldEngineer' | 'contact',
][] = [
  ['dispatch', 'dispatched', { assigneeId: '__engineer__' }, 'agent', 'contact'],
  ['accept', 'dispatched', {}, 'fieldEngineer', 'agent'],
  ['reject', 'accepted', { reason: '人手不足' }, 'fieldEngineer', 'agent'],
  ['check-in', 'accepted', {}, 'fieldEngineer', 'contact'],
  ['complete', 'on_site', { workPerformed: '更换模块' }, 'fieldEngineer', 'agent'],
  ['sign-off', 'work_done', { signerName: '王科长', signature: '__signature__' }, 'fieldEngineer', 'agent'],
  ['rework', 'work_done', { reason: '仍有告警' }, 'approver', 'fieldEngineer'],
  ['close', 'signed_off', {}, 'agent', 'fieldEngineer'],
  ['cancel', 'accepted', { reason: '客户撤销' }, 'agent', 'fieldEngineer'],
];
for (const [action, state, body, who, tooLittle] of ACTIONS) {
  securityTests(`POST /work-orders/:id/${action}`, async (): Promise<SecurityCase> => {
    const { d, other } = await pair();
    const id = await woAt(d, state);
    const resolved = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [
        k,
        v === '__engineer__' ? d.engineer.id : v === '__signature__' ? signatureUrl() : v,
      ]),
    );
    return {
      ...base(),
      method: 'POST',
      url: `/api/v1/work-orders/${id}/${action}`,
      body: resolved,
      allowed: await s(d[who]),
      outsider: await s(other.agent),
      tooLittleRole: await s(d[tooLittle]),
    };
  });
}

securityTests('GET /projects/:id/arrival-targets', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'GET',
    url: `/api/v1/projects/${d.project.id}/arrival-targets`,
    allowed: await s(d.engineer),
    outsider: await s(other.pm),
  };
});
securityTests('PUT /projects/:id/arrival-targets', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'PUT',
    url: `/api/v1/projects/${d.project.id}/arrival-targets`,
    body: {
      targets: [{ areaKey: 'city', label: { 'zh-CN': '市区', en: 'City' }, minutes: 90, isDefault: true }],
    },
    allowed: await s(d.pm),
    outsider: await s(other.pm),
    tooLittleRole: await s(d.engineer),
  };
});

// ── Templates ────────────────────────────────────────────────────────────────
async function templateCase(method: SecurityCase['method'], path: (id: string) => string, body?: unknown) {
  const { d, other } = await pair();
  const id = await templateOf(d);
  return { ...base(), method, url: `/api/v1/inspection-templates/${path(id)}`, body, d, other };
}
securityTests('GET /inspection-templates/:id', async () => {
  const c = await templateCase('GET', (id) => id);
  return { ...c, allowed: await s(c.d.fieldEngineer), outsider: await s(c.other.pm) };
});
securityTests('GET /inspection-templates/:id/versions/:version', async () => {
  const c = await templateCase('GET', (id) => `${id}/versions/1`);
  return { ...c, allowed: await s(c.d.engineer), outsider: await s(c.other.pm) };
});
securityTests('POST /inspection-templates', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'POST',
    url: '/api/v1/inspection-templates',
    body: { projectId: d.project.id, name: { 'zh-CN': '风扇', en: 'Fans' }, items: [ITEM] },
    allowed: await s(d.pm),
    outsider: await s(other.pm),
    outsiderStatus: 400,
    tooLittleRole: await s(d.engineer),
  };
});
securityTests('PUT /inspection-templates/:id', async () => {
  const c = await templateCase('PUT', (id) => id, { name: { 'zh-CN': '风扇 v2', en: 'Fans v2' } });
  return {
    ...c,
    allowed: await s(c.d.lead),
    outsider: await s(c.other.pm),
    tooLittleRole: await s(c.d.engineer),
  };
});
securityTests('POST /inspection-templates/:id/copy', async () => {
  const c = await templateCase('POST', (id) => `${id}/copy`, {});
  const { d } = c;
  return {
    ...c,
    body: { projectId: d.project.id },
    allowed: await s(d.pm),
    outsider: await s(c.other.pm),
    tooLittleRole: await s(d.engineer),
  };
});
securityTests('DELETE /inspection-templates/:id', async () => {
  const c = await templateCase('DELETE', (id) => id);
  return {
    ...c,
    allowed: await s(c.d.pm),
    outsider: await s(c.other.pm),
    tooLittleRole: await s(c.d.engineer),
  };
});

// ── Plans ────────────────────────────────────────────────────────────────────
securityTests('GET /projects/:id/inspection-plans', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'GET',
    url: `/api/v1/projects/${d.project.id}/inspection-plans`,
    allowed: await s(d.engineer),
    outsider: await s(other.pm),
    tooLittleRole: await s(d.fieldEngineer),
    tooLittleRoleStatus: 404, // plans are the provider's internal planning
  };
});
securityTests('POST /projects/:id/inspection-plans', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'POST',
    url: `/api/v1/projects/${d.project.id}/inspection-plans`,
    body: {
      name: '新计划',
      templateIds: ['builtin.network'],
      selection: { mode: 'filter', filter: {} },
      schedule: { kind: 'monthly', day: 1 },
      teamId: d.team.id,
      dueDays: 5,
      startsOn: '2030-01-01',
    },
    allowed: await s(d.lead),
    outsider: await s(other.pm),
    tooLittleRole: await s(d.engineer),
  };
});
for (const [method, body] of [
  ['GET', undefined],
  ['PATCH', { dueDays: 2 }],
  ['DELETE', undefined],
] as const) {
  securityTests(`${method} /inspection-plans/:id`, async () => {
    const { d, other } = await pair();
    return {
      ...base(),
      method,
      url: `/api/v1/inspection-plans/${await planOf(d)}`,
      body,
      allowed: await s(method === 'GET' ? d.agent : d.pm),
      outsider: await s(other.pm),
      ...(method === 'GET' ? {} : { tooLittleRole: await s(d.engineer) }),
    };
  });
}

// ── Tasks ────────────────────────────────────────────────────────────────────
securityTests('GET /inspection-tasks/:id', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'GET',
    url: `/api/v1/inspection-tasks/${await taskOf(d)}`,
    allowed: await s(d.engineer),
    outsider: await s(other.engineer),
    tooLittleRole: await s(d.fieldEngineer), // not assigned to its company: not found
    tooLittleRoleStatus: 404,
  };
});
securityTests('PUT /inspection-tasks/:id/readings', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'PUT',
    url: `/api/v1/inspection-tasks/${await taskOf(d)}/readings`,
    body: { readings: [{ ciId: d.switchA.id, itemKey: 'fans', value: true }] },
    allowed: await s(d.engineer),
    outsider: await s(other.engineer),
    tooLittleRole: await s(d.agent),
  };
});
securityTests('POST /inspection-tasks/:id/submit', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'POST',
    url: `/api/v1/inspection-tasks/${await taskOf(d)}/submit`,
    body: { readings: [{ ciId: d.switchA.id, itemKey: 'fans', value: true }] },
    allowed: await s(d.engineer),
    outsider: await s(other.engineer),
    tooLittleRole: await s(d.agent),
  };
});
securityTests('POST /inspection-tasks/:id/cancel', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'POST',
    url: `/api/v1/inspection-tasks/${await taskOf(d)}/cancel`,
    body: { reason: '设备搬迁' },
    allowed: await s(d.pm),
    outsider: await s(other.pm),
    tooLittleRole: await s(d.engineer),
  };
});

// ── Findings ─────────────────────────────────────────────────────────────────
securityTests('GET /inspection-findings/:id', async () => {
  const { d, other } = await pair();
  return {
    ...base(),
    method: 'GET',
    url: `/api/v1/inspection-findings/${await findingOf(d)}`,
    allowed: await s(d.agent),
    outsider: await s(other.agent),
    tooLittleRole: await s(d.contact),
    tooLittleRoleStatus: 404,
  };
});
for (const [path, body] of [
  ['incident', {}],
  ['work-order', {}],
  ['resolve', { note: '现场已处理' }],
] as const) {
  securityTests(`POST /inspection-findings/:id/${path}`, async () => {
    const { d, other } = await pair();
    return {
      ...base(),
      method: 'POST',
      url: `/api/v1/inspection-findings/${await findingOf(d)}/${path}`,
      body,
      allowed: await s(d.agent),
      outsider: await s(other.agent),
      tooLittleRole: await f.session(await f.admin()), // sees every project, but is no agent (三员)
    };
  });
}

// ── Report ───────────────────────────────────────────────────────────────────
for (const suffix of ['', '.xlsx']) {
  securityTests(`GET /projects/:id/inspection-report${suffix}`, async () => {
    const { d, other } = await pair();
    return {
      ...base(),
      method: 'GET',
      url: `/api/v1/projects/${d.project.id}/inspection-report${suffix}?month=2026-06`,
      allowed: await s(d.contact),
      outsider: await s(other.contact),
      tooLittleRole: await s(d.fieldEngineer),
    };
  });
}

// ── Lists: another tenant's objects are never listed ─────────────────────────
describe('lists stay within scope', () => {
  it.each([
    ['/api/v1/work-orders', 'wo'],
    ['/api/v1/inspection-tasks', 'task'],
    ['/api/v1/inspection-findings', 'finding'],
    ['/api/v1/inspection-templates?limit=200', 'template'],
  ])('%s', async (url, kind) => {
    const { d, other } = await pair();
    const id =
      kind === 'wo'
        ? await woAt(d)
        : kind === 'task'
          ? await taskOf(d)
          : kind === 'finding'
            ? await findingOf(d)
            : await templateOf(d);
    const ids = async (a: Auth) =>
      ((await client(t.app, a).get(url)).json().items as { id: string }[]).map((x) => x.id);
    expect(await ids(await s(d.pm))).toContain(id);
    expect(await ids(await s(other.pm))).not.toContain(id);
    expect((await client(t.app, null).get(url)).statusCode).toBe(401);
  });
});
