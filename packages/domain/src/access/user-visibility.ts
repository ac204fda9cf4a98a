import type { Actor, ProjectFacts } from './actor.js';
import { hasGlobalRole } from './actor.js';
import { canSeeProject } from './project-scope.js';
import type { UserKind } from './roles.js';

/**
 * Which user records an actor may see, in one place.
 *
 * - the admin, security admin and auditor see every user;
 * - other staff see all staff, the contacts of customers whose projects they can see, and the
 *   staff of subcontractors engaged on projects they can see;
 * - a customer contact sees the users of their own customer and the staff members of their
 *   customer's projects;
 * - subcontractor staff see their own company's users and the staff members of the projects
 *   their company is engaged on;
 * - everyone sees themselves.
 *
 * `userVisibility` describes the rule as data so a repository can turn it into a WHERE clause
 * (apps/server users repository); `canSeeUser` evaluates it on one user. A server test checks they
 * agree row for row. A user outside the rule is not found (404), never forbidden.
 */
export type UserVisibility =
  | { kind: 'all' }
  | { kind: 'self' }
  | { kind: 'staff' }
  | { kind: 'customer'; customerId: string }
  | { kind: 'subcontractor'; subcontractorId: string };

/** The facts about a user that decide who may see them. */
export interface UserFacts {
  id: string;
  kind: UserKind;
  customerId: string | null;
  subcontractorId: string | null;
  /** Projects the user is a member of, in any role. */
  memberProjectIds: readonly string[];
}

export function userVisibility(actor: Actor): UserVisibility {
  switch (actor.kind) {
    case 'staff':
      return hasGlobalRole(actor, 'admin') ||
        hasGlobalRole(actor, 'security_admin') ||
        hasGlobalRole(actor, 'auditor')
        ? { kind: 'all' }
        : { kind: 'staff' };
    case 'customer_contact':
      return actor.customerId ? { kind: 'customer', customerId: actor.customerId } : { kind: 'self' };
    case 'subcontractor_staff':
      return actor.subcontractorId
        ? { kind: 'subcontractor', subcontractorId: actor.subcontractorId }
        : { kind: 'self' };
  }
}

/**
 * Whether `actor` may see `target`. `projects` must hold every project that could connect them
 * (the target's projects, and the projects of the target's customer or subcontractor); projects
 * the actor cannot see are ignored.
 */
export function canSeeUser(actor: Actor, target: UserFacts, projects: readonly ProjectFacts[]): boolean {
  if (target.id === actor.userId) return true;
  const v = userVisibility(actor);
  const visible = () => projects.filter((p) => canSeeProject(actor, p));
  const staffMemberOfVisible = () =>
    target.kind === 'staff' && visible().some((p) => target.memberProjectIds.includes(p.id));
  switch (v.kind) {
    case 'all':
      return true;
    case 'self':
      return false;
    case 'staff':
      if (target.kind === 'staff') return true;
      if (target.kind === 'customer_contact') {
        return target.customerId !== null && visible().some((p) => p.customerId === target.customerId);
      }
      return visible().some(
        (p) => target.subcontractorId !== null && p.subcontractorIds.includes(target.subcontractorId),
      );
    case 'customer':
      return (
        (target.kind === 'customer_contact' && target.customerId === v.customerId) || staffMemberOfVisible()
      );
    case 'subcontractor':
      return (
        (target.kind === 'subcontractor_staff' && target.subcontractorId === v.subcontractorId) ||
        staffMemberOfVisible()
      );
  }
}
