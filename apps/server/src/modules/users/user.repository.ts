import { and, eq, getTableColumns, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import { containsPattern } from '../../db/like.js';
import type { SQL } from 'drizzle-orm';
import { userVisibility } from '@opsdesk/domain';
import type { Actor, UserKind } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { countWhere } from '../../db/count.js';
import { projectVisible } from '../../db/scope.js';
import { customers, subcontractors, users } from '../../db/schema/index.js';
import { keyset } from '../../http/pagination.js';
import type { KeysetInput } from '../../http/pagination.js';
import { constraintField } from '../../http/pg-errors.js';

// users_username_key is a unique index on lower(username): PostgreSQL names no column for it.
constraintField('users_username_key', 'username');
constraintField('users_customer_kind_check', 'customerId');
constraintField('users_subcontractor_kind_check', 'subcontractorId');
constraintField('users_manager_kind_check', 'managesDivision');
constraintField('users_global_roles_check', 'globalRoles');

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
/** A user as every read returns it: never the password hash, only whether there is one. */
export type UserView = Omit<UserRow, 'passwordHash'> & {
  hasPassword: boolean;
  customerName: string | null;
  subcontractorName: string | null;
};

export interface UserFilter {
  q?: string | undefined;
  kind?: UserKind | undefined;
  customerId?: string | undefined;
  subcontractorId?: string | undefined;
  disabled?: 'true' | 'false' | undefined;
}

const { passwordHash, ...publicColumns } = getTableColumns(users);
const viewColumns = {
  ...publicColumns,
  hasPassword: sql<boolean>`(${passwordHash} IS NOT NULL)`,
  customerName: customers.name,
  subcontractorName: subcontractors.name,
};

/**
 * The rule of packages/domain/access/user-visibility.ts as a WHERE clause on `users`.
 * user-visibility.routes.test.ts checks it agrees with `canSeeUser` user for user.
 */
export function userVisible(actor: Actor): SQL {
  const v = userVisibility(actor);
  const self = sql`${users.id} = ${actor.userId}`;
  const staffMemberOfVisible = sql`(${users.kind} = 'staff' AND ${users.id} IN (
    SELECT m.user_id FROM project_members m WHERE ${projectVisible(actor, sql`m.project_id`)}))`;
  switch (v.kind) {
    case 'all':
      return sql`true`;
    case 'self':
      return self;
    case 'staff':
      return sql`(${self} OR ${users.kind} = 'staff'
        OR (${users.kind} = 'customer_contact' AND ${users.customerId} IN (
          SELECT p.customer_id FROM projects p WHERE ${projectVisible(actor, sql`p.id`)}))
        OR (${users.kind} = 'subcontractor_staff' AND ${users.subcontractorId} IN (
          SELECT ps.subcontractor_id FROM project_subcontractors ps WHERE ${projectVisible(actor, sql`ps.project_id`)})))`;
    case 'customer':
      return sql`(${self} OR (${users.kind} = 'customer_contact' AND ${users.customerId} = ${v.customerId}) OR ${staffMemberOfVisible})`;
    case 'subcontractor':
      return sql`(${self} OR (${users.kind} = 'subcontractor_staff' AND ${users.subcontractorId} = ${v.subcontractorId}) OR ${staffMemberOfVisible})`;
  }
}

function viewQuery(db: DbOrTx) {
  return db
    .select(viewColumns)
    .from(users)
    .leftJoin(customers, eq(customers.id, users.customerId))
    .leftJoin(subcontractors, eq(subcontractors.id, users.subcontractorId));
}

export async function listUsers(db: DbOrTx, actor: Actor, query: KeysetInput & UserFilter) {
  const ks = keyset<UserView>(
    query,
    {
      displayName: { column: users.displayName },
      username: { column: users.username, nullable: true },
      createdAt: { column: users.createdAt },
    },
    users.id,
    { defaultSort: 'displayName', rowKey: (r, k) => r[k as keyof UserView], rowId: (r) => r.id },
  );
  const q = query.q ? containsPattern(query.q) : null;
  const filter: SQL | undefined = and(
    userVisible(actor),
    query.kind ? eq(users.kind, query.kind) : undefined,
    query.customerId ? eq(users.customerId, query.customerId) : undefined,
    query.subcontractorId ? eq(users.subcontractorId, query.subcontractorId) : undefined,
    query.disabled ? eq(users.disabled, query.disabled === 'true') : undefined,
    q
      ? or(
          ilike(users.displayName, q),
          ilike(users.username, q),
          ilike(users.email, q),
          ilike(users.phone, q),
        )
      : undefined,
  );
  const rows = await viewQuery(db)
    .where(and(filter, ks.where))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return { ...ks.page(rows), total: await countWhere(db, users, filter) };
}

/** One user the actor may see, or null. `lock` takes the user row FOR UPDATE. */
export async function findUser(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<UserView | null> {
  const q = viewQuery(db).where(and(eq(users.id, id), userVisible(actor)));
  const rows = lock ? await q.for('update', { of: users }) : await q;
  return rows[0] ?? null;
}

export async function usernameTaken(db: DbOrTx, username: string, exceptId: string | null): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(sql`lower(${users.username}) = lower(${username})`, exceptId ? ne(users.id, exceptId) : undefined),
    );
  return rows.length > 0;
}

export async function organisationExists(
  db: DbOrTx,
  kind: 'customer' | 'subcontractor',
  id: string,
): Promise<boolean> {
  const table = kind === 'customer' ? customers : subcontractors;
  const rows = await db.select({ id: table.id }).from(table).where(eq(table.id, id)).for('share');
  return rows.length > 0;
}

/** Inserts or updates a user; returns the id (reads go through findUser, without the hash). */
export async function insertUser(db: DbOrTx, row: NewUser): Promise<string> {
  const [created] = await db.insert(users).values(row).returning({ id: users.id });
  return created!.id;
}

export async function updateUserRow(db: DbOrTx, id: string, patch: Partial<NewUser>): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

/** Display names by user id, for objects that name people (no scope: the caller already reads the object). */
export async function displayNames(
  db: DbOrTx,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((u) => [u.id, u.name]));
}
