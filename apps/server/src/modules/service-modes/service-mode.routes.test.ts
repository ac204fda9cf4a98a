import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST_TEMPLATES, DEFAULT_SERVICE_MODE_RULES } from '@opsdesk/domain';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { isolatedDatabase } from '../../test/isolated-db.js';
import { securityTests } from '../../test/security.js';
import { TestClock, appOn, serviceTenant } from '../lifecycle/lifecycle.test-support.js';
import { loadTemplates } from '../lifecycle/task-generation.js';
import { loadRules } from './service-mode.repository.js';

// The rules are global data: editing them here must not change suggestions other test files see,
// so this file runs on a database of its own.
let iso: Awaited<ReturnType<typeof isolatedDatabase>>;
let node: Awaited<ReturnType<typeof appOn>>;
let f: Factories;
let admin: Auth;
const clock = new TestClock();

beforeAll(async () => {
  iso = await isolatedDatabase();
  node = await appOn(iso.url, clock.now);
  f = factories(node.deps);
  admin = await f.session(await f.admin());
});
afterAll(async () => {
  await node.close();
  await iso.drop();
});

const t = () => ({ app: node.app, deps: node.deps });
const M = 1_000_000;
const rule = (key: string, over: Record<string, unknown> = {}) => ({
  key,
  mode: 'remote',
  variant: 'technical_support',
  when: [{ fact: 'businessLine', op: 'in', values: ['other'] }],
  reason: { 'zh-CN': '测试规则', en: 'A test rule' },
  implies: DEFAULT_SERVICE_MODE_RULES[1]!.implies,
  ...over,
});

describe('service-mode rules as data', () => {
  it('ship as the rules of service-modes.md, and the checklist templates as the domain defaults', async () => {
    expect(await loadRules(node.deps.db)).toEqual(DEFAULT_SERVICE_MODE_RULES);
    const templates = await loadTemplates(node.deps.db);
    const byKey = (x: { key: string }, y: { key: string }) => x.key.localeCompare(y.key);
    expect([...templates].sort(byKey)).toEqual([...DEFAULT_CHECKLIST_TEMPLATES].sort(byKey));
    const list = (
      await client(node.app, await f.session(await f.user())).get('/api/v1/service-mode-rules')
    ).json();
    expect(list.items.map((r: { key: string }) => r.key)).toEqual(
      DEFAULT_SERVICE_MODE_RULES.map((r) => r.key),
    );
    expect(list.items[0].abilities).toEqual({ update: false, delete: false });
  });

  it('are added, moved, edited and removed by the admin, each change audited, the list always valid', async () => {
    const http = client(node.app, admin);
    const a = await http.post('/api/v1/service-mode-rules', rule('test_a'));
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ key: 'test_a', position: 100, abilities: { update: true } });
    const b = (await http.post('/api/v1/service-mode-rules', rule('test_b', { when: [] }))).json();
    expect(b.position).toBe(110);

    // A catch-all in front of another rule would hide it: refused, nothing changes.
    const hide = await http.patch(`/api/v1/service-mode-rules/${b.id}`, { position: 9 });
    expect(hide.statusCode).toBe(400);
    expect(hide.json().error.details.fields[0]).toMatchObject({ path: 'position', code: 'modeRuleShadowed' });
    const edited = await http.patch(`/api/v1/service-mode-rules/${a.json().id}`, {
      when: [{ fact: 'contractValue', op: 'gte', value: 100 * M }],
      reason: { 'zh-CN': '超大项目', en: 'Very large project' },
    });
    expect(edited.json()).toMatchObject({
      when: [{ fact: 'contractValue', op: 'gte', value: 100 * M }],
      reason: { en: 'Very large project' },
    });

    expect((await http.delete(`/api/v1/service-mode-rules/${a.json().id}`)).statusCode).toBe(200);
    expect((await http.delete(`/api/v1/service-mode-rules/${b.id}`)).statusCode).toBe(200);
    expect(await loadRules(node.deps.db)).toEqual(DEFAULT_SERVICE_MODE_RULES);
    const audit = await node.deps.pool.query(
      `SELECT action FROM audit_log WHERE object_id IN ($1, $2) ORDER BY id`,
      [a.json().id, b.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'service_mode_rule.create',
      'service_mode_rule.create',
      'service_mode_rule.update',
      'service_mode_rule.delete',
      'service_mode_rule.delete',
    ]);
  });

  it('refuses a bad rule field by field: unknown mode, a variant of the other mode, a duplicate key, a negative threshold', async () => {
    const http = client(node.app, admin);
    const cases: [Record<string, unknown>, string, string][] = [
      [rule('x1', { mode: 'hybrid' }), 'mode', 'invalid_value'],
      [rule('x2', { mode: 'remote', variant: 'business_support' }), 'variant', 'variantNotOfMode'],
      [rule('reseller'), 'key', 'unique'],
      [rule('x3', { when: [{ fact: 'contractValue', op: 'gt', value: -1 }] }), 'when.0.value', 'too_small'],
      [rule('x4', { when: [{ fact: 'colour', op: 'is', value: true }] }), 'when.0.fact', 'invalid_union'],
      [rule('x5', { implies: { customerManager: true } }), 'implies.subcontractor', 'invalid_type'],
    ];
    for (const [body, path, code] of cases) {
      const res = await http.post('/api/v1/service-mode-rules', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        res.json().error.details.fields.map((x: { path: string; code: string }) => [x.path, x.code]),
      ).toContainEqual([path, code]);
    }
    expect(await loadRules(node.deps.db)).toEqual(DEFAULT_SERVICE_MODE_RULES);
  });

  it('keep at least one rule', async () => {
    const iso2 = await isolatedDatabase();
    const n2 = await appOn(iso2.url, clock.now);
    try {
      await n2.deps.pool.query(`DELETE FROM service_mode_rules WHERE key <> 'reseller'`);
      const f2 = factories(n2.deps);
      const [{ id }] = (await n2.deps.pool.query(`SELECT id FROM service_mode_rules`)).rows;
      const res = await client(n2.app, await f2.session(await f2.admin())).delete(
        `/api/v1/service-mode-rules/${id}`,
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields[0].code).toBe('noModeRules');
    } finally {
      await n2.close();
      await iso2.drop();
    }
  });
});

