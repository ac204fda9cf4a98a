import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { isolatedDatabase } from '../../test/isolated-db.js';
import { securityTests } from '../../test/security.js';
import { TestClock, appOn, serviceTenant } from './lifecycle.test-support.js';

// Templates are global: editing them changes every checklist generated afterwards, so this file
// runs on a database of its own.
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
  clock.set(new Date('2026-03-01T02:00:00Z'));
});
afterAll(async () => {
  await node.close();
  await iso.drop();
});

const t = () => ({ app: node.app, deps: node.deps });
const template = (key: string, over: Record<string, unknown> = {}) => ({
  key,
  phase: 'start',
  title: { 'zh-CN': '安全培训', en: 'Safety training' },
  dueOffsetDays: 14,
  ownerRole: 'technical_lead',
  position: 90,
  ...over,
});

describe('checklist templates as data', () => {
  it('are edited by the admin and shape the checklists generated afterwards', async () => {
    const http = client(node.app, admin);
    const list = (await http.get('/api/v1/checklist-templates')).json().items as {
      key: string;
      phase: string;
    }[];
    expect(list.map((x) => x.phase)).toEqual([
      ...Array(8).fill('start'),
      'implementation',
      'implementation',
      ...Array(5).fill('closing'),
    ]);

    const created = await http.post('/api/v1/checklist-templates', template('start.safety_training'));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      recurrence: 'once',
      category: 'checklist',
      active: true,
      abilities: { update: true },
    });
    const kickoff = (await http.get('/api/v1/checklist-templates'))
      .json()
      .items.find((x: { key: string }) => x.key === 'start.kickoff_meeting');
    expect(
      (
        await http.patch(`/api/v1/checklist-templates/${kickoff.id}`, {
          dueOffsetDays: 7,
          title: { 'zh-CN': '启动会', en: 'Kick-off' },
        })
      ).statusCode,
    ).toBe(200);
    const report = (await http.get('/api/v1/checklist-templates'))
      .json()
      .items.find((x: { key: string }) => x.key === 'implementation.operations_meeting');
    expect((await http.delete(`/api/v1/checklist-templates/${report.id}`)).statusCode).toBe(200);

    const s = await serviceTenant(f);
    const pm = client(node.app, await f.session(s.pm));
    await pm.post(`/api/v1/projects/${s.project.id}/lifecycle/start`, {});
    await pm.post(`/api/v1/projects/${s.project.id}/lifecycle/implement`, {});
    const tasks = (await pm.get(`/api/v1/projects/${s.project.id}/tasks?limit=100`)).json().items as {
      templateKey: string;
      dueDate: string;
      titleText: string;
      owner: { id: string };
    }[];
    expect(tasks.find((x) => x.templateKey === 'start.safety_training')).toMatchObject({
      dueDate: '2026-03-15',
      owner: { id: s.lead.id },
    });
    expect(tasks.find((x) => x.templateKey === 'start.kickoff_meeting')).toMatchObject({
      dueDate: '2026-03-08',
      titleText: '启动会',
    });
    expect(
      tasks.filter((x) => x.templateKey.startsWith('implementation.')).map((x) => x.templateKey),
    ).toEqual(['implementation.monthly_report']);

    const audit = await node.deps.pool.query(
      `SELECT action FROM audit_log WHERE object_type = 'checklist_template' ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'checklist_template.create',
      'checklist_template.update',
      'checklist_template.delete',
    ]);
  });

  it('refuses a template that breaks the lifecycle rules, field by field', async () => {
    const http = client(node.app, admin, 'en');
    const cases: [Record<string, unknown>, string, string][] = [
      [template('x.a', { phase: 'start', recurrence: 'monthly' }), 'recurrence', 'recurrenceForPhase'],
      [template('x.b', { phase: 'closing', dueOffsetDays: -20 }), 'dueOffsetDays', 'offsetRange'],
      [template('x.c', { phase: 'implementation', dueOffsetDays: 40 }), 'dueOffsetDays', 'offsetRange'],
      [template('x.d', { ownerRole: 'customer_approver' }), 'ownerRole', 'invalid_value'],
      [template('start.form_team'), 'key', 'unique'],
      [template('x.e', { title: { 'zh-CN': '只有中文' } }), 'title.en', 'invalid_type'],
    ];
    for (const [body, path, code] of cases) {
      const res = await http.post('/api/v1/checklist-templates', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.fields[0]).toMatchObject({ path, code });
    }
    const offset = await http.post(
      '/api/v1/checklist-templates',
      template('x.f', { phase: 'closing', dueOffsetDays: -20 }),
    );
    expect(offset.json().error.details.fields[0].message).toBe(
      'The number of days must be between -14 and 30',
    );
  });
});

securityTests('GET /checklist-templates', async () => {
  const s = await serviceTenant(f);
  return {
    ...t(),
    f,
    method: 'GET',
    url: '/api/v1/checklist-templates',
    allowed: await f.session(s.engineer),
    tooLittleRole: await f.session(s.approver),
  };
});
securityTests('POST /checklist-templates', async () => ({
  ...t(),
  f,
  method: 'POST',
  url: '/api/v1/checklist-templates',
  body: template(`sec.${Date.now()}`, { active: false }),
  allowed: admin,
  allowedStatus: 201,
  tooLittleRole: await f.session(await f.user()),
}));
securityTests('PATCH /checklist-templates/:id', async () => {
  const created = (
    await client(node.app, admin).post(
      '/api/v1/checklist-templates',
      template(`sec.p.${Date.now()}`, { active: false }),
    )
  ).json();
  const s = await serviceTenant(f);
  return {
    ...t(),
    f,
    method: 'PATCH',
    url: `/api/v1/checklist-templates/${created.id}`,
    body: { dueOffsetDays: 10 },
    allowed: admin,
    outsider: await f.session(s.requester),
    tooLittleRole: await f.session(s.pm),
  };
});
securityTests('DELETE /checklist-templates/:id', async () => {
  const created = (
    await client(node.app, admin).post(
      '/api/v1/checklist-templates',
      template(`sec.d.${Date.now()}`, { active: false }),
    )
  ).json();
  const s = await serviceTenant(f);
  return {
    ...t(),
    f,
    method: 'DELETE',
    url: `/api/v1/checklist-templates/${created.id}`,
    allowed: admin,
    outsider: await f.session(s.fieldEngineer),
    tooLittleRole: await f.session(s.pm),
  };
});
