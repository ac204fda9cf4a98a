import { aliasedTable, and, asc, eq, gt, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { MAX_SHIFT_HOURS } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import {
  projectMembers,
  projects,
  rosterShifts,
  rosterSwaps,
  teamMembers,
  teams,
  users,
} from '../../db/schema/index.js';
import { constraintField } from '../../http/pg-errors.js';

constraintField('roster_shifts_times_check', 'endsAt');

export type ShiftRow = typeof rosterShifts.$inferSelect;
export type NewShift = typeof rosterShifts.$inferInsert;
export type SwapRow = typeof rosterSwaps.$inferSelect;
export type SwapView = SwapRow & { fromName: string | null; toName: string | null; byName: string | null };
export type ShiftView = ShiftRow & { userName: string; userPhone: string | null; swaps: SwapView[] };

/** Whose roster: a project's own, or a team's. */
export type RosterOwner = { projectId: string; teamId?: null } | { teamId: string; projectId?: null };

const ownerSql = (o: { projectId?: string | null; teamId?: string | null }): SQL =>
  or(
    o.projectId ? eq(rosterShifts.projectId, o.projectId) : undefined,
    o.teamId ? eq(rosterShifts.teamId, o.teamId) : undefined,
  ) ?? sql`false`;

async function withPeople(db: DbOrTx, rows: ShiftRow[]): Promise<ShiftView[]> {
  if (!rows.length) return [];
  const people = await db
    .select({ id: users.id, name: users.displayName, phone: users.phone })
    .from(users)
    .where(inArray(users.id, [...new Set(rows.map((r) => r.userId))]));
  const byId = new Map(people.map((p) => [p.id, p]));
  const from = aliasedTable(users, 'from_user');
  const to = aliasedTable(users, 'to_user');
  const by = aliasedTable(users, 'by_user');
  const swaps = await db
    .select({ s: rosterSwaps, fromName: from.displayName, toName: to.displayName, byName: by.displayName })
    .from(rosterSwaps)
    .leftJoin(from, eq(from.id, rosterSwaps.fromUserId))
    .leftJoin(to, eq(to.id, rosterSwaps.toUserId))
    .leftJoin(by, eq(by.id, rosterSwaps.swappedBy))
    .where(
      inArray(
        rosterSwaps.shiftId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(rosterSwaps.createdAt), asc(rosterSwaps.id));
  return rows.map((r) => ({
    ...r,
    userName: byId.get(r.userId)?.name ?? '',
    userPhone: byId.get(r.userId)?.phone ?? null,
    swaps: swaps
      .filter((s) => s.s.shiftId === r.id)
      .map((s) => ({ ...s.s, fromName: s.fromName, toName: s.toName, byName: s.byName })),
  }));
}

const WEEK_MS = MAX_SHIFT_HOURS * 3_600_000;

/**
 * Shifts of the given rosters overlapping [from, to). A shift lasts at most a week, so only shifts
 * starting in (from − 1 week, to) can overlap: a range on the (owner, starts_at) index.
 */
export async function shiftsBetween(
  db: DbOrTx,
  owners: { projectId?: string | null; teamId?: string | null },
  from: Date,
  to: Date,
): Promise<ShiftView[]> {
  const rows = await db
    .select()
    .from(rosterShifts)
    .where(
      and(
        ownerSql(owners),
        gt(rosterShifts.startsAt, new Date(from.getTime() - WEEK_MS)),
        lt(rosterShifts.startsAt, to),
        gt(rosterShifts.endsAt, from),
      ),
    )
    .orderBy(asc(rosterShifts.startsAt), asc(rosterShifts.id));
  return withPeople(db, rows);
}

/** Shifts on duty at an instant: started at or before it, ending after it. */
export async function shiftsAt(
  db: DbOrTx,
  owners: { projectId?: string | null; teamId?: string | null },
  at: Date,
): Promise<ShiftView[]> {
  const rows = await db
    .select()
    .from(rosterShifts)
    .where(
      and(
        ownerSql(owners),
        gt(rosterShifts.startsAt, new Date(at.getTime() - WEEK_MS)),
        lte(rosterShifts.startsAt, at),
        gt(rosterShifts.endsAt, at),
      ),
    )
    .orderBy(asc(rosterShifts.startsAt), asc(rosterShifts.id));
  return withPeople(db, rows);
}

export async function findShiftViews(db: DbOrTx, ids: readonly string[]): Promise<ShiftView[]> {
  if (!ids.length) return [];
  const rows = await db
    .select()
    .from(rosterShifts)
    .where(inArray(rosterShifts.id, [...ids]))
    .orderBy(asc(rosterShifts.startsAt), asc(rosterShifts.id));
  return withPeople(db, rows);
}

export async function findShiftView(db: DbOrTx, id: string): Promise<ShiftView | null> {
  const rows = await db.select().from(rosterShifts).where(eq(rosterShifts.id, id));
  return (await withPeople(db, rows))[0] ?? null;
}

export async function lockShift(db: DbOrTx, id: string): Promise<ShiftRow | null> {
  const rows = await db.select().from(rosterShifts).where(eq(rosterShifts.id, id)).for('update');
  return rows[0] ?? null;
}

export async function insertShifts(db: DbOrTx, rows: NewShift[]): Promise<ShiftRow[]> {
  return rows.length ? db.insert(rosterShifts).values(rows).returning() : [];
}

export async function updateShiftRow(db: DbOrTx, id: string, patch: Partial<NewShift>): Promise<ShiftRow> {
  const [row] = await db.update(rosterShifts).set(patch).where(eq(rosterShifts.id, id)).returning();
  return row!;
}

export async function deleteShiftRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(rosterShifts).where(eq(rosterShifts.id, id));
}

export async function insertSwap(db: DbOrTx, row: typeof rosterSwaps.$inferInsert): Promise<SwapRow> {
  const [created] = await db.insert(rosterSwaps).values(row).returning();
  return created!;
}

export async function findTeamRow(db: DbOrTx, id: string) {
  const rows = await db
    .select({ id: teams.id, name: teams.name, leadUserId: teams.leadUserId })
    .from(teams)
    .where(eq(teams.id, id));
  return rows[0] ?? null;
}

/** Which of `userIds` may stand duty on the roster: members of the project (not customer contacts), or of the team; all enabled. */
export async function eligible(
  db: DbOrTx,
  owner: { projectId?: string | null; teamId?: string | null },
  userIds: readonly string[],
): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const ids = [...new Set(userIds)];
  const rows = owner.projectId
    ? await db
        .selectDistinct({ id: projectMembers.userId })
        .from(projectMembers)
        .innerJoin(users, eq(users.id, projectMembers.userId))
        .where(
          and(
            eq(projectMembers.projectId, owner.projectId),
            inArray(projectMembers.userId, ids),
            sql`${users.kind} <> 'customer_contact'`,
            eq(users.disabled, false),
          ),
        )
    : await db
        .selectDistinct({ id: teamMembers.userId })
        .from(teamMembers)
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .where(
          and(
            eq(teamMembers.teamId, owner.teamId!),
            inArray(teamMembers.userId, ids),
            eq(users.disabled, false),
          ),
        );
  return new Set(rows.map((r) => r.id));
}

export async function dutyTeamOf(db: DbOrTx, projectId: string): Promise<string | null> {
  const [row] = await db.select({ id: projects.dutyTeamId }).from(projects).where(eq(projects.id, projectId));
  return row?.id ?? null;
}
