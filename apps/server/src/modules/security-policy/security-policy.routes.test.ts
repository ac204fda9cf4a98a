import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY } from '@opsdesk/domain';
import { appOn } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { isolatedDatabase } from '../../test/isolated-db.js';
import { securityTests } from '../../test/security.js';

// The policy is one row for the whole system: changing it on the run's shared database would change
// logins and passwords in other files' tests, so this file has a database of its own.
let iso: Awaited<ReturnType<typeof isolatedDatabase>>;
let node: Awaited<ReturnType<typeof appOn>>;
let f: Factories;
let securityAdmin: Auth;
let admin: Auth;

beforeAll(async () => {
  iso = await isolatedDatabase();
  node = await appOn(iso.url);
  f = factories(node.deps);
  securityAdmin = await f.session(await f.securityAdmin());
  admin = await f.session(await f.admin());
});
afterAll(async () => {
  await node?.close();
  await iso?.drop();
});

const PASSWORD = 'Str0ng!Pass-1';
const tag = () => randomBytes(4).toString('hex');
type FieldBody = { error: { code: string; details: { fields: { path: string; code: string }[] } } };
const fields = (body: FieldBody) => body.error.details.fields.map((x) => ({ path: x.path, code: x.code }));

describe('security policy', () => {
  it('the three roles read it; only the security admin changes it, audited with before and after', async () => {
    for (const reader of [admin, securityAdmin, await f.session(await f.auditor())]) {
      const res = await client(node.app, reader).get('/api/v1/security-policy');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual(DEFAULT_SECURITY_POLICY);
    }

    const refused = await client(node.app, admin).patch('/api/v1/security-policy', { lockoutThreshold: 3 });
    expect(refused.statusCode).toBe(403);

    const http = client(node.app, securityAdmin);
    const changed = await http.patch('/api/v1/security-policy', {
      passwordMinLength: 12,
      lockoutThreshold: 3,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const expected = { ...DEFAULT_SECURITY_POLICY, passwordMinLength: 12, lockoutThreshold: 3 };
    expect(changed.json()).toEqual(expected);
    expect((await http.get('/api/v1/security-policy')).json()).toEqual(expected);

    const audit = await iso.pool.query(
      `SELECT actor_id, changes FROM audit_log WHERE action = 'security_policy.update' ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      {
        actor_id: securityAdmin.user.id,
        changes: {
          passwordMinLength: { before: 8, after: 12 },
          lockoutThreshold: { before: 5, after: 3 },
        },
      },
    ]);
  });

  it('a changed policy applies at once: a new password must meet its length, the third wrong login locks', async () => {
    const http = client(node.app, securityAdmin);
    await http.patch('/api/v1/security-policy', { passwordMinLength: 12, lockoutThreshold: 3 });

    const short = await client(node.app, admin).post('/api/v1/users', {
      kind: 'staff',
      username: `p-${tag()}`,
      password: 'Abc!12345x', // 10 characters, 4 classes: fine under the default, short under this policy
      displayName: '策略',
    });
    expect(short.statusCode, short.body).toBe(400);
    expect(fields(short.json())).toEqual([{ path: 'password', code: 'passwordTooShort' }]);

    const user = await f.user({ password: PASSWORD });
    const anon = client(node.app, null, 'en');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await anon.post('/api/v1/auth/login', { username: user.username, password: `wrong-${i}` }))
          .statusCode,
      );
    expect(statuses).toEqual([401, 401, 423, 423]);
  });

  it('refuses values out of range and unknown fields, naming each, and changes nothing', async () => {
    const http = client(node.app, securityAdmin, 'en');
    const before = (await http.get('/api/v1/security-policy')).json();
    const res = await http.patch('/api/v1/security-policy', {
      passwordMinLength: 4,
      idleTimeoutMinutes: 100_000,
      lockoutThreshold: 'five',
      mfa: true,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(
      res
        .json()
        .error.details.fields.map((x: { path: string }) => x.path)
        .sort(),
    ).toEqual(['idleTimeoutMinutes', 'lockoutThreshold', 'mfa', 'passwordMinLength'].sort());
    for (const x of res.json().error.details.fields as { message: string }[])
      expect(x.message.length).toBeGreaterThan(0);
    expect((await http.get('/api/v1/security-policy')).json()).toEqual(before);
  });
});

securityTests('GET /security-policy', async () => ({
  app: node.app,
  deps: node.deps,
  f,
  method: 'GET',
  url: '/api/v1/security-policy',
  allowed: await f.session(await f.auditor()),
  // An engineer or a customer contact does not learn that the policy exists.
  tooLittleRole: await f.session(await f.user()),
  tooLittleRoleStatus: 404,
}));

securityTests('PATCH /security-policy', async () => ({
  app: node.app,
  deps: node.deps,
  f,
  method: 'PATCH',
  url: '/api/v1/security-policy',
  body: { sessionMaxHours: 12 },
  allowed: await f.session(await f.securityAdmin()),
  tooLittleRole: admin,
}));
