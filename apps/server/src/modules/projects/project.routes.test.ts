import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromPgError } from '../../http/pg-errors.js';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import './project.repository.js'; // registers the constraint → field names the backstop test relies on

let t: TestApp;
let f: Factories;
let admin: Auth;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  admin = await f.session(await f.admin());
});

const tag = () => randomBytes(4).toString('hex');
const ids = (page: { items: { id: string }[] }) => page.items.map((x) => x.id);
const fieldOf = (body: { error: { details: { fields: { path: string; code: string }[] } } }) =>
  body.error.details.fields[0];

describe('projects', () => {
  it('creates, reads, lists, updates and deletes a project, auditing each write', async () => {
    const http = client(t.app, admin);
    const customer = await f.customer();
    const code = `SVC-${tag()}`;
    const created = await http.post('/api/v1/projects', {
      code,
      name: '城市交通信号运维',
      customerId: customer.id,
      startDate: '2026-01-01',
      region: '华东',
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({
      code,
      customerId: customer.id,
      customerName: customer.name,
      status: 'planned',
      startDate: '2026-01-01',
      endDate: null,
      abilities: { update: true, delete: true, manageMembers: true, manageSubcontractors: true },
    });

    expect((await http.get(`/api/v1/projects/${p.id}`)).json().name).toBe('城市交通信号运维');
    const list = (await http.get(`/api/v1/projects?q=${code}`)).json();
    expect(ids(list)).toEqual([p.id]);
    expect(list.total).toBe(1);

    const updated = await http.patch(`/api/v1/projects/${p.id}`, {
      status: 'active',
      endDate: '2026-12-31',
      region: null,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      status: 'active',
      endDate: '2026-12-31',
      region: null,
      customerName: customer.name,
    });

    expect((await http.delete(`/api/v1/projects/${p.id}`)).statusCode).toBe(200);
    expect((await http.get(`/api/v1/projects/${p.id}`)).statusCode).toBe(404);

    const audit = await t.deps.pool.query(
      `SELECT action, changes, detail FROM audit_log WHERE object_id = $1 ORDER BY id`,
      [p.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['project.create', 'project.update', 'project.delete']);
    expect(audit.rows[1].changes).toEqual({
      status: { before: 'planned', after: 'active' },
      endDate: { before: null, after: '2026-12-31' },
      region: { before: '华东', after: null },
    });
    expect(audit.rows[2].detail).toEqual({ removedMembers: 0, removedSubcontractors: 0 });
  });

  it('reports a customer that does not exist on customerId, and a taken code on code', async () => {
    const http = client(t.app, admin);
    const res = await http.post('/api/v1/projects', {
      code: `X-${tag()}`,
      name: '无客户',
      customerId: '0190a000-0000-7000-8000-000000000000',
    });
    expect(res.statusCode).toBe(400);
    expect(fieldOf(res.json())).toMatchObject({ path: 'customerId', code: 'unknownReference' });

    const existing = await f.project();
    const dup = await http.post('/api/v1/projects', {
      code: existing.code,
      name: '重复',
      customerId: existing.customerId,
    });
    expect(dup.statusCode).toBe(400);
    expect(fieldOf(dup.json())).toMatchObject({ path: 'code', code: 'unique' });
  });

  it('refuses an end date before the start date, whether sent together or against the stored start', async () => {
    const http = client(t.app, admin, 'en');
    const customer = await f.customer();
    const both = await http.post('/api/v1/projects', {
      code: `D-${tag()}`,
      name: '日期',
      customerId: customer.id,
      startDate: '2026-06-01',
      endDate: '2026-05-31',
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.details.fields).toEqual([
      { path: 'endDate', code: 'endBeforeStart', message: 'The end date cannot be before the start date' },
    ]);

    const p = await f.project({ customerId: customer.id, startDate: '2026-06-01' });
    const one = await http.patch(`/api/v1/projects/${p.id}`, { endDate: '2026-01-01' });
    expect(one.statusCode).toBe(400);
    expect(fieldOf(one.json())).toMatchObject({ path: 'endDate', code: 'endBeforeStart' });
    const later = await http.patch(`/api/v1/projects/${p.id}`, { startDate: null, endDate: '2026-01-01' });
    expect(later.statusCode, later.body).toBe(200);

    // The database check is the backstop, and reports on endDate too.
    const err = await t.deps.pool
      .query(`UPDATE projects SET start_date = '2026-02-01' WHERE id = $1`, [p.id])
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(fromPgError(err)?.fields).toEqual([{ path: 'endDate', rule: 'rule.invalidValue' }]);
  });

  it('lets the project manager and project lead update, not an engineer or a contact', async () => {
    const a = await f.tenant();
    const lead = await f.user();
    await f.member(a.project.id, lead.id, 'project_lead');
    for (const [user, status] of [
      [a.pm, 200],
      [lead, 200],
      [a.engineer, 403],
      [a.contact, 403],
    ] as const) {
      const res = await client(t.app, await f.session(user)).patch(`/api/v1/projects/${a.project.id}`, {
        description: `by ${user.id}`,
      });
      expect(res.statusCode, res.body).toBe(status);
    }
    const pmView = (
      await client(t.app, await f.session(a.pm)).get(`/api/v1/projects/${a.project.id}`)
    ).json();
    expect(pmView.abilities).toEqual({
      update: true,
      delete: false,
      manageMembers: true,
      manageSubcontractors: true,
      cmdbCreate: true,
      cmdbImport: true,
    });
  });

  it('deletes a project with its team, and refuses one that something else refers to (409 IN_USE)', async () => {
    const a = await f.tenant();
    const http = client(t.app, admin);
    const schema = `test_refs_${tag()}`;
    await t.deps.pool.query(
      `CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.refs (project_id uuid REFERENCES projects (id))`,
    );
    try {
      await t.deps.pool.query(`INSERT INTO ${schema}.refs VALUES ($1)`, [a.project.id]);
      const refused = await http.delete(`/api/v1/projects/${a.project.id}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('IN_USE');
      expect((await http.get(`/api/v1/projects/${a.project.id}`)).statusCode).toBe(200);
    } finally {
      await t.deps.pool.query(`DROP SCHEMA ${schema} CASCADE`);
    }
    expect((await http.delete(`/api/v1/projects/${a.project.id}`)).statusCode).toBe(200);
    const members = await t.deps.pool.query(`SELECT 1 FROM project_members WHERE project_id = $1`, [
      a.project.id,
    ]);
    expect(members.rowCount).toBe(0);
    const audit = await t.deps.pool.query(
      `SELECT detail FROM audit_log WHERE object_id = $1 AND action = 'project.delete'`,
      [a.project.id],
    );
    expect(audit.rows.map((r) => r.detail)).toEqual([{ removedMembers: 3, removedSubcontractors: 1 }]);
  });
});

securityTests('POST /projects', async () => {
  const a = await f.tenant();
  return {
    ...t,
    f,
    method: 'POST',
    url: '/api/v1/projects',
    body: { code: `NEW-${tag()}`, name: '新项目', customerId: a.customer.id },
    allowed: admin,
    allowedStatus: 201,
    tooLittleRole: await f.session(a.pm),
  };
});

securityTests('PATCH /projects/:id', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'PATCH',
    url: `/api/v1/projects/${a.project.id}`,
    body: { description: '更新' },
    allowed: await f.session(a.pm),
    outsider: await f.session(b.pm),
    tooLittleRole: await f.session(a.engineer),
  };
});

securityTests('DELETE /projects/:id', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'DELETE',
    url: `/api/v1/projects/${a.project.id}`,
    allowed: admin,
    outsider: await f.session(b.pm),
    tooLittleRole: await f.session(a.pm),
  };
});
