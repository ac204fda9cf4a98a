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

describe('customers', () => {
  it('creates, reads, lists, updates and deletes a customer, auditing each write', async () => {
    const http = client(t.app, admin);
    const name = `市交通局-${Date.now()}`;
    const created = await http.post('/api/v1/customers', {
      name,
      shortName: '交通局',
      phone: '0571-12345678',
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({
      name,
      shortName: '交通局',
      phone: '0571-12345678',
      abilities: { update: true, delete: true },
    });

    expect((await http.get(`/api/v1/customers/${c.id}`)).json().name).toBe(name);
    const list = (await http.get(`/api/v1/customers?q=${encodeURIComponent(name)}`)).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(list.total).toBe(1);

    const updated = await http.patch(`/api/v1/customers/${c.id}`, { industry: '交通', shortName: null });
    expect(updated.json()).toMatchObject({ industry: '交通', shortName: null, name });

    expect((await http.delete(`/api/v1/customers/${c.id}`)).statusCode).toBe(200);
    expect((await http.get(`/api/v1/customers/${c.id}`)).statusCode).toBe(404);

    const audit = await t.deps.pool.query(
      `SELECT action, changes FROM audit_log WHERE object_id = $1 ORDER BY id`,
      [c.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'customer.create',
      'customer.update',
      'customer.delete',
    ]);
    expect(audit.rows[1].changes).toEqual({
      industry: { before: null, after: '交通' },
      shortName: { before: '交通局', after: null },
    });
  });

  it('rejects bad input with field-level messages in the caller language, storing nothing', async () => {
    const zh = client(t.app, admin, 'zh-CN');
    const res = await zh.post('/api/v1/customers', { name: '', phone: 'abc', color: 'red' });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.requestId).toBeTruthy();
    const byPath = Object.fromEntries(
      err.details.fields.map((x: { path: string; message: string }) => [x.path, x.message]),
    );
    expect(byPath).toMatchObject({ name: '至少 1 个字符', color: '不允许的字段' });
    expect(byPath.phone).toContain('电话号码');

    const en = client(t.app, admin, 'en');
    const res2 = await en.post('/api/v1/customers', {});
    expect(res2.json().error.details.fields).toEqual([
      { path: 'name', code: 'invalid_type', message: 'Required' },
    ]);
    expect(res2.json().error.message).toBe('Some fields are invalid; please check them');
  });

  it('reports a duplicate name on the name field', async () => {
    const existing = await f.customer();
    const res = await client(t.app, admin).post('/api/v1/customers', { name: existing.name });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ path: 'name', code: 'unique' });
  });

  it('refuses to delete a customer that has a project (409 IN_USE)', async () => {
    const p = await f.project();
    const res = await client(t.app, admin).delete(`/api/v1/customers/${p.customerId}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('IN_USE');
  });

  it('shows a customer contact only their own customer', async () => {
    const a = await f.tenant();
    const b = await f.tenant();
    const contact = await f.session(a.contact);
    const http = client(t.app, contact);
    const list = (await http.get('/api/v1/customers?limit=200')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([a.customer.id]);
    expect(list.items[0].abilities).toEqual({ update: false, delete: false });
    expect((await http.get(`/api/v1/customers/${b.customer.id}`)).statusCode).toBe(404);
  });

  it('pages through customers with a keyset cursor, in name order, without repeats', async () => {
    const prefix = `页-${Date.now()}-`;
    for (let i = 0; i < 5; i++) await f.customer({ name: `${prefix}${i}` });
    const http = client(t.app, admin);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/customers?limit=2&q=${encodeURIComponent(prefix)}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await http.get(url)).json();
      seen.push(...page.items.map((x: { name: string }) => x.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `${prefix}${i}`));
    const bad = await http.get('/api/v1/customers?cursor=garbage');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].path).toBe('cursor');
  });
});

securityTests('GET /customers/:id', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/customers/${a.customer.id}`,
    allowed: await f.session(a.contact),
    outsider: await f.session(b.contact),
  };
});

securityTests('GET /customers', async () => {
  const a = await f.tenant();
  return { ...t, f, method: 'GET', url: '/api/v1/customers', allowed: await f.session(a.pm) };
});

securityTests('POST /customers', async () => {
  const a = await f.tenant();
  return {
    ...t,
    f,
    method: 'POST',
    url: '/api/v1/customers',
    body: { name: `新客户-${Date.now()}` },
    allowed: admin,
    tooLittleRole: await f.session(a.pm),
  };
});

securityTests('PATCH /customers/:id', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'PATCH',
    url: `/api/v1/customers/${a.customer.id}`,
    body: { notes: '更新' },
    allowed: admin,
    outsider: await f.session(b.pm),
    tooLittleRole: await f.session(a.pm),
  };
});

securityTests('DELETE /customers/:id', async () => {
  const customer = await f.customer();
  const other = await f.tenant();
  return {
    ...t,
    f,
    method: 'DELETE',
    url: `/api/v1/customers/${customer.id}`,
    allowed: admin,
    outsider: await f.session(other.contact),
  };
});
