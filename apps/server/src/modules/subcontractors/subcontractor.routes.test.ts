import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';

let t: TestApp;
let f: Factories;
let admin: Auth;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  admin = await f.session(await f.admin());
});

const ids = (page: { items: { id: string }[] }) => page.items.map((x) => x.id);

describe('subcontractors', () => {
  it('creates, reads, lists, updates and deletes a subcontractor, auditing each write', async () => {
    const http = client(t.app, admin);
    const name = `网络工程公司-${Date.now()}`;
    const creditCode = `91330100${Date.now()}`;
    const created = await http.post('/api/v1/subcontractors', {
      name,
      creditCode,
      contactName: '王工',
      email: 'wang@example.com',
      phone: '13800000000',
    });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({
      name,
      creditCode,
      contactName: '王工',
      email: 'wang@example.com',
      qualifications: null,
      abilities: { update: true, delete: true },
    });

    expect((await http.get(`/api/v1/subcontractors/${s.id}`)).json().name).toBe(name);
    const list = (await http.get(`/api/v1/subcontractors?q=${encodeURIComponent(name)}`)).json();
    expect(ids(list)).toEqual([s.id]);
    expect(list.total).toBe(1);
    expect(ids((await http.get(`/api/v1/subcontractors?q=${creditCode}`)).json())).toEqual([s.id]);

    const updated = await http.patch(`/api/v1/subcontractors/${s.id}`, {
      qualifications: '电子与智能化工程专业承包二级',
      email: '',
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      qualifications: '电子与智能化工程专业承包二级',
      email: null,
      name,
      creditCode,
      contactName: '王工',
    });

    expect((await http.delete(`/api/v1/subcontractors/${s.id}`)).statusCode).toBe(200);
    expect((await http.get(`/api/v1/subcontractors/${s.id}`)).statusCode).toBe(404);

    const audit = await t.deps.pool.query(
      `SELECT action, changes FROM audit_log WHERE object_id = $1 ORDER BY id`,
      [s.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'subcontractor.create',
      'subcontractor.update',
      'subcontractor.delete',
    ]);
    expect(audit.rows[1].changes).toEqual({
      qualifications: { before: null, after: '电子与智能化工程专业承包二级' },
      email: { before: 'wang@example.com', after: null },
    });
  });

  it('rejects bad input with field-level messages, storing nothing', async () => {
    const name = `坏输入-${Date.now()}`;
    const res = await client(t.app, admin, 'zh-CN').post('/api/v1/subcontractors', {
      name,
      email: 'not-mail',
      phone: 'abc',
      rating: 5,
    });
    expect(res.statusCode).toBe(400);
    const byPath = Object.fromEntries(
      res.json().error.details.fields.map((x: { path: string; message: string }) => [x.path, x.message]),
    );
    expect(Object.keys(byPath).sort()).toEqual(['email', 'phone', 'rating']);
    expect(byPath.rating).toBe('不允许的字段');
    expect(byPath.phone).toContain('电话号码');
    const stored = await t.deps.pool.query(`SELECT 1 FROM subcontractors WHERE name = $1`, [name]);
    expect(stored.rowCount).toBe(0);

    const empty = await client(t.app, admin, 'en').patch(
      `/api/v1/subcontractors/${(await f.subcontractor()).id}`,
      { name: '  ' },
    );
    expect(empty.json().error.details.fields).toEqual([
      { path: 'name', code: 'too_small', message: 'At least 1 characters' },
    ]);
    expect((await client(t.app, admin).get('/api/v1/subcontractors/not-a-uuid')).statusCode).toBe(400);
  });

  it('reports a duplicate name or credit code on its field', async () => {
    const existing = await f.subcontractor({ creditCode: `CC-${Date.now()}` });
    const http = client(t.app, admin);
    const byName = await http.post('/api/v1/subcontractors', { name: existing.name });
    expect(byName.statusCode).toBe(400);
    expect(byName.json().error.details.fields[0]).toMatchObject({ path: 'name', code: 'unique' });
    const byCode = await http.post('/api/v1/subcontractors', {
      name: `另一家-${Date.now()}`,
      creditCode: existing.creditCode,
    });
    expect(byCode.json().error.details.fields[0]).toMatchObject({ path: 'creditCode', code: 'unique' });
  });

  it('refuses to delete a subcontractor engaged on a project or with users (409 IN_USE)', async () => {
    const engaged = await f.subcontractor();
    await f.engage((await f.project()).id, engaged.id);
    const staffed = await f.subcontractor();
    await f.subStaff(staffed.id);
    const http = client(t.app, admin);
    for (const s of [engaged, staffed]) {
      const res = await http.delete(`/api/v1/subcontractors/${s.id}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('IN_USE');
      expect((await http.get(`/api/v1/subcontractors/${s.id}`)).statusCode).toBe(200);
    }
  });

  it('shows staff every subcontractor, subcontractor staff only their own, customer contacts none', async () => {
    const a = await f.tenant();
    const b = await f.tenant();
    const both = [a.subcontractor.id, b.subcontractor.id];

    const plainStaff = client(t.app, await f.session(await f.user()));
    expect(ids((await plainStaff.get('/api/v1/subcontractors?limit=200&sort=-createdAt')).json())).toEqual(
      expect.arrayContaining(both),
    );
    expect((await plainStaff.get(`/api/v1/subcontractors/${b.subcontractor.id}`)).json().abilities).toEqual({
      update: false,
      delete: false,
    });

    const sub = client(t.app, await f.session(a.fieldEngineer));
    const own = (await sub.get('/api/v1/subcontractors?limit=200')).json();
    expect(ids(own)).toEqual([a.subcontractor.id]);
    expect(own.total).toBe(1);
    expect((await sub.get(`/api/v1/subcontractors/${b.subcontractor.id}`)).statusCode).toBe(404);

    const contact = client(t.app, await f.session(a.contact));
    expect((await contact.get('/api/v1/subcontractors')).json()).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
    });
    expect((await contact.get(`/api/v1/subcontractors/${a.subcontractor.id}`)).statusCode).toBe(404);
  });

  it('pages through subcontractors with a keyset cursor, without repeats', async () => {
    const prefix = `分页-${Date.now()}-`;
    for (let i = 0; i < 5; i++) await f.subcontractor({ name: `${prefix}${i}` });
    const http = client(t.app, admin);
    for (const [sort, expected] of [
      ['name', [0, 1, 2, 3, 4]],
      ['-name', [4, 3, 2, 1, 0]],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/subcontractors?limit=2&sort=${sort}&q=${encodeURIComponent(prefix)}${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await http.get(url)).json();
        expect(page.total).toBe(5);
        seen.push(...page.items.map((x: { name: string }) => x.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected.map((i) => `${prefix}${i}`));
    }
    const bad = await http.get('/api/v1/subcontractors?sort=creditCode');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].path).toBe('sort');
  });
});

securityTests('GET /subcontractors/:id', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/subcontractors/${a.subcontractor.id}`,
    allowed: await f.session(a.fieldEngineer),
    outsider: await f.session(b.fieldEngineer),
  };
});

securityTests('GET /subcontractors', async () => {
  const a = await f.tenant();
  return { ...t, f, method: 'GET', url: '/api/v1/subcontractors', allowed: await f.session(a.fieldEngineer) };
});

securityTests('POST /subcontractors', async () => {
  const a = await f.tenant();
  return {
    ...t,
    f,
    method: 'POST',
    url: '/api/v1/subcontractors',
    body: { name: `新分包商-${Date.now()}` },
    allowed: admin,
    tooLittleRole: await f.session(a.pm),
  };
});

securityTests('PATCH /subcontractors/:id', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'PATCH',
    url: `/api/v1/subcontractors/${a.subcontractor.id}`,
    body: { notes: '更新' },
    allowed: admin,
    outsider: await f.session(b.fieldEngineer),
    tooLittleRole: await f.session(a.fieldEngineer),
  };
});

securityTests('DELETE /subcontractors/:id', async () => {
  const subcontractor = await f.subcontractor();
  const other = await f.tenant();
  return {
    ...t,
    f,
    method: 'DELETE',
    url: `/api/v1/subcontractors/${subcontractor.id}`,
    allowed: admin,
    outsider: await f.session(other.contact),
    tooLittleRole: await f.session(other.pm),
  };
});
