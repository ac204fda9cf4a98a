import type { Actor, ProjectFacts } from './actor.js';
import { hasGlobalRole } from './actor.js';

/**
 * The scope rule, in one place: which projects an actor may see.
 *
 * - admins see every project;
 * - other staff see the projects they are members of, and division/regional managers also every
 *   project of their division/region;
 * - customer contacts see only their customer's projects;
 * - subcontractor staff see only the projects their company is engaged on.
 *
 * `projectScope` describes the rule as data so a repository can turn it into a WHERE clause;
 * `canSeeProject` evaluates the same rule on one project. A test checks that they agree.
 */
export type ProjectScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'customer'; customerId: string }
  | { kind: 'subcontractor'; subcontractorId: string }
  | {
      kind: 'staff';
      memberProjectIds: readonly string[];
      division: string | null;
      region: string | null;
    };

export function projectScope(actor: Actor): ProjectScope {
  switch (actor.kind) {
    case 'customer_contact':
      return actor.customerId ? { kind: 'customer', customerId: actor.customerId } : { kind: 'none' };
    case 'subcontractor_staff':
      return actor.subcontractorId
        ? { kind: 'subcontractor', subcontractorId: actor.subcontractorId }
        : { kind: 'none' };
    case 'staff': {
      if (hasGlobalRole(actor, 'admin')) return { kind: 'all' };
      const memberProjectIds = [...new Set(actor.memberships.map((m) => m.projectId))];
      if (memberProjectIds.length === 0 && !actor.managesDivision && !actor.managesRegion)
        return { kind: 'none' };
      return {
        kind: 'staff',
        memberProjectIds,
        division: actor.managesDivision,
        region: actor.managesRegion,
      };
    }
  }
}

export function scopeAllows(scope: ProjectScope, project: ProjectFacts): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'customer':
      return project.customerId === scope.customerId;
    case 'subcontractor':
      return project.subcontractorIds.includes(scope.subcontractorId);
    case 'staff':
      return (
        scope.memberProjectIds.includes(project.id) ||
        (scope.division !== null && project.division === scope.division) ||
        (scope.region !== null && project.region === scope.region)
      );
  }
}

export function canSeeProject(actor: Actor, project: ProjectFacts): boolean {
  return scopeAllows(projectScope(actor), project);
}
