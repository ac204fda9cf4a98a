import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { testApp } from '../../test/app.js';
import type { TestApp } from '../../test/app.js';
import { factories } from '../../test/factories.js';
import type { Auth, Factories } from '../../test/factories.js';
import { client } from '../../test/http.js';
import { securityTests } from '../../test/security.js';

let t: TestApp;
let f: Factories;

beforeAll(async () => {
  t = await testApp();
  f = factories(t.deps);
});

const DAY_MS = 86_400_000;
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A user signed in with a cookie session, and a token made for them through the API. */
async function withToken(auth: Auth, body: Record<string, unknown> = { name: '脚本' }) {
  const res = await client(t.app, auth).post('/api/v1/tokens', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('personal API tokens', () => {
  it('creates a token shown once, stored only as its SHA-256, that signs in as its owner', async () => {
    const auth = await f.session(await f.user());
    const res = await client(t.app, auth).post('/api/v1/tokens', { name: '监控脚本' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const created = res.json();
    expect(created.token).toMatch(/^odt_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      name: '监控脚本',
      prefix: created.token.slice(0, 12),
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: null,
      abilities: { revoke: true },
    });

    const stored = await t.deps.pool.query(`SELECT * FROM api_tokens WHERE id = $1`, [created.id]);
    expect(stored.rows[0].token_hash).toBe(sha256(created.token));
    expect(Object.values(stored.rows[0])).not.toContain(created.token);

    const me = await client(t.app, bearer(created.token)).get('/api/v1/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ id: auth.user.id, csrfToken: null });

    const list = (await client(t.app, auth).get('/api/v1/tokens')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).not.toHaveProperty('token');
    expect(list.items[0]).toMatchObject({ id: created.id, prefix: created.prefix });
    expect(list.items[0].lastUsedAt).not.toBeNull();

    const audit = await t.deps.pool.query(`SELECT action, changes FROM audit_log WHERE object_id = $1`, [
      created.id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(['token.create']);
    expect(JSON.stringify(audit.rows[0].changes)).not.toContain(created.token.slice(12));
    expect(JSON.stringify(audit.rows[0].changes)).not.toContain(sha256(created.token));
  });

  it('needs no CSRF token for a bearer write, but a token cannot mint more tokens', async () => {
    const auth = await f.session(await f.user());
    const first = await withToken(auth);
    const second = await withToken(auth);
    const http = client(t.app, bearer(first.token));
    const minted = await http.post('/api/v1/tokens', { name: '第二个', expiresInDays: 30 });
    expect(minted.statusCode).toBe(403);
    expect((await http.delete(`/api/v1/tokens/${second.id}`)).statusCode).toBe(200);
    expect((await client(t.app, bearer(second.token)).get('/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses a revoked token (401) and keeps it listed as revoked', async () => {
    const auth = await f.session(await f.user());
    const created = await withToken(auth);
    const http = client(t.app, auth);
    expect((await http.delete(`/api/v1/tokens/${created.id}`)).statusCode).toBe(200);
    const me = await client(t.app, bearer(created.token)).get('/api/v1/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');

    const listed = (await http.get('/api/v1/tokens')).json().items[0];
    expect(listed.revokedAt).not.toBeNull();
    expect(listed.abilities).toEqual({ revoke: false });
    // Revoking again changes nothing and records nothing.
    expect((await http.delete(`/api/v1/tokens/${created.id}`)).statusCode).toBe(200);
    const audit = await t.deps.pool.query(
      `SELECT action, changes FROM audit_log WHERE object_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['token.create', 'token.revoke']);
    expect(audit.rows[1].changes.revokedAt.before).toBeNull();
  });

  it('refuses an expired token (401)', async () => {
    const auth = await f.session(await f.user());
    const created = await withToken(auth, { name: '一天', expiresInDays: 1 });
    expect(Date.parse(created.expiresAt) - Date.parse(created.createdAt)).toBe(DAY_MS);
    const me = () => client(t.app, bearer(created.token)).get('/api/v1/me');
    expect((await me()).statusCode).toBe(200);
    t.clock.advance(DAY_MS + 1000);
    try {
      expect((await me()).statusCode).toBe(401);
    } finally {
      t.clock.advance(-(DAY_MS + 1000));
    }
  });

  it("refuses a disabled user's token (401)", async () => {
    const auth = await f.session(await f.user());
    const created = await withToken(auth);
    await t.deps.db.update(users).set({ disabled: true }).where(eq(users.id, auth.user.id));
    expect((await client(t.app, bearer(created.token)).get('/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses unknown and malformed bearer credentials (401), even beside a valid cookie', async () => {
    const auth = await f.session(await f.user());
    for (const authorization of [`Bearer odt_${'A'.repeat(43)}`, 'Bearer ', 'Basic abc']) {
      const res = await client(t.app, auth).get('/api/v1/me', { authorization });
      expect(res.statusCode, authorization).toBe(401);
    }
  });

  it("lists only the caller's own tokens and hides another user's token (404)", async () => {
    const alice = await f.session(await f.user());
    const bob = await f.session(await f.user());
    const a = await withToken(alice);
    const b = await withToken(bob);
    expect(
      (await client(t.app, alice).get('/api/v1/tokens')).json().items.map((x: { id: string }) => x.id),
    ).toEqual([a.id]);
    const res = await client(t.app, bob).delete(`/api/v1/tokens/${a.id}`);
    expect(res.statusCode).toBe(404);
    expect((await client(t.app, bob).delete(`/api/v1/tokens/${randomUUID()}`)).statusCode).toBe(404);
    expect((await client(t.app, bearer(a.token)).get('/api/v1/me')).json().id).toBe(alice.user.id);
    expect((await client(t.app, bearer(b.token)).get('/api/v1/me')).json().id).toBe(bob.user.id);
  });

  it('rejects bad input with field-level messages', async () => {
    const http = client(t.app, await f.session(await f.user()), 'en');
    const res = await http.post('/api/v1/tokens', { name: ' ', expiresInDays: 0, scopes: ['all'] });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .error.details.fields.map((x: { path: string }) => x.path)
      .sort();
    expect(paths).toEqual(['expiresInDays', 'name', 'scopes']);
    expect((await http.post('/api/v1/tokens', { name: 'x', expiresInDays: '7' })).statusCode).toBe(400);
    expect((await http.post('/api/v1/tokens', { name: 'x', expiresInDays: 3651 })).statusCode).toBe(400);
    expect((await http.delete('/api/v1/tokens/123')).json().error.details.fields[0].path).toBe('id');
  });
});

securityTests('GET /tokens', async () => {
  const a = await f.tenant();
  return { ...t, f, method: 'GET', url: '/api/v1/tokens', allowed: await f.session(a.contact) };
});

securityTests('POST /tokens', async () => {
  const a = await f.tenant();
  return {
    ...t,
    f,
    method: 'POST',
    url: '/api/v1/tokens',
    body: { name: 'CI' },
    allowed: await f.session(a.fieldEngineer),
    allowedStatus: 201,
  };
});

securityTests('DELETE /tokens/:id', async () => {
  const a = await f.tenant();
  const owner = await f.session(a.engineer);
  const token = await withToken(owner);
  return {
    ...t,
    f,
    method: 'DELETE',
    url: `/api/v1/tokens/${token.id}`,
    allowed: owner,
    outsider: await f.session(a.pm),
  };
});
