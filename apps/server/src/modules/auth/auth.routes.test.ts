import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';

let t: TestApp;
let f: Factories;
const PASSWORD = 'Ops-desk-2026';

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
});

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const first = Array.isArray(raw) ? String(raw[0]) : String(raw);
  return first.split(';')[0]!;
}

async function auditOf(userId: string) {
  const r = await t.deps.pool.query(
    `SELECT action, result, detail FROM audit_log WHERE object_id = $1 ORDER BY id`,
    [userId],
  );
  return r.rows as { action: string; result: string; detail: Record<string, unknown> }[];
}

describe('login', () => {
  it('signs in, sets an HttpOnly SameSite cookie, returns me with a CSRF token, and signs out', async () => {
    const user = await f.user({ password: PASSWORD });
    const http = client(t.app);
    const res = await http.post('/api/v1/auth/login', {
      username: user.username!.toUpperCase(),
      password: PASSWORD,
    });
    expect(res.statusCode, res.body).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/opsdesk_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const me = res.json();
    expect(me).toMatchObject({ id: user.id, kind: 'staff', abilities: { manageOrganisation: false } });
    expect(me.csrfToken).toHaveLength(43);

    const session = { headers: { cookie: cookieOf(res), 'x-csrf-token': me.csrfToken } };
    expect((await client(t.app, session).get('/api/v1/me')).statusCode).toBe(200);
    // A write with the cookie but without the CSRF token is refused.
    const noCsrf = await client(t.app, { headers: { cookie: cookieOf(res) } }).post('/api/v1/auth/logout');
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('CSRF_FAILED');

    expect((await client(t.app, session).post('/api/v1/auth/logout')).statusCode).toBe(200);
    const after = await client(t.app, session).get('/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect((await auditOf(user.id)).map((a) => `${a.action}:${a.result}`)).toEqual([
      'auth.login:success',
      'auth.logout:success',
    ]);
  });

  it('six wrong passwords: the fifth locks, the sixth and even the right password are refused, every attempt audited', async () => {
    const user = await f.user({ password: PASSWORD });
    const http = client(t.app, null, 'en');
    const statuses: number[] = [];
    const bodies: { code: string; details?: Record<string, unknown>; message: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await http.post('/api/v1/auth/login', { username: user.username, password: `wrong-${i}` });
      statuses.push(res.statusCode);
      bodies.push(res.json().error);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423, 423]);
    expect(bodies[0]!.details).toEqual({ attemptsLeft: 4 });
    expect(bodies[3]!.details).toEqual({ attemptsLeft: 1 });
    expect(bodies[4]!.code).toBe('ACCOUNT_LOCKED');
    expect(bodies[5]!.message).toMatch(/locked until \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}/);

    const right = await http.post('/api/v1/auth/login', { username: user.username, password: PASSWORD });
    expect(right.statusCode).toBe(423);

    const audit = await auditOf(user.id);
    expect(audit).toHaveLength(7);
    expect(audit.every((a) => a.action === 'auth.login' && a.result === 'failure')).toBe(true);
    expect(audit.map((a) => a.detail.reason)).toEqual([
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password_locked',
      'locked',
      'locked',
    ]);

    // 15 minutes later the lock has passed and the right password works.
    t.clock.advance(15 * 60_000 + 1000);
    const later = await http.post('/api/v1/auth/login', { username: user.username, password: PASSWORD });
    expect(later.statusCode).toBe(200);
    t.clock.advance(-(15 * 60_000 + 1000));
  });

  it('audits an unknown username and answers like a wrong password', async () => {
    const res = await client(t.app).post('/api/v1/auth/login', { username: 'nobody-here', password: 'x' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    const r = await t.deps.pool.query(
      `SELECT result, detail FROM audit_log WHERE action = 'auth.login' AND detail->>'username' = 'nobody-here'`,
    );
    expect(r.rows).toEqual([
      { result: 'failure', detail: { username: 'nobody-here', reason: 'unknown_user' } },
    ]);
  });

  it('refuses a disabled user, telling them only when the password is right', async () => {
    const user = await f.user({ password: PASSWORD, disabled: true });
    const http = client(t.app);
    expect(
      (await http.post('/api/v1/auth/login', { username: user.username, password: 'nope' })).json().error
        .code,
    ).toBe('INVALID_CREDENTIALS');
    expect(
      (await http.post('/api/v1/auth/login', { username: user.username, password: PASSWORD })).json().error
        .code,
    ).toBe('ACCOUNT_DISABLED');
  });

  it('ends a session after 30 idle minutes with SESSION_EXPIRED, and ends sessions of a disabled user', async () => {
    const user = await f.user();
    const s = await f.session(user);
    expect((await client(t.app, s).get('/api/v1/me')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const res = await client(t.app, s).get('/api/v1/me');
    t.clock.advance(-31 * 60_000);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');

    const other = await f.session(await f.user());
    await t.deps.db.update(users).set({ disabled: true }).where(eq(users.id, other.user.id));
    expect((await client(t.app, other).get('/api/v1/me')).statusCode).toBe(401);
  });

  it('validates the login body: missing fields, unknown fields, malformed JSON, oversized bodies — 4xx, never 500', async () => {
    const http = client(t.app);
    const missing = await http.post('/api/v1/auth/login', { username: 'a' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields).toEqual([
      { path: 'password', code: 'invalid_type', message: '必填' },
    ]);
    const unknown = await http.post('/api/v1/auth/login', { username: 'a', password: 'b', admin: true });
    expect(unknown.json().error.details.fields[0].path).toBe('admin');
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('MALFORMED_REQUEST');
    const wrongType = await http.post('/api/v1/auth/login', { username: 5, password: ['x'] });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.details.fields.map((x: { path: string }) => x.path)).toEqual([
      'username',
      'password',
    ]);
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a', password: 'x'.repeat(2_000_000) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'hi',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('callers arriving together (their principals read by one statement, db/coalesce.ts)', () => {
  it('each request is its own caller; a revoked token, a disabled user and an unknown token are refused', async () => {
    const a = await f.user();
    const b = await f.user();
    const contact = await f.contact((await f.customer()).id);
    const gone = await f.user();
    const revokedOwner = await f.user();
    const sessions = await Promise.all([a, b, gone].map((u) => f.session(u)));
    const tokenC = await f.token(contact);
    const revoked = await f.token(revokedOwner);
    await t.deps.pool.query(
      `UPDATE api_tokens SET revoked_at = now() WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
      [revoked.token],
    );
    await t.deps.db.update(users).set({ disabled: true }).where(eq(users.id, gone.id));
    const callers = [
      { headers: sessions[0]!.headers, expect: a.id },
      { headers: tokenC.headers, expect: contact.id },
      { headers: revoked.headers, expect: null },
      { headers: sessions[1]!.headers, expect: b.id },
      { headers: sessions[2]!.headers, expect: null },
      { headers: { authorization: 'Bearer odt_unknown' }, expect: null },
    ];
    // Twice over, all at once: the same session in a round twice is fine too.
    const answers = await Promise.all(
      [...callers, ...callers].map((c) =>
        t.app.inject({ method: 'GET', url: '/api/v1/me', headers: c.headers }),
      ),
    );
    answers.forEach((res, i) => {
      const want = callers[i % callers.length]!.expect;
      if (want) {
        expect(res.statusCode, res.body).toBe(200);
        expect((res.json() as { id: string }).id).toBe(want);
      } else expect(res.statusCode, res.body).toBe(401);
    });
  });
});

describe('change my password', () => {
  it('checks the current password and the policy, then accepts the new one', async () => {
    const user = await f.user({ password: PASSWORD });
    const s = await f.session(user);
    const http = client(t.app, s);
    const wrong = await http.post('/api/v1/me/password', {
      currentPassword: 'nope',
      newPassword: 'Another-Pass-1',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields[0]).toMatchObject({
      path: 'currentPassword',
      message: '当前密码不正确',
    });
    const weak = await http.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.json().error.details.fields.map((x: { code: string }) => x.code)).toEqual([
      'passwordTooShort',
      'passwordClasses',
    ]);
    expect(
      (await http.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'Another-Pass-1' }))
        .statusCode,
    ).toBe(200);
    const login = await client(t.app).post('/api/v1/auth/login', {
      username: user.username,
      password: 'Another-Pass-1',
    });
    expect(login.statusCode).toBe(200);
    // The failed attempt was audited even though the request failed.
    const audit = await auditOf(user.id);
    expect(audit.filter((a) => a.action === 'user.password_change').map((a) => a.result)).toEqual([
      'failure',
      'success',
    ]);
  });
});

describe('first-run setup', () => {
  it('creates the first admin only while there is none', async () => {
    const http = client(t.app);
    const status = (await http.get('/api/v1/setup')).json();
    // The shared test database may already hold admins made by other tests' factories.
    if (status.needed) {
      const res = await http.post('/api/v1/setup', {
        username: `root${Date.now()}`,
        password: 'Root-pass-2026',
        displayName: '管理员',
      });
      expect(res.statusCode).toBe(201);
    } else {
      await f.admin();
    }
    expect((await http.get('/api/v1/setup')).json()).toEqual({ needed: false });
    const again = await http.post('/api/v1/setup', {
      username: 'late',
      password: 'Root-pass-2026',
      displayName: 'x',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SETUP_DONE');
  });
});

securityTests('GET /me', async () => ({
  ...t,
  f,
  method: 'GET',
  url: '/api/v1/me',
  allowed: await f.session(await f.user()),
}));
securityTests('POST /auth/logout', async () => ({
  ...t,
  f,
  method: 'POST',
  url: '/api/v1/auth/logout',
  allowed: await f.session(await f.user()),
}));
securityTests('POST /me/password', async () => {
  const user = await f.user({ password: PASSWORD });
  return {
    ...t,
    f,
    method: 'POST',
    url: '/api/v1/me/password',
    body: { currentPassword: PASSWORD, newPassword: 'Changed-pass-9' },
    allowed: await f.session(user),
  };
});
