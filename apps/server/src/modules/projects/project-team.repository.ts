import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ProjectRole, Specialty, UserKind } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import {
  customers,
  projectMembers,
  projectSubcontractors,
  subcontractors,
  users,
} from '../../db/schema/index.js';
import { constraintField } from '../../http/pg-errors.js';

// Backstops for races the services check first: a second identical membership or engagement.
constraintField('project_members_unique_key', 'userId');
constraintField('project_subcontractors_pkey', 'subcontractorId');

export type MemberRow = typeof projectMembers.$inferSelect;
export type EngagementRow = typeof projectSubcontractors.$inferSelect;

/** A membership with what the team list shows of its user. */
export interface MembershipView {
  id: string;
  projectId: string;
  userId: string;
  displayName: string;
  userKind: UserKind;
  organisationName: string | null;
  role: ProjectRole;
  specialty: Specialty | null;
  createdAt: Date;
}

export interface EngagementView {
  projectId: string;
  subcontractorId: string;
  subcontractorName: string;
  scope: string | null;
  createdAt: Date;
}

/** The facts about a user that decide whether they may join a project in a role. */
export interface Candidate {
  id: string;
  kind: UserKind;
  customerId: string | null;
  subcontractorId: string | null;
  disabled: boolean;
}

const membershipColumns = {
  id: projectMembers.id,
  projectId: projectMembers.projectId,
  userId: projectMembers.userId,
  displayName: users.displayName,
  userKind: users.kind,
  organisationName: sql<string | null>`coalesce(${customers.name}, ${subcontractors.name})`,
  // The table's CHECK constraints hold these to the domain's values.
  role: sql<ProjectRole>`${projectMembers.role}`,
  specialty: sql<Specialty | null>`${projectMembers.specialty}`,
  createdAt: projectMembers.createdAt,
};

function membershipQuery(db: DbOrTx) {
  return db
    .select(membershipColumns)
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .leftJoin(customers, eq(customers.id, users.customerId))
    .leftJoin(subcontractors, eq(subcontractors.id, users.subcontractorId));
}

export function listMembers(db: DbOrTx, projectId: string): Promise<MembershipView[]> {
  return membershipQuery(db)
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(asc(projectMembers.createdAt), asc(projectMembers.id));
}

export async function findMembershipView(db: DbOrTx, memberId: string): Promise<MembershipView | null> {
  const rows = await membershipQuery(db).where(eq(projectMembers.id, memberId));
  return rows[0] ?? null;
}

export async function findMember(db: DbOrTx, projectId: string, memberId: string): Promise<MemberRow | null> {
  const rows = await db
    .select()
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.id, memberId)))
    .for('update');
  return rows[0] ?? null;
}

/** The user, locked FOR SHARE so they cannot be disabled or moved while they are being added. */
export async function findCandidate(db: DbOrTx, userId: string): Promise<Candidate | null> {
  const rows = await db
    .select({
      id: users.id,
      kind: users.kind,
      customerId: users.customerId,
      subcontractorId: users.subcontractorId,
      disabled: users.disabled,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for('share');
  return rows[0] ?? null;
}

export async function memberExists(
  db: DbOrTx,
  projectId: string,
  userId: string,
  role: ProjectRole,
): Promise<boolean> {
  const rows = await db
    .select({ id: projectMembers.id })
    .from(projectMembers)
    .where(
      and(
        eq(projectMembers.projectId, projectId),
        eq(projectMembers.userId, userId),
        eq(projectMembers.role, role),
      ),
    );
  return rows.length > 0;
}

export async function insertMember(db: DbOrTx, row: typeof projectMembers.$inferInsert): Promise<MemberRow> {
  const [created] = await db.insert(projectMembers).values(row).returning();
  return created!;
}

export async function deleteMemberRows(db: DbOrTx, ids: string[]): Promise<void> {
  if (ids.length) await db.delete(projectMembers).where(inArray(projectMembers.id, ids));
}

/** The field engineers a subcontractor has on a project, locked for removal. */
export function fieldEngineersOf(
  db: DbOrTx,
  projectId: string,
  subcontractorId: string,
): Promise<MemberRow[]> {
  return db
    .select()
    .from(projectMembers)
    .where(
      and(
        eq(projectMembers.projectId, projectId),
        eq(projectMembers.role, 'field_engineer'),
        sql`${projectMembers.userId} IN (SELECT ${users.id} FROM ${users} WHERE ${users.subcontractorId} = ${subcontractorId})`,
      ),
    )
    .orderBy(asc(projectMembers.id))
    .for('update', { of: projectMembers });
}

// ── Engagements ─────────────────────────────────────────────────────────────

function engagementQuery(db: DbOrTx) {
  return db
    .select({
      projectId: projectSubcontractors.projectId,
      subcontractorId: projectSubcontractors.subcontractorId,
      subcontractorName: subcontractors.name,
      scope: projectSubcontractors.scope,
      createdAt: projectSubcontractors.createdAt,
    })
    .from(projectSubcontractors)
    .innerJoin(subcontractors, eq(subcontractors.id, projectSubcontractors.subcontractorId));
}

export function listEngagements(db: DbOrTx, projectId: string): Promise<EngagementView[]> {
  return engagementQuery(db)
    .where(eq(projectSubcontractors.projectId, projectId))
    .orderBy(asc(subcontractors.name), asc(projectSubcontractors.subcontractorId));
}

export async function findEngagementView(
  db: DbOrTx,
  projectId: string,
  subcontractorId: string,
): Promise<EngagementView | null> {
  const rows = await engagementQuery(db).where(
    and(
      eq(projectSubcontractors.projectId, projectId),
      eq(projectSubcontractors.subcontractorId, subcontractorId),
    ),
  );
  return rows[0] ?? null;
}

/**
 * The engagement, locked: FOR SHARE while a field engineer is added under it (so a concurrent
 * removal waits and then removes that engineer too), FOR UPDATE while it is removed.
 */
export async function findEngagement(
  db: DbOrTx,
  projectId: string,
  subcontractorId: string,
  lock: 'share' | 'update',
): Promise<EngagementRow | null> {
  const rows = await db
    .select()
    .from(projectSubcontractors)
    .where(
      and(
        eq(projectSubcontractors.projectId, projectId),
        eq(projectSubcontractors.subcontractorId, subcontractorId),
      ),
    )
    .for(lock);
  return rows[0] ?? null;
}

export async function subcontractorExists(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: subcontractors.id })
    .from(subcontractors)
    .where(eq(subcontractors.id, id))
    .for('share');
  return rows.length > 0;
}

export async function insertEngagement(
  db: DbOrTx,
  row: typeof projectSubcontractors.$inferInsert,
): Promise<EngagementRow> {
  const [created] = await db.insert(projectSubcontractors).values(row).returning();
  return created!;
}

export async function deleteEngagementRow(
  db: DbOrTx,
  projectId: string,
  subcontractorId: string,
): Promise<void> {
  await db
    .delete(projectSubcontractors)
    .where(
      and(
        eq(projectSubcontractors.projectId, projectId),
        eq(projectSubcontractors.subcontractorId, subcontractorId),
      ),
    );
}
