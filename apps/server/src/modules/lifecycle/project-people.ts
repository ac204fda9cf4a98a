import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ProjectRole } from '@opsdesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { projectVisible } from '../../db/scope.js';
import { projectMembers, projects, users } from '../../db/schema/index.js';
import { actorOf, findPrincipalByUserId } from '../auth/auth.repository.js';

/**
 * Who is who on a project, for the lifecycle, handover and roster services: its enabled members
 * by role (in the order they joined), and whether a given user can see the project at all.
 */
export interface ProjectPerson {
  userId: string;
  role: ProjectRole;
  kind: string;
}

export function enabledMembers(
  db: DbOrTx,
  projectId: string,
  roles?: readonly ProjectRole[],
): Promise<ProjectPerson[]> {
  return db
    .select({
      userId: projectMembers.userId,
      role: sql<ProjectRole>`${projectMembers.role}`,
      kind: users.kind,
    })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(
      and(
        eq(projectMembers.projectId, projectId),
        eq(users.disabled, false),
        roles ? inArray(projectMembers.role, [...roles]) : undefined,
      ),
    )
    .orderBy(asc(projectMembers.createdAt), asc(projectMembers.id));
}

/** The project managers and leads, who hear about a task that has no owner. */
export async function managersOf(db: DbOrTx, projectId: string): Promise<string[]> {
  return [
    ...new Set(
      (await enabledMembers(db, projectId, ['project_manager', 'project_lead'])).map((m) => m.userId),
    ),
  ];
}

/** The customer's approvers on the project. */
export async function approversOf(db: DbOrTx, projectId: string): Promise<string[]> {
  return [...new Set((await enabledMembers(db, projectId, ['customer_approver'])).map((m) => m.userId))];
}

export interface UserFacts {
  id: string;
  kind: string;
  disabled: boolean;
  displayName: string;
  phone: string | null;
}

export async function findUserFacts(db: DbOrTx, userId: string): Promise<UserFacts | null> {
  const rows = await db
    .select({
      id: users.id,
      kind: users.kind,
      disabled: users.disabled,
      displayName: users.displayName,
      phone: users.phone,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for('share');
  return rows[0] ?? null;
}

/** Whether `userId` (with their own memberships and manager scope) can see the project. */
export async function userCanSeeProject(db: DbOrTx, userId: string, projectId: string): Promise<boolean> {
  const principal = await findPrincipalByUserId(db, userId);
  if (!principal || principal.user.disabled) return false;
  const rows = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.id, projectId), projectVisible(actorOf(principal), projects.id)));
  return rows.length > 0;
}

/**
 * Why `userId` cannot be named for staff work on a project (regional manager, service lead,
 * customer manager, task owner), or null: they must exist, be enabled staff, and see the project.
 */
export async function staffRefusal(db: DbOrTx, userId: string, projectId: string): Promise<string | null> {
  const u = await findUserFacts(db, userId);
  if (!u) return 'rule.unknownReference';
  if (u.disabled) return 'rule.userDisabled';
  if (u.kind !== 'staff') return 'rule.staffOnly';
  if (!(await userCanSeeProject(db, userId, projectId))) return 'rule.cannotSeeProject';
  return null;
}
