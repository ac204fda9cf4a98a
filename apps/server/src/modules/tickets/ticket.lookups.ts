import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { projectVisible } from '../../db/scope.js';
import { projectMembers, projects, teamMembers, teams, users } from '../../db/schema/index.js';

/** Small lookups shared by the service desk's services. */
export async function findVisibleProject(db: DbOrTx, actor: Actor, id: string) {
  const rows = await db
    .select({ id: projects.id, customerId: projects.customerId, code: projects.code, name: projects.name })
    .from(projects)
    .where(and(eq(projects.id, id), projectVisible(actor, projects.id)));
  return rows[0] ?? null;
}

export async function isGroupMember(db: DbOrTx, groupId: string | null, userId: string): Promise<boolean> {
  if (!groupId) return false;
  const rows = await db
    .select({ u: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, groupId), eq(teamMembers.userId, userId)));
  return rows.length > 0;
}

export async function teamExists(
  db: DbOrTx,
  id: string,
): Promise<{ id: string; name: string; leadUserId: string | null } | null> {
  const rows = await db
    .select({ id: teams.id, name: teams.name, leadUserId: teams.leadUserId })
    .from(teams)
    .where(eq(teams.id, id));
  return rows[0] ?? null;
}

export async function groupMemberIds(db: DbOrTx, groupId: string): Promise<string[]> {
  const rows = await db
    .select({ u: teamMembers.userId })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, groupId), eq(users.disabled, false)));
  return rows.map((r) => r.u);
}

/** Project managers and leads of a project (enabled users). */
export async function projectManagerIds(db: DbOrTx, projectId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ u: projectMembers.userId })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(
      and(
        eq(projectMembers.projectId, projectId),
        inArray(projectMembers.role, ['project_manager', 'project_lead']),
        eq(users.disabled, false),
      ),
    );
  return rows.map((r) => r.u);
}

export interface UserFacts {
  id: string;
  kind: 'staff' | 'customer_contact' | 'subcontractor_staff';
  customerId: string | null;
  subcontractorId: string | null;
  disabled: boolean;
  displayName: string;
}

export async function userFacts(db: DbOrTx, id: string): Promise<UserFacts | null> {
  const rows = await db
    .select({
      id: users.id,
      kind: users.kind,
      customerId: users.customerId,
      subcontractorId: users.subcontractorId,
      disabled: users.disabled,
      displayName: users.displayName,
    })
    .from(users)
    .where(eq(users.id, id));
  return rows[0] ?? null;
}

/**
 * Whether the user may be assigned tickets of the project: enabled staff with a staff role in it,
 * or enabled staff of a subcontractor engaged on it with a field-engineer membership.
 */
export async function assignableOnProject(db: DbOrTx, projectId: string, userId: string): Promise<boolean> {
  const r = await db.execute<{ ok: boolean }>(sql`SELECT EXISTS (
    SELECT 1 FROM project_members m JOIN users u ON u.id = m.user_id
    WHERE m.project_id = ${projectId} AND m.user_id = ${userId} AND NOT u.disabled
      AND ((u.kind = 'staff' AND m.role IN ('project_lead','project_manager','technical_lead','service_desk_agent','engineer','customer_manager'))
        OR (u.kind = 'subcontractor_staff' AND m.role = 'field_engineer'
            AND EXISTS (SELECT 1 FROM project_subcontractors ps WHERE ps.project_id = m.project_id AND ps.subcontractor_id = u.subcontractor_id)))) AS ok`);
  return Boolean(r.rows[0]?.ok);
}