describe('the mode suggestion for a project', () => {
  it.each<[string, Record<string, unknown>, string, string, string]>([
    [
      '城交 35 M built by us',
      {},
      'on_site',
      'business_support',
      '城交大项目，项目建设额度超过3000万元：驻场业务支撑，配置专职客户经理和分包商',
    ],
    [
      'software',
      { businessLine: 'software', contractValue: '1200000.00' },
      'on_site',
      'technical_support',
      '侧重于软件的项目：驻场技术保障，由现场客户经理提供技术支持，不配置分包商',
    ],
    [
      'third-party equipment',
      { businessLine: 'other', contractValue: '2800000.00', deliveryType: 'third_party' },
      'on_site',
      'service_provision',
      '设备非我司设备：驻场服务提供，只负责巡检和维护，不提供备件和设备维修费',
    ],
    [
      'not renewed',
      { renewalStatus: 'not_renewed' },
      'remote',
      'technical_support',
      '不再续保的项目：远端技术保障，仅提供技术支持和故障件维修',
    ],
  ])('explains its suggestion: %s', async (_n, over, mode, variant, reason) => {
    const s = await serviceTenant(f, over as never);
    const res = await client(node.app, await f.session(s.pm)).get(
      `/api/v1/projects/${s.project.id}/mode-suggestion`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().suggestion).toMatchObject({
      mode,
      variant,
      reasonText: reason,
      reason: { 'zh-CN': reason },
    });
    expect(res.json().assumed).toEqual([]);
  });

  it('says which facts it assumed, in English for an English caller', async () => {
    const s = await serviceTenant(f, {
      businessLine: null,
      contractValue: null,
      deliveryType: null,
      warrantyEnd: null,
    });
    const res = (
      await client(node.app, await f.session(s.pm), 'en').get(
        `/api/v1/projects/${s.project.id}/mode-suggestion`,
      )
    ).json();
    expect(res.assumed).toEqual(['businessLine', 'contractValue', 'inWarranty', 'equipmentOurs']);
    expect(res.suggestion).toMatchObject({
      variant: 'service_provision',
      reasonText: expect.stringContaining('out of warranty'),
    });
  });
});

securityTests('GET /service-mode-rules', async () => {
  const s = await serviceTenant(f);
  return {
    ...t(),
    f,
    method: 'GET',
    url: '/api/v1/service-mode-rules',
    allowed: await f.session(s.engineer),
    tooLittleRole: await f.session(s.requester),
  };
});

securityTests('POST /service-mode-rules', async () => ({
  ...t(),
  f,
  method: 'POST',
  url: '/api/v1/service-mode-rules',
  body: rule(`sec_${Date.now()}`),
  allowed: admin,
  allowedStatus: 201,
  tooLittleRole: await f.session(await f.user()),
}));

securityTests('PATCH /service-mode-rules/:id', async () => {
  const created = (
    await client(node.app, admin).post('/api/v1/service-mode-rules', rule(`sec_p_${Date.now()}`))
  ).json();
  return {
    ...t(),
    f,
    method: 'PATCH',
    url: `/api/v1/service-mode-rules/${created.id}`,
    body: { reason: { 'zh-CN': '改', en: 'Edited' } },
    allowed: admin,
    tooLittleRole: await f.session(await f.user()),
  };
});

securityTests('DELETE /service-mode-rules/:id', async () => {
  const created = (
    await client(node.app, admin).post('/api/v1/service-mode-rules', rule(`sec_d_${Date.now()}`))
  ).json();
  const s = await serviceTenant(f);
  return {
    ...t(),
    f,
    method: 'DELETE',
    url: `/api/v1/service-mode-rules/${created.id}`,
    allowed: admin,
    outsider: await f.session(s.requester),
    tooLittleRole: await f.session(s.pm),
  };
});

securityTests('GET /projects/:id/mode-suggestion', async () => {
  const s = await serviceTenant(f);
  const o = await serviceTenant(f);
  return {
    ...t(),
    f,
    method: 'GET',
    url: `/api/v1/projects/${s.project.id}/mode-suggestion`,
    allowed: await f.session(s.regionalManager),
    outsider: await f.session(o.pm),
    tooLittleRole: await f.session(s.approver),
  };
});
