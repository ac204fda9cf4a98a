import type { Actor } from './actor.js';
import { hasGlobalRole, rolesIn } from './actor.js';
import { PROJECT_MANAGING_ROLES } from './roles.js';
import type { GlobalRole } from './roles.js';

/**
 * What an actor may do, as pure predicates. The server checks them before every write and
 * presents them on every object as `abilities`, so the UI never re-derives a rule.
 * Reading is decided by scope (project-scope.ts): an object outside the scope is not found.
 */

export interface SystemAbilities {
  manageOrganisation: boolean; // customers, subcontractors, sites, teams, projects
  manageUsers: boolean; // create, edit, disable, reset passwords
  grantRoles: boolean; // global roles (三员: only the security admin)
  manageSecurityPolicy: boolean;
  readAudit: boolean;
  readSecurityPolicy: boolean;
}

export function systemAbilities(actor: Actor): SystemAbilities {
  const admin = actor.kind === 'staff' && hasGlobalRole(actor, 'admin');
  const security = actor.kind === 'staff' && hasGlobalRole(actor, 'security_admin');
  const auditor = actor.kind === 'staff' && hasGlobalRole(actor, 'auditor');
  return {
    manageOrganisation: admin,
    manageUsers: admin,
    grantRoles: security,
    manageSecurityPolicy: security,
    readAudit: auditor || admin,
    readSecurityPolicy: security || admin || auditor,
  };
}

export interface OrganisationAbilities {
  update: boolean;
  delete: boolean;
}

/** Customers, subcontractors, sites and teams are maintained by the system admin. */
export function organisationAbilities(actor: Actor): OrganisationAbilities {
  const manage = systemAbilities(actor).manageOrganisation;
  return { update: manage, delete: manage };
}

export interface ProjectAbilities {
  update: boolean;
  delete: boolean;
  manageMembers: boolean;
  manageSubcontractors: boolean;
}

/** Abilities on a project the actor can already see. */
export function projectAbilities(actor: Actor, projectId: string): ProjectAbilities {
  const admin = systemAbilities(actor).manageOrganisation;
  const manager =
    actor.kind === 'staff' && rolesIn(actor, projectId).some((r) => PROJECT_MANAGING_ROLES.includes(r));
  return {
    update: admin || manager,
    delete: admin,
    manageMembers: admin || manager,
    manageSubcontractors: admin || manager,
  };
}

export interface UserAbilities {
  update: boolean;
  disable: boolean;
  resetPassword: boolean;
  grantRoles: boolean;
}

/**
 * Abilities on a user record. Nobody changes their own roles or disables themselves; the admin
 * manages accounts, the security admin grants global roles (等保 三员 separation).
 */
export function userAbilities(
  actor: Actor,
  target: { id: string; globalRoles: readonly GlobalRole[] },
): UserAbilities {
  const sys = systemAbilities(actor);
  const self = actor.userId === target.id;
  return {
    update: sys.manageUsers || self,
    disable: sys.manageUsers && !self,
    resetPassword: sys.manageUsers && !self,
    grantRoles: sys.grantRoles && !self,
  };
}

/**
 * Whether `actor` may give `target` exactly the global roles `after`. The three roles are
 * exclusive (one person holds at most one), only staff hold them, and nobody grants to themselves.
 */
export function canSetGlobalRoles(
  actor: Actor,
  target: { id: string; kind: Actor['kind'] },
  after: readonly GlobalRole[],
): boolean {
  if (!systemAbilities(actor).grantRoles || actor.userId === target.id) return false;
  if (after.length > 1) return false;
  return after.length === 0 || target.kind === 'staff';
}
