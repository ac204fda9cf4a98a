import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { BUILT_IN_TEMPLATES } from '@opsdesk/domain';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { fieldTenant } from './field-work.test-support.js';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
});

const item = (key: string, max: number) => ({
  key,
  ciTypeKey: 'switch',
  title: { 'zh-CN': `端口 ${key}`, en: `Port ${key}` },
  method: { 'zh-CN': '查看', en: 'Look' },
  reading: { type: 'number', unit: '%', min: 0, max },
  severity: 'minor',
});

describe('built-in templates are data', () => {
  it('migration 0400 seeded every built-in template exactly as the domain defines it, and versions are frozen', async () => {
    const { rows } = await t.deps.pool.query(
      `SELECT t.id, t.built_in, t.current_version, v.version, v.name, v.items, v.auto_incident_severities
       FROM inspection_templates t JOIN inspection_template_versions v ON v.template_id = t.id WHERE t.built_in ORDER BY t.id`,
    );
    const expected = [...BUILT_IN_TEMPLATES].sort((a, b) => a.id.localeCompare(b.id));
    expect(
      rows.map((r) => ({
        id: r.id,
        version: r.version,
        name: r.name,
        items: r.items,
        autoIncidentSeverities: r.auto_incident_severities,
      })),
    ).toEqual(JSON.parse(JSON.stringify(expected)));
    await expect(
      t.deps.pool.query(
        `UPDATE inspection_template_versions SET items = '[]' WHERE template_id = 'builtin.server'`,
      ),
    ).rejects.toThrow(/frozen/);
  });

  it('lists them to every signed-in user; nobody revises one, anyone on staff copies it', async () => {
    const d = await fieldTenant(t.deps, f);
    const engineer = client(t.app, await f.session(d.engineer));
    const page = await engineer.get('/api/v1/inspection-templates?limit=200&ciTypeKey=signal_controller');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items).toEqual([
      expect.objectContaining({
        id: 'builtin.signal_controller',
        builtIn: true,
        abilities: { update: false, copy: true },
      }),
    ]);
    const admin = client(t.app, await f.session(await f.admin()));
    const revise = await admin.put('/api/v1/inspection-templates/builtin.server', {
      name: { 'zh-CN': '改', en: 'x' },
    });
    expect(revise.statusCode).toBe(403);
    const pm = client(t.app, await f.session(d.pm));
    const copy = await pm.post('/api/v1/inspection-templates/builtin.network/copy', {
      projectId: d.project.id,
    });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({
      version: 1,
      projectId: d.project.id,
      builtIn: false,
      copiedFrom: 'builtin.network',
      name: { 'zh-CN': '网络及安全设备巡检（副本）' },
      abilities: { update: true },
    });
    expect(copy.json().items).toEqual(
      JSON.parse(JSON.stringify(BUILT_IN_TEMPLATES.find((x) => x.id === 'builtin.network')!.items)),
    );
  });
});

