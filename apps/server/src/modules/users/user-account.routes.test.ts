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
let security: Auth;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
  admin = await f.session(await f.admin());
  security = await f.session(await f.securityAdmin());
});

const PASSWORD = 'Str0ng!Pass-1';
type FieldBody = { error: { code: string; details: { fields: { path: string; code: string }[] } } };
const fields = (body: FieldBody) => body.error.details.fields.map((x) => ({ path: x.path, code: x.code }));
const ids = (page: { items: { id: string }[] }) => page.items.map((x) => x.id);
const login = (username: string | null, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('global roles (三员)', () => {
  it('the security admin grants and removes one role, audited', async () => {
    const u = await f.user();
    const http = client(t.app, security);
    const granted = await http.put(`/api/v1/users/${u.id}/roles`, { globalRoles: ['auditor'] });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ globalRoles: ['auditor'], abilities: { grantRoles: true } });
    expect((await client(t.app, await f.session(u)).get('/api/v1/me')).json().abilities.readAudit).toBe(true);
    expect((await http.put(`/api/v1/users/${u.id}/roles`, { globalRoles: [] })).json().globalRoles).toEqual(
      [],
    );
    const audit = await t.deps.pool.query(
      `SELECT action, changes FROM audit_log WHERE object_id = $1 ORDER BY id`,
      [u.id],
    );
    expect(audit.rows).toEqual([
      { action: 'user.roles', changes: { globalRoles: { before: [], after: ['auditor'] } } },
      { action: 'user.roles', changes: { globalRoles: { before: ['auditor'], after: [] } } },
    ]);
  });

  it('refuses the admin, self-grants, roles for non-staff and two roles at once', async () => {
    const staff = await f.user();
    const contact = await f.contact((await f.customer()).id);
    const refusals: [Auth, string, string[]][] = [
      [admin, staff.id, ['auditor']],
      [security, security.user.id, ['admin']],
      [security, security.user.id, []],
      [security, contact.id, ['admin']],
    ];
    for (const [who, target, globalRoles] of refusals) {
      const res = await client(t.app, who).put(`/api/v1/users/${target}/roles`, { globalRoles });
      expect(res.statusCode, `${who.user.id} → ${target}`).toBe(403);
      expect(fields(res.json())).toEqual([{ path: 'globalRoles', code: 'globalRoleGrant' }]);
    }
    const two = await client(t.app, security).put(`/api/v1/users/${staff.id}/roles`, {
      globalRoles: ['auditor', 'admin'],
    });
    expect(two.statusCode).toBe(400);
    expect(fields(two.json())[0]?.path).toBe('globalRoles');
    const stored = await t.deps.pool.query(`SELECT global_roles FROM users WHERE id = ANY($1)`, [
      [staff.id, contact.id, security.user.id],
    ]);
    expect(stored.rows.map((r) => r.global_roles).sort()).toEqual([[], [], ['security_admin']].sort());
  });
});

describe('password reset', () => {
  it('the admin sets a policy-abiding password; the user signs in with it and their sessions end', async () => {
    const u = await f.user({ password: 'Old!Passw0rd' });
    const session = await f.session(u);
    const http = client(t.app, admin, 'en');
    const weak = await http.post(`/api/v1/users/${u.id}/password`, { password: u.username });
    expect(weak.statusCode).toBe(400);
    expect(fields(weak.json()).map((x) => x.code)).toContain('passwordEqualsUsername');

    const ok = await http.post(`/api/v1/users/${u.id}/password`, { password: PASSWORD });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await client(t.app, session).get('/api/v1/me')).statusCode).toBe(401);
    expect((await login(u.username, 'Old!Passw0rd')).statusCode).toBe(401);
    expect((await login(u.username, PASSWORD)).statusCode).toBe(200);

    const audit = await t.deps.pool.query(
      `SELECT action, changes, detail FROM audit_log WHERE object_id = $1 AND action = 'user.password_reset'`,
      [u.id],
    );
    expect(audit.rows).toEqual([
      { action: 'user.password_reset', changes: null, detail: { sessionsEnded: true } },
    ]);
  });

  it('is not for one’s own password, nor for anyone but the admin', async () => {
    const self = await client(t.app, admin).post(`/api/v1/users/${admin.user.id}/password`, {
      password: PASSWORD,
    });
    expect(self.statusCode).toBe(403);
    const peer = await f.user();
    expect(
      (await client(t.app, security).post(`/api/v1/users/${peer.id}/password`, { password: PASSWORD }))
        .statusCode,
    ).toBe(403);
  });
});

