import { randomUUID } from 'node:crypto';
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

describe('sites', () => {
  it('creates, reads, lists, updates and deletes a site with its customer name, auditing each write', async () => {
    const customer = await f.customer();
    const http = client(t.app, admin);
    const name = `1号机房-${Date.now()}`;
    const created = await http.post('/api/v1/sites', {
      customerId: customer.id,
      name,
      address: '文三路 1 号',
      region: '',
    });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({
      customerId: customer.id,
      customerName: customer.name,
      name,
      address: '文三路 1 号',
      region: null,
      abilities: { update: true, delete: true },
    });

    expect((await http.get(`/api/v1/sites/${s.id}`)).json()).toMatchObject({
      name,
      customerName: customer.name,
    });
    const list = (await http.get(`/api/v1/sites?customerId=${customer.id}`)).json();
    expect(ids(list)).toEqual([s.id]);
    expect(list).toMatchObject({ total: 1, nextCursor: null });
    expect(list.items[0].customerName).toBe(customer.name);
    expect(
      ids(
        (await http.get(`/api/v1/sites?q=${encodeURIComponent('文三路')}&customerId=${customer.id}`)).json(),
      ),
    ).toEqual([s.id]);

    const updated = await http.patch(`/api/v1/sites/${s.id}`, { region: '西湖区', address: null });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      region: '西湖区',
      address: null,
      name,
      customerName: customer.name,
    });

    expect((await http.delete(`/api/v1/sites/${s.id}`)).statusCode).toBe(200);
    expect((await http.get(`/api/v1/sites/${s.id}`)).statusCode).toBe(404);

    const audit = await t.deps.pool.query(
      `SELECT action, changes FROM audit_log WHERE object_id = $1 ORDER BY id`,
      [s.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['site.create', 'site.update', 'site.delete']);
    expect(audit.rows[1].changes).toEqual({
      region: { before: null, after: '西湖区' },
      address: { before: '文三路 1 号', after: null },
    });
    expect(audit.rows[2].changes.customerName).toBeUndefined();
  });

  it('rejects bad input with field-level messages; the customer of a site cannot change', async () => {
    const http = client(t.app, admin, 'zh-CN');
    const res = await http.post('/api/v1/sites', { customerId: 'abc', name: '', floor: 3 });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .error.details.fields.map((x: { path: string }) => x.path)
      .sort();
    expect(paths).toEqual(['customerId', 'floor', 'name']);

    const site = await f.site((await f.customer()).id);
    const move = await http.patch(`/api/v1/sites/${site.id}`, { customerId: (await f.customer()).id });
    expect(move.statusCode).toBe(400);
    expect(move.json().error.details.fields[0]).toMatchObject({
      path: 'customerId',
      code: 'unrecognized_keys',
    });
    expect((await http.get('/api/v1/sites?customerId=nope')).json().error.details.fields[0].path).toBe(
      'customerId',
    );
  });

  it('reports an unknown customer on customerId, not as a server error', async () => {
    const res = await client(t.app, admin, 'en').post('/api/v1/sites', {
      customerId: randomUUID(),
      name: `机房-${Date.now()}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      { path: 'customerId', code: 'unknownReference', message: 'The referenced object does not exist' },
    ]);
  });

  it('reports a second site of the same name for one customer on the name field', async () => {
    const customer = await f.customer();
    const existing = await f.site(customer.id);
    const http = client(t.app, admin);
    const dup = await http.post('/api/v1/sites', { customerId: customer.id, name: existing.name });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details.fields[0]).toMatchObject({ path: 'name', code: 'unique' });
    const renamed = await http.patch(`/api/v1/sites/${(await f.site(customer.id)).id}`, {
      name: existing.name,
    });
    expect(renamed.json().error.details.fields[0]).toMatchObject({ path: 'name', code: 'unique' });
    // The same name at another customer is fine.
    expect(
      (await http.post('/api/v1/sites', { customerId: (await f.customer()).id, name: existing.name }))
        .statusCode,
    ).toBe(201);
  });

  it('shows each caller only the sites of the customers in their scope', async () => {
    const a = await f.tenant();
    const b = await f.tenant();
    const siteA = await f.site(a.customer.id);
    const siteB = await f.site(b.customer.id);
    for (const who of [a.contact, a.pm, a.fieldEngineer]) {
      const http = client(t.app, await f.session(who));
      const list = (await http.get('/api/v1/sites?limit=200')).json();
      expect(ids(list)).toEqual([siteA.id]);
      expect(list.items[0].abilities).toEqual({ update: false, delete: false });
      expect((await http.get(`/api/v1/sites/${siteB.id}`)).statusCode).toBe(404);
      expect((await http.get(`/api/v1/sites?customerId=${b.customer.id}`)).json()).toMatchObject({
        items: [],
        total: 0,
      });
    }
    const nobody = client(t.app, await f.session(await f.user()));
    expect((await nobody.get('/api/v1/sites')).json()).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('pages through sites with a keyset cursor, newest first, without repeats', async () => {
    const customer = await f.customer();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push((await f.site(customer.id, { createdAt: new Date(Date.UTC(2024, 0, 1 + i)) })).id);
    }
    const http = client(t.app, admin);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/sites?limit=2&sort=-createdAt&customerId=${customer.id}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await http.get(url)).json();
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
    const stale = await http.get(
      `/api/v1/sites?sort=name&cursor=${Buffer.from(JSON.stringify(['-createdAt', 1, 'x'])).toString('base64url')}`,
    );
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.details.fields[0].path).toBe('cursor');
  });
});

securityTests('GET /sites/:id', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  const site = await f.site(a.customer.id);
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/sites/${site.id}`,
    allowed: await f.session(a.contact),
    outsider: await f.session(b.contact),
  };
});

securityTests('GET /sites', async () => {
  const a = await f.tenant();
  return { ...t, f, method: 'GET', url: '/api/v1/sites', allowed: await f.session(a.pm) };
});

securityTests('POST /sites', async () => {
  const a = await f.tenant();
  return {
    ...t,
    f,
    method: 'POST',
    url: '/api/v1/sites',
    body: { customerId: a.customer.id, name: `新地点-${Date.now()}` },
    allowed: admin,
    tooLittleRole: await f.session(a.pm),
  };
});

securityTests('PATCH /sites/:id', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  const site = await f.site(a.customer.id);
  return {
    ...t,
    f,
    method: 'PATCH',
    url: `/api/v1/sites/${site.id}`,
    body: { notes: '更新' },
    allowed: admin,
    outsider: await f.session(b.pm),
    tooLittleRole: await f.session(a.pm),
  };
});

securityTests('DELETE /sites/:id', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  const site = await f.site(a.customer.id);
  return {
    ...t,
    f,
    method: 'DELETE',
    url: `/api/v1/sites/${site.id}`,
    allowed: admin,
    outsider: await f.session(b.contact),
    tooLittleRole: await f.session(a.contact),
  };
});