describe('template versions', () => {
  it('a revision makes a new version and leaves the old one as it was; an unchanged form makes none', async () => {
    const d = await fieldTenant(t.deps, f);
    const pm = client(t.app, await f.session(d.pm));
    const created = await pm.post('/api/v1/inspection-templates', {
      projectId: d.project.id,
      name: { 'zh-CN': '交换机端口', en: 'Switch ports' },
      items: [item('util', 80)],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ version: 1, autoIncidentSeverities: ['major', 'critical'] });

    const revised = await pm.put(`/api/v1/inspection-templates/${id}`, {
      items: [item('util', 70), item('errors', 5)],
    });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json()).toMatchObject({
      version: 2,
      itemCount: 2,
      versions: [{ version: 1 }, { version: 2 }],
    });
    const v1 = await pm.get(`/api/v1/inspection-templates/${id}/versions/1`);
    expect(v1.json()).toMatchObject({ version: 1, items: [{ key: 'util', reading: { max: 80 } }] });

    const same = await pm.put(`/api/v1/inspection-templates/${id}`, {
      items: [item('util', 70), item('errors', 5)],
    });
    expect(same.json().version).toBe(2);
    const audits = await t.deps.db.execute(
      sql`SELECT action, detail->'diff'->'changed' AS changed FROM audit_log WHERE object_id = ${id} ORDER BY id`,
    );
    expect(audits.rows).toEqual([
      { action: 'inspection_template.create', changed: null },
      { action: 'inspection_template.revise', changed: [{ ciTypeKey: 'switch', key: 'util' }] },
    ]);
  });

  it('names every problem of a template at its field; an engineer may not create one; the admin makes global ones', async () => {
    const d = await fieldTenant(t.deps, f);
    const pm = client(t.app, await f.session(d.pm));
    const bad = await pm.post('/api/v1/inspection-templates', {
      projectId: d.project.id,
      name: { 'zh-CN': '', en: 'x' },
      items: [
        { ...item('util', 80), reading: { type: 'number', unit: '%', min: 90, max: 80 } },
        { ...item('util', 80) },
        { ...item('Bad Key', 1), ciTypeKey: 'spaceship' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad.json().error.details.fields.map((x: { path: string; code: string }) => `${x.path}:${x.code}`),
    ).toEqual([
      'name.zh-CN:inspection.template.required',
      'items.0.reading.min:inspection.template.min_above_max',
      'items.1.key:inspection.template.duplicate_key',
      'items.2.key:inspection.template.invalid_key',
      'items.2.ciTypeKey:inspection.template.unknown_ci_type',
    ]);
    const engineer = client(t.app, await f.session(d.engineer));
    const denied = await engineer.post('/api/v1/inspection-templates', {
      projectId: d.project.id,
      name: { 'zh-CN': '端口', en: 'Ports' },
      items: [item('util', 80)],
    });
    expect(denied.statusCode).toBe(403);
    const global = await pm.post('/api/v1/inspection-templates', {
      name: { 'zh-CN': '端口', en: 'Ports' },
      items: [item('util', 80)],
    });
    expect(global.statusCode).toBe(403);
    const admin = client(t.app, await f.session(await f.admin()));
    const made = await admin.post('/api/v1/inspection-templates', {
      name: { 'zh-CN': '端口', en: 'Ports' },
      items: [item('util', 80)],
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().projectId).toBeNull();
  });

  it('a template an active plan uses cannot be archived; another project’s template is not found', async () => {
    const d = await fieldTenant(t.deps, f);
    const other = await fieldTenant(t.deps, f);
    const pm = client(t.app, await f.session(d.pm));
    const created = (
      await pm.post('/api/v1/inspection-templates', {
        projectId: d.project.id,
        name: { 'zh-CN': '交换机端口', en: 'Switch ports' },
        items: [item('util', 80)],
      })
    ).json();
    const plan = await pm.post(`/api/v1/projects/${d.project.id}/inspection-plans`, {
      name: '端口巡检',
      templateIds: [created.id],
      selection: { mode: 'filter', filter: {} },
      schedule: { kind: 'monthly', day: 28 },
      assigneeId: d.engineer.id,
      dueDays: 3,
      startsOn: '2030-01-01',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    expect((await pm.delete(`/api/v1/inspection-templates/${created.id}`)).statusCode).toBe(409);
    const outsider = client(t.app, await f.session(other.pm));
    expect((await outsider.get(`/api/v1/inspection-templates/${created.id}`)).statusCode).toBe(404);
    expect((await pm.delete(`/api/v1/inspection-plans/${plan.json().id}`)).statusCode).toBe(200);
    expect((await pm.delete(`/api/v1/inspection-templates/${created.id}`)).statusCode).toBe(200);
    expect((await pm.get(`/api/v1/inspection-templates/${created.id}`)).json().archived).toBe(true);
  });

  it('a revision may not give a plan two checklists for one CI type; odd tags in a filter are just text', async () => {
    const d = await fieldTenant(t.deps, f);
    const pm = client(t.app, await f.session(d.pm));
    const id = (
      await pm.post('/api/v1/inspection-templates', {
        projectId: d.project.id,
        name: { 'zh-CN': '交换机端口', en: 'Switch ports' },
        items: [item('util', 80)],
      })
    ).json().id;
    const plan = await pm.post(`/api/v1/projects/${d.project.id}/inspection-plans`, {
      name: '机房巡检',
      templateIds: [id, 'builtin.server'],
      selection: { mode: 'filter', filter: { tags: ['a"b\\c', '{x}'] } },
      schedule: { kind: 'weekly', weekday: 1 },
      assigneeId: d.engineer.id,
      dueDays: 2,
      startsOn: '2026-01-05',
      endsOn: '2026-01-11',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    expect(plan.json().lastTask).toBeNull(); // no CI carries those tags: the week owes no task
    const clash = await pm.put(`/api/v1/inspection-templates/${id}`, {
      items: [item('util', 80), { ...item('cpu', 80), ciTypeKey: 'physical_server' }],
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error.details.fields).toEqual([
      expect.objectContaining({ path: 'items', code: 'inspection.template.overlapsPlan' }),
    ]);
    expect((await pm.get(`/api/v1/inspection-templates/${id}`)).json().version).toBe(1);
  });
});
