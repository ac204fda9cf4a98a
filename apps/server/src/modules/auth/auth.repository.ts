import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor, GlobalRole, Membership, UserKind } from '@opsdesk/domain';
import type { Lang } from '@opsdesk/contracts';
import { coalesced } from '../../db/coalesce.js';
import { runPrepared } from '../../db/prepared.js';
import { textArray } from '../../db/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { apiTokens, sessions, users } from '../../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;

export interface PrincipalRow {
  user: {
    id: string;
    kind: UserKind;
    username: string | null;
    displayName: string;
    customerId: string | null;
    subcontractorId: string | null;
    globalRoles: GlobalRole[];
    managesDivision: string | null;
    managesRegion: string | null;
    locale: Lang | null;
    disabled: boolean;
  };
  memberships: Membership[];
}

export interface SessionPrincipalRow extends PrincipalRow {
  session: { id: string; csrfToken: string; createdAt: Date; lastSeenAt: Date; revokedAt: Date | null };
}

export interface TokenPrincipalRow extends PrincipalRow {
  token: { id: string; expiresAt: Date | null; revokedAt: Date | null; lastUsedAt: Date | null };
}

const principalColumns = sql`
  u.id, u.kind, u.username, u.display_name, u.customer_id, u.subcontractor_id, u.global_roles,
  u.manages_division, u.manages_region, u.locale, u.disabled,
  COALESCE((SELECT json_agg(json_build_object('projectId', m.project_id, 'role', m.role, 'specialty', m.specialty))
            FROM project_members m WHERE m.user_id = u.id), '[]'::json) AS memberships`;

type RawPrincipal = {
  id: string;
  kind: UserKind;
  username: string | null;
  display_name: string;
  customer_id: string | null;
  subcontractor_id: string | null;
  global_roles: GlobalRole[];
  manages_division: string | null;
  manages_region: string | null;
  locale: Lang | null;
  disabled: boolean;
  memberships: Membership[];
};

function toPrincipal(r: RawPrincipal): PrincipalRow {
  return {
    user: {
      id: r.id,
      kind: r.kind,
      username: r.username,
      displayName: r.display_name,
      customerId: r.customer_id,
      subcontractorId: r.subcontractor_id,
      globalRoles: r.global_roles,
      managesDivision: r.manages_division,
      managesRegion: r.manages_region,
      locale: r.locale,
      disabled: r.disabled,
    },
    memberships: r.memberships,
  };
}

export function actorOf(p: PrincipalRow): Actor {
  return {
    userId: p.user.id,
    kind: p.user.kind,
    globalRoles: p.user.globalRoles,
    customerId: p.user.customerId,
    subcontractorId: p.user.subcontractorId,
    managesDivision: p.user.managesDivision,
    managesRegion: p.user.managesRegion,
    memberships: p.memberships,
  };
}

type RawSessionPrincipal = RawPrincipal & {
  s_id: string;
  csrf_token: string;
  s_created: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
};

type RawTokenPrincipal = RawPrincipal & {
  token_hash: string;
  t_id: string;
  expires_at: Date | null;
  t_revoked: Date | null;
  last_used_at: Date | null;
};

/** The callers of the requests that arrive together, read by one statement (db/coalesce.ts). */
const sessionPrincipals = coalesced(async (db, ids) => {
  const rows = await runPrepared<RawSessionPrincipal>(
    db,
    sql`
    SELECT s.id AS s_id, s.csrf_token, s.created_at AS s_created, s.last_seen_at, s.revoked_at, ${principalColumns}
    FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ANY(${textArray(ids)})`,
  );
  return new Map(rows.map((r) => [r.s_id, r]));
});

const tokenPrincipals = coalesced(async (db, hashes) => {
  const rows = await runPrepared<RawTokenPrincipal>(
    db,
    sql`
    SELECT t.token_hash, t.id AS t_id, t.expires_at, t.revoked_at AS t_revoked, t.last_used_at, ${principalColumns}
    FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ANY(${textArray(hashes)})`,
  );
  return new Map(rows.map((r) => [r.token_hash, r]));
});

/** The session and its user with memberships (one statement for the requests arriving together). */
export async function findSessionPrincipal(
  db: DbOrTx,
  sessionId: string,
): Promise<SessionPrincipalRow | null> {
  const r = await sessionPrincipals(db, sessionId);
  if (!r) return null;
  return {
    ...toPrincipal(r),
    session: {
      id: r.s_id,
      csrfToken: r.csrf_token,
      createdAt: new Date(r.s_created),
      lastSeenAt: new Date(r.last_seen_at),
      revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
    },
  };
}

/** The API token and its user with memberships (one statement for the requests arriving together). */
export async function findTokenPrincipal(db: DbOrTx, tokenHash: string): Promise<TokenPrincipalRow | null> {
  const r = await tokenPrincipals(db, tokenHash);
  if (!r) return null;
  return {
    ...toPrincipal(r),
    token: {
      id: r.t_id,
      expiresAt: r.expires_at ? new Date(r.expires_at) : null,
      revokedAt: r.t_revoked ? new Date(r.t_revoked) : null,
      lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null,
    },
  };
}

export async function findPrincipalByUserId(db: DbOrTx, userId: string): Promise<PrincipalRow | null> {
  const res = await db.execute<RawPrincipal>(
    sql`SELECT ${principalColumns} FROM users u WHERE u.id = ${userId}`,
  );
  return res.rows[0] ? toPrincipal(res.rows[0]) : null;
}

export async function touchSession(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

export async function touchToken(db: DbOrTx, tokenId: string, now: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
}

export async function insertSession(
  db: DbOrTx,
  s: {
    id: string;
    userId: string;
    csrfToken: string;
    now: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db.insert(sessions).values({
    id: s.id,
    userId: s.userId,
    csrfToken: s.csrfToken,
    createdAt: s.now,
    lastSeenAt: s.now,
    ip: s.ip,
    userAgent: s.userAgent,
  });
}

export async function revokeSession(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export async function revokeUserSessions(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export async function findUserForLogin(db: DbOrTx, username: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .for('update');
  return rows[0] ?? null;
}

export async function countAdmins(db: DbOrTx): Promise<number> {
  const res = await db.execute<{ n: number }>(
    sql`SELECT count(*) AS n FROM users WHERE 'admin' = ANY(global_roles)`,
  );
  return Number(res.rows[0]?.n ?? 0);
}
