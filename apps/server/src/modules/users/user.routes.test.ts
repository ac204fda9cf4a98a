import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromPgError } from '../../http/pg-errors.js';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';
import './user.repository.js'; // registers the constraint → field names the backstop test relies on

let t: TestApp;
let f: Factories;
let admin: Auth;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  admin = await f.session(await f.admin());
});

const tag = () => randomBytes(4).toString('hex');
const PASSWORD = 'Str0ng!Pass-1';
type FieldBody = { error: { details: { fields: { path: string; code: string }[] } } };
const fields = (body: FieldBody) => body.error.details.fields.map((x) => ({ path: x.path, code: x.code }));
const ids = (page: { items: { id: string }[] }) => page.items.map((x) => x.id);

describe('users', () => {
  it('creates a staff user who can sign in and a contact who cannot, never returning or auditing the hash', async () => {
    const http = client(t.app, admin);
    const username = `Li.Lei-${tag()}`;
    const res = await http.post('/api/v1/users', {
      kind: 'staff',
      username,
      password: PASSWORD,
      displayName: '李雷',
      email: 'lilei@example.com',
      title: '工程师',
    });
    expect(res.statusCode, res.body).toBe(201);
    const u = res.json();
    expect(u).toMatchObject({
      kind: 'staff',
      username,
      canLogin: true,
      disabled: false,
      globalRoles: [],
      customerId: null,
      lockedUntil: null,
    });
    expect(u.abilities).toEqual({ update: true, disable: true, resetPassword: true, grantRoles: false });
    expect(JSON.stringify(u)).not.toMatch(/scrypt|passwordHash|Str0ng/);

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: username.toUpperCase(), password: PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);

    const audit = await t.deps.pool.query(
      `SELECT changes FROM audit_log WHERE object_id = $1 AND action = 'user.create'`,
      [u.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows[0].changes)).not.toMatch(/scrypt|passwordHash/);
    expect(audit.rows[0].changes).toMatchObject({
      username: { before: null, after: username },
      hasPassword: { before: null, after: true },
    });

    const customer = await f.customer();
    const contact = await http.post('/api/v1/users', {
      kind: 'customer_contact',
      customerId: customer.id,
      displayName: '王主任',
      phone: '0571-88886666',
    });
    expect(contact.statusCode, contact.body).toBe(201);
    expect(contact.json()).toMatchObject({
      username: null,
      canLogin: false,
      customerId: customer.id,
      customerName: customer.name,
    });
  });

  it('checks kind and organisation, manager scope, references and the password policy as field errors', async () => {
    const http = client(t.app, admin);
    const customer = await f.customer();
    const sub = await f.subcontractor();
    const cases: [Record<string, unknown>, { path: string; code: string }[]][] = [
      [{ kind: 'customer_contact' }, [{ path: 'customerId', code: 'orgForKind' }]],
      [{ kind: 'staff', customerId: customer.id }, [{ path: 'customerId', code: 'orgForKind' }]],
      [
        { kind: 'subcontractor_staff', customerId: customer.id },
        [
          { path: 'customerId', code: 'orgForKind' },
          { path: 'subcontractorId', code: 'orgForKind' },
        ],
      ],
      [
        { kind: 'customer_contact', customerId: customer.id, subcontractorId: sub.id },
        [{ path: 'subcontractorId', code: 'orgForKind' }],
      ],
      [
        { kind: 'subcontractor_staff', subcontractorId: sub.id, managesRegion: '华东' },
        [{ path: 'managesRegion', code: 'managerScope' }],
      ],
      [
        { kind: 'customer_contact', customerId: '0190a000-0000-7000-8000-000000000000' },
        [{ path: 'customerId', code: 'unknownReference' }],
      ],
      [
        { kind: 'subcontractor_staff', subcontractorId: '0190a000-0000-7000-8000-000000000000' },
        [{ path: 'subcontractorId', code: 'unknownReference' }],
      ],
      [{ kind: 'staff', password: PASSWORD }, [{ path: 'username', code: 'passwordNeedsUsername' }]],
      [
        { kind: 'staff', username: `w-${tag()}`, password: 'abc' },
        [
          { path: 'password', code: 'passwordTooShort' },
          { path: 'password', code: 'passwordClasses' },
        ],
      ],
    ];
    for (const [body, expected] of cases) {
      const res = await http.post('/api/v1/users', { displayName: '校验', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fields(res.json())).toEqual(expected);
    }
    const stored = await t.deps.pool.query(`SELECT 1 FROM users WHERE display_name = '校验'`);
    expect(stored.rowCount).toBe(0);
  });

  it('keeps usernames unique whatever their case', async () => {
    const http = client(t.app, admin);
    const name = `Han.Meimei-${tag()}`;
    expect(
      (await http.post('/api/v1/users', { kind: 'staff', username: name, displayName: '韩梅梅' })).statusCode,
    ).toBe(201);
    const dup = await http.post('/api/v1/users', {
      kind: 'staff',
      username: name.toLowerCase(),
      displayName: '韩梅梅二',
    });
    expect(fields(dup.json())).toEqual([{ path: 'username', code: 'unique' }]);
    const other = await f.user();
    const rename = await http.patch(`/api/v1/users/${other.id}`, { username: name.toUpperCase() });
    expect(fields(rename.json())).toEqual([{ path: 'username', code: 'unique' }]);
    // The unique index is the backstop for two creates at once, and names the username field.
    const err = await t.deps.pool
      .query(`UPDATE users SET username = $1 WHERE id = $2`, [name.toLowerCase(), other.id])
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(fromPgError(err)?.fields).toEqual([{ path: 'username', rule: 'rule.unique' }]);
  });

  it('lets users edit their own details but not what only the admin changes', async () => {
    const me = await f.user({ managesRegion: '华东' });
    const http = client(t.app, await f.session(me), 'en');
    const own = await http.patch(`/api/v1/users/${me.id}`, {
      phone: '13800000000',
      locale: 'en',
      managesRegion: '华东',
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({
      phone: '13800000000',
      locale: 'en',
      abilities: { update: true, disable: false, resetPassword: false, grantRoles: false },
    });

    const widen = await http.patch(`/api/v1/users/${me.id}`, {
      managesRegion: '华南',
      managesDivision: '交通',
      username: `me-${tag()}`,
    });
    expect(widen.statusCode).toBe(403);
    expect(fields(widen.json())).toEqual(
      ['username', 'managesDivision', 'managesRegion'].map((path) => ({ path, code: 'adminOnlyField' })),
    );
    const peer = await f.user();
    expect((await http.patch(`/api/v1/users/${peer.id}`, { phone: '1' })).statusCode).toBe(403);

    const contact = await f.contact((await f.customer()).id);
    const scope = await client(t.app, admin).patch(`/api/v1/users/${contact.id}`, {
      managesDivision: '交通',
    });
    expect(fields(scope.json())).toEqual([{ path: 'managesDivision', code: 'managerScope' }]);
  });

  it('filters and sorts the list, and shows account state only to account managers and the user', async () => {
    const k = tag();
    const customer = await f.customer();
    const sub = await f.subcontractor();
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    const locked = await f.user({
      username: `${k}-b`,
      displayName: `${k} 乙`,
      lockedUntil: new Date(Date.now() + 600_000),
      failedLoginCount: 5,
      createdAt: at(1),
    });
    const contact = await f.contact(customer.id, {
      username: null,
      displayName: `${k} 甲`,
      email: `${k}@example.com`,
      createdAt: at(2),
    });
    const phone = `1${parseInt(k, 16)}`;
    const worker = await f.subStaff(sub.id, {
      username: `${k}-a`,
      displayName: `${k} 丙`,
      phone,
      createdAt: at(3),
    });
    const http = client(t.app, admin);
    const q = (query: string) => http.get(`/api/v1/users?q=${k}${query}`).then((r) => ids(r.json()));
    expect(await q('&sort=username')).toEqual([worker.id, locked.id, contact.id]);
    expect(await q('&sort=-username')).toEqual([locked.id, worker.id, contact.id]);
    expect(await q('&kind=customer_contact')).toEqual([contact.id]);
    expect(await q(`&customerId=${customer.id}`)).toEqual([contact.id]);
    expect(await q(`&subcontractorId=${sub.id}`)).toEqual([worker.id]);
    expect(await q('&disabled=false&sort=-createdAt')).toEqual([worker.id, contact.id, locked.id]);
    expect(ids((await http.get(`/api/v1/users?q=${k}@example`)).json())).toEqual([contact.id]);
    expect(ids((await http.get(`/api/v1/users?q=${phone}`)).json())).toEqual([worker.id]);

    expect((await http.get(`/api/v1/users/${locked.id}`)).json().lockedUntil).not.toBeNull();
    expect(
      (await client(t.app, await f.session(locked)).get(`/api/v1/users/${locked.id}`)).json().lockedUntil,
    ).not.toBeNull();
    const peerView = (
      await client(t.app, await f.session(await f.user())).get(`/api/v1/users/${locked.id}`)
    ).json();
    expect(peerView).toMatchObject({ id: locked.id, lockedUntil: null, lastLoginAt: null });
  });
});

securityTests('GET /users', async () => {
  const a = await f.tenant();
  return { ...t, f, method: 'GET', url: '/api/v1/users', allowed: await f.session(a.contact) };
});

securityTests('GET /users/:id', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'GET',
    url: `/api/v1/users/${a.pm.id}`,
    allowed: await f.session(a.contact),
    outsider: await f.session(b.contact),
  };
});

securityTests('POST /users', async () => {
  return {
    ...t,
    f,
    method: 'POST',
    url: '/api/v1/users',
    body: { kind: 'staff', username: `n-${tag()}`, displayName: '新同事' },
    allowed: admin,
    allowedStatus: 201,
    tooLittleRole: await f.session(await f.securityAdmin()),
  };
});

securityTests('PATCH /users/:id', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'PATCH',
    url: `/api/v1/users/${a.engineer.id}`,
    body: { title: '高级工程师' },
    allowed: admin,
    outsider: await f.session(b.contact),
    tooLittleRole: await f.session(a.pm),
  };
});
