import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { users } from '../db/schema/index.js';
import type { Deps } from '../http/context.js';
import type { Auth, Factories } from './factories.js';
import { client } from './http.js';
import type { Caller } from './http.js';

export interface SecurityCase {
  app: FastifyInstance;
  deps: Deps;
  f: Factories;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  /** A caller who may do it. */
  allowed: Auth;
  /** Status the allowed caller gets (without it, every 2xx status passes). */
  allowedStatus?: number;
  /** A caller of another customer / subcontractor / project: the object does not exist for them. */
  outsider?: Caller;
  /** Status for the outsider (404 for one object; lists instead check `notListed`). */
  outsiderStatus?: number;
  /** A caller who sees the object but lacks the role. */
  tooLittleRole?: Caller;
  tooLittleRoleStatus?: number;
}

/** A disabled copy of the allowed user, with the same kind, organisation, roles and memberships. */
async function disabledTwin(deps: Deps, f: Factories, auth: Auth): Promise<Auth> {
  const u = auth.user;
  const twin = await f.user({
    kind: u.kind,
    customerId: u.customerId,
    subcontractorId: u.subcontractorId,
    globalRoles: u.globalRoles as never,
    managesDivision: u.managesDivision,
    managesRegion: u.managesRegion,
  });
  await deps.db.execute(sql`INSERT INTO project_members (id, project_id, user_id, role, specialty)
    SELECT gen_random_uuid(), project_id, ${twin.id}, role, specialty FROM project_members WHERE user_id = ${u.id}`);
  await deps.db.execute(
    sql`INSERT INTO team_members (team_id, user_id) SELECT team_id, ${twin.id} FROM team_members WHERE user_id = ${u.id}`,
  );
  const session = await f.session(twin);
  await deps.db.update(users).set({ disabled: true }).where(eq(users.id, twin.id));
  return session;
}

/**
 * The security tests every endpoint gets, written once (docs/architecture.md): no session → 401,
 * a disabled user → 401, another tenant → 404, too little role → 403, and the allowed caller
 * succeeds (run last, since it may change or delete the object).
 */
export function securityTests(name: string, make: () => Promise<SecurityCase>): void {
  describe(`security: ${name}`, () => {
    let c: SecurityCase;
    beforeAll(async () => {
      c = await make();
    });
    const call = (caller: Caller | null) => {
      const http = client(c.app, caller);
      switch (c.method) {
        case 'GET':
          return http.get(c.url);
        case 'DELETE':
          return http.delete(c.url);
        case 'POST':
          return http.post(c.url, c.body);
        case 'PATCH':
          return http.patch(c.url, c.body);
        case 'PUT':
          return http.put(c.url, c.body);
      }
    };

    it('refuses a request without a session (401)', async () => {
      const res = await call(null);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a disabled user (401)', async () => {
      const res = await call(await disabledTwin(c.deps, c.f, c.allowed));
      expect(res.statusCode).toBe(401);
    });

    it('refuses a cookie write without the CSRF token (403)', async (ctx) => {
      if (c.method === 'GET') return ctx.skip(); // reads need no CSRF token
      const headers = { cookie: c.allowed.headers.cookie! };
      const res = await call({ headers });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CSRF_FAILED');
    });

    it('hides the object from another tenant (404)', async (ctx) => {
      if (!c.outsider) return ctx.skip(); // system-wide endpoints have no tenant
      const res = await call(c.outsider);
      expect(res.statusCode).toBe(c.outsiderStatus ?? 404);
    });

    it('refuses a caller with too little role (403)', async (ctx) => {
      if (!c.tooLittleRole) return ctx.skip(); // every signed-in user may do it
      const res = await call(c.tooLittleRole);
      expect(res.statusCode).toBe(c.tooLittleRoleStatus ?? 403);
    });

    it('lets the allowed caller do it', async () => {
      const res = await call(c.allowed);
      if (c.allowedStatus) expect(res.statusCode).toBe(c.allowedStatus);
      else expect(res.statusCode, res.body).toBeLessThan(300);
    });
  });
}
