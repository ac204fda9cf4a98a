import { randomBytes } from 'node:crypto';
import type { GlobalRole, ProjectRole, Specialty, UserKind } from '@opsdesk/domain';
import {
  customers,
  projectMembers,
  projects,
  projectSubcontractors,
  sessions,
  apiTokens,
  sites,
  subcontractors,
  teams,
  users,
} from '../db/schema/index.js';
import type { Deps } from '../http/context.js';
import { uuid7 } from '../lib/ids.js';
import { hashPassword } from '../lib/password-hash.js';
import { newSecret, sha256 } from '../lib/secrets.js';
import { SESSION_COOKIE } from '../http/auth-hook.js';

const tag = () => randomBytes(4).toString('hex');

export type UserRow = typeof users.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;

/** Credentials of a test user: a real session row (cookie + CSRF) and headers to send. */
export interface Auth {
  user: UserRow;
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/**
 * Factories that make each test its own tenant: fresh customers, projects and users with unique
 * names, written straight to the database (fast) — the API under test is never used to set up.
 */
export function factories(deps: Deps) {
  const db = deps.db;
  const now = () => deps.now();

  const f = {
    async customer(over: Partial<typeof customers.$inferInsert> = {}) {
      const [row] = await db
        .insert(customers)
        .values({ id: uuid7(), name: `客户-${tag()}`, ...over })
        .returning();
      return row!;
    },
    async subcontractor(over: Partial<typeof subcontractors.$inferInsert> = {}) {
      const [row] = await db
        .insert(subcontractors)
        .values({ id: uuid7(), name: `分包商-${tag()}`, ...over })
        .returning();
      return row!;
    },
    async site(customerId: string, over: Partial<typeof sites.$inferInsert> = {}) {
      const [row] = await db
        .insert(sites)
        .values({ id: uuid7(), customerId, name: `地点-${tag()}`, ...over })
        .returning();
      return row!;
    },
    async project(over: Partial<typeof projects.$inferInsert> = {}) {
      const customerId = over.customerId ?? (await f.customer()).id;
      const [row] = await db
        .insert(projects)
        .values({
          id: uuid7(),
          code: `P-${tag()}`,
          name: `项目-${tag()}`,
          status: 'active',
          ...over,
          customerId,
        })
        .returning();
      return row!;
    },
    async team(over: Partial<typeof teams.$inferInsert> = {}) {
      const [row] = await db
        .insert(teams)
        .values({ id: uuid7(), name: `团队-${tag()}`, ...over })
        .returning();
      return row!;
    },
    async user(
      over: Partial<typeof users.$inferInsert> & {
        kind?: UserKind;
        globalRoles?: GlobalRole[];
        password?: string;
      } = {},
    ) {
      const { password, ...rest } = over;
      const username = rest.username === undefined ? `u${tag()}` : rest.username;
      const [row] = await db
        .insert(users)
        .values({
          id: uuid7(),
          kind: 'staff',
          displayName: `用户-${tag()}`,
          ...rest,
          username,
          passwordHash: password ? await hashPassword(password) : null,
        })
        .returning();
      return row!;
    },
    admin: () => f.user({ globalRoles: ['admin'] }),
    securityAdmin: () => f.user({ globalRoles: ['security_admin'] }),
    auditor: () => f.user({ globalRoles: ['auditor'] }),
    contact: (customerId: string, over: Partial<typeof users.$inferInsert> = {}) =>
      f.user({ kind: 'customer_contact', customerId, ...over }),
    subStaff: (subcontractorId: string, over: Partial<typeof users.$inferInsert> = {}) =>
      f.user({ kind: 'subcontractor_staff', subcontractorId, ...over }),
    async member(projectId: string, userId: string, role: ProjectRole, specialty: Specialty | null = null) {
      const [row] = await db
        .insert(projectMembers)
        .values({ id: uuid7(), projectId, userId, role, specialty })
        .returning();
      return row!;
    },
    async engage(projectId: string, subcontractorId: string) {
      await db.insert(projectSubcontractors).values({ projectId, subcontractorId });
    },
    /** A signed-in session for the user, as the browser would hold it. */
    async session(user: UserRow): Promise<Auth> {
      const cookie = newSecret();
      const csrf = newSecret();
      const t = now();
      await db
        .insert(sessions)
        .values({ id: sha256(cookie), userId: user.id, csrfToken: csrf, createdAt: t, lastSeenAt: t });
      return { user, cookie, csrf, headers: { cookie: `${SESSION_COOKIE}=${cookie}`, 'x-csrf-token': csrf } };
    },
    /** A personal API token for the user. */
    async token(user: UserRow): Promise<{ token: string; headers: Record<string, string> }> {
      const token = `odt_${newSecret()}`;
      await db.insert(apiTokens).values({
        id: uuid7(),
        userId: user.id,
        name: 'test',
        prefix: token.slice(0, 8),
        tokenHash: sha256(token),
      });
      return { token, headers: { authorization: `Bearer ${token}` } };
    },
    /**
     * A whole tenant: a customer with a project (and a second, unrelated tenant's project is
     * just another call), its project manager, an engineer, a contact, and an engaged
     * subcontractor with a field engineer.
     */
    async tenant() {
      const customer = await f.customer();
      const project = await f.project({ customerId: customer.id });
      const pm = await f.user();
      await f.member(project.id, pm.id, 'project_manager');
      const engineer = await f.user();
      await f.member(project.id, engineer.id, 'engineer', 'network');
      const contact = await f.contact(customer.id);
      const subcontractor = await f.subcontractor();
      await f.engage(project.id, subcontractor.id);
      const fieldEngineer = await f.subStaff(subcontractor.id);
      await f.member(project.id, fieldEngineer.id, 'field_engineer');
      return { customer, project, pm, engineer, contact, subcontractor, fieldEngineer };
    },
  };
  return f;
}

export type Factories = ReturnType<typeof factories>;
