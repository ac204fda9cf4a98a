import { and, asc, eq, getTableColumns, ilike, inArray, or, sql } from 'drizzle-orm';
import { containsPattern } from '../../db/like.js';
import type { SQL } from 'drizzle-orm';
import type { Actor, UserKind } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { countWhere } from '../../db/count.js';
import { teamMembers, teams, users } from '../../db/schema/index.js';
import { keyset } from '../../http/pagination.js';
import type { KeysetInput } from '../../http/pagination.js';
import { constraintField } from '../../http/pg-errors.js';

// A member deleted between the check and the insert is reported on the field that named it.
constraintField('team_members_user_id_fkey', 'memberIds');

export type TeamRow = typeof teams.$inferSelect;
export type NewTeam = typeof teams.$inferInsert;
export interface TeamMember {
  userId: string;
  displayName: string;
}
/** A team with its lead's name and its members, as lists and details show it. */
export type TeamView = TeamRow & { leadName: string | null; members: TeamMember[] };

/** Teams are groups of the provider's own staff: only staff see them. */
export function teamVisible(actor: Actor): SQL {
  return actor.kind === 'staff' ? sql`true` : sql`false`;
}

const rowColumns = { ...getTableColumns(teams), leadName: users.displayName };

async function withMembers(db: DbOrTx, rows: (TeamRow & { leadName: string | null })[]): Promise<TeamView[]> {
  if (rows.length === 0) return [];
  const found = await db
    .select({ teamId: teamMembers.teamId, userId: users.id, displayName: users.displayName })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(
      inArray(
        teamMembers.teamId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
  const byTeam = new Map<string, TeamMember[]>();
  for (const m of found)
    byTeam.set(m.teamId, [...(byTeam.get(m.teamId) ?? []), { userId: m.userId, displayName: m.displayName }]);
  return rows.map((r) => ({ ...r, members: byTeam.get(r.id) ?? [] }));
}

export async function listTeams(db: DbOrTx, actor: Actor, query: KeysetInput & { q?: string | undefined }) {
  const ks = keyset<TeamRow & { leadName: string | null }>(
    query,
    { name: { column: teams.name }, createdAt: { column: teams.createdAt } },
    teams.id,
    { defaultSort: 'name', rowKey: (r, k) => r[k as keyof TeamRow], rowId: (r) => r.id },
  );
  const filter: SQL | undefined = and(
    teamVisible(actor),
    query.q
      ? or(ilike(teams.name, containsPattern(query.q)), ilike(teams.description, containsPattern(query.q)))
      : undefined,
  );
  const rows = await db
    .select(rowColumns)
    .from(teams)
    .leftJoin(users, eq(users.id, teams.leadUserId))
    .where(and(filter, ks.where))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const page = ks.page(rows);
  return { ...page, items: await withMembers(db, page.items), total: await countWhere(db, teams, filter) };
}

export async function findTeam(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<TeamView | null> {
  const q = db
    .select(rowColumns)
    .from(teams)
    .leftJoin(users, eq(users.id, teams.leadUserId))
    .where(and(eq(teams.id, id), teamVisible(actor)));
  const rows = lock ? await q.for('update', { of: teams }) : await q;
  const [view] = await withMembers(db, rows);
  return view ?? null;
}

/** The kinds of the given users (missing ids are unknown); share-locked so they stay until commit. */
export async function findUserKinds(db: DbOrTx, ids: readonly string[]): Promise<Map<string, UserKind>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, kind: users.kind })
    .from(users)
    .where(inArray(users.id, [...ids]))
    .for('share');
  return new Map(rows.map((r) => [r.id, r.kind]));
}

export async function insertTeam(db: DbOrTx, row: NewTeam): Promise<TeamRow> {
  const [created] = await db.insert(teams).values(row).returning();
  return created!;
}

export async function updateTeamRow(db: DbOrTx, id: string, patch: Partial<NewTeam>): Promise<TeamRow> {
  const [updated] = await db.update(teams).set(patch).where(eq(teams.id, id)).returning();
  return updated!;
}

/** Makes the team's members exactly `userIds`. */
export async function setTeamMembers(db: DbOrTx, teamId: string, userIds: readonly string[]): Promise<void> {
  await db.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
  if (userIds.length) await db.insert(teamMembers).values(userIds.map((userId) => ({ teamId, userId })));
}

export async function deleteTeamRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(teams).where(eq(teams.id, id));
}