describe('unlock', () => {
  it('clears a lockout so the user can sign in before it runs out, audited', async () => {
    const until = new Date(Date.now() + 15 * 60_000);
    const u = await f.user({ password: PASSWORD, failedLoginCount: 5, lockedUntil: until });
    expect((await login(u.username, PASSWORD)).statusCode).toBe(423);
    expect((await client(t.app, admin).get(`/api/v1/users/${u.id}`)).json().lockedUntil).toBe(
      until.toISOString(),
    );

    const res = await client(t.app, admin).post(`/api/v1/users/${u.id}/unlock`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lockedUntil).toBeNull();
    expect((await login(u.username, PASSWORD)).statusCode).toBe(200);
    const audit = await t.deps.pool.query(
      `SELECT changes FROM audit_log WHERE object_id = $1 AND action = 'user.unlock'`,
      [u.id],
    );
    expect(audit.rows).toEqual([
      {
        changes: {
          failedLoginCount: { before: 5, after: 0 },
          lockedUntil: { before: until.toISOString(), after: null },
        },
      },
    ]);
  });
});

describe('disable and enable', () => {
  it('disabling ends sessions and stops tokens at once; enabling lets the user back; never oneself', async () => {
    const u = await f.user({ password: PASSWORD });
    const session = await f.session(u);
    const token = await f.token(u);
    const http = client(t.app, admin);
    const disabled = await http.patch(`/api/v1/users/${u.id}`, { disabled: true });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().disabled).toBe(true);
    expect((await client(t.app, session).get('/api/v1/me')).statusCode).toBe(401);
    expect((await client(t.app, token).get('/api/v1/me')).statusCode).toBe(401);
    const live = await t.deps.pool.query(`SELECT 1 FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`, [
      u.id,
    ]);
    expect(live.rowCount).toBe(0);
    const listed = (await http.get(`/api/v1/users?disabled=true&q=${u.username}`)).json();
    expect(ids(listed)).toEqual([u.id]);

    expect((await http.patch(`/api/v1/users/${u.id}`, { disabled: false })).json().disabled).toBe(false);
    expect((await client(t.app, token).get('/api/v1/me')).statusCode).toBe(200);
    const audit = await t.deps.pool.query(
      `SELECT action, changes FROM audit_log WHERE object_id = $1 ORDER BY id`,
      [u.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['user.disable', 'user.enable']);
    expect(audit.rows[0].changes).toEqual({ disabled: { before: false, after: true } });

    const self = await http.patch(`/api/v1/users/${admin.user.id}`, { disabled: true });
    expect(self.statusCode).toBe(400);
    expect(fields(self.json())).toEqual([{ path: 'disabled', code: 'cannotDisableSelf' }]);
  });
});

securityTests('PUT /users/:id/roles', async () => {
  const a = await f.tenant();
  return {
    ...t,
    f,
    method: 'PUT',
    url: `/api/v1/users/${a.engineer.id}/roles`,
    body: { globalRoles: ['auditor'] },
    allowed: security,
    outsider: await f.session((await f.tenant()).contact),
    tooLittleRole: admin,
  };
});

securityTests('POST /users/:id/password', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'POST',
    url: `/api/v1/users/${a.engineer.id}/password`,
    body: { password: PASSWORD },
    allowed: admin,
    outsider: await f.session(b.contact),
    tooLittleRole: await f.session(a.pm),
  };
});

securityTests('POST /users/:id/unlock', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'POST',
    url: `/api/v1/users/${a.engineer.id}/unlock`,
    allowed: admin,
    outsider: await f.session(b.fieldEngineer),
    tooLittleRole: await f.session(a.pm),
  };
});

securityTests('PATCH /users/:id (disable)', async () => {
  const a = await f.tenant();
  const b = await f.tenant();
  return {
    ...t,
    f,
    method: 'PATCH',
    url: `/api/v1/users/${a.contact.id}`,
    body: { disabled: true },
    allowed: admin,
    outsider: await f.session(b.pm),
    tooLittleRole: await f.session(a.pm),
  };
});
