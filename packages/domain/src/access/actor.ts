import type { GlobalRole, ProjectRole, Specialty, UserKind } from './roles.js';

export interface Membership {
  projectId: string;
  role: ProjectRole;
  specialty: Specialty | null;
}

/** Who is acting: everything access rules need, loaded once per request. */
export interface Actor {
  userId: string;
  kind: UserKind;
  globalRoles: readonly GlobalRole[];
  /** Set for customer contacts: the one customer they belong to. */
  customerId: string | null;
  /** Set for subcontractor staff: the one subcontractor they belong to. */
  subcontractorId: string | null;
  /** A division manager sees every project of this division. */
  managesDivision: string | null;
  /** A regional manager sees every project of this region. */
  managesRegion: string | null;
  memberships: readonly Membership[];
}

/** The facts about a project that decide who may see it. */
export interface ProjectFacts {
  id: string;
  customerId: string;
  division: string | null;
  region: string | null;
  /** Subcontractors currently engaged on the project. */
  subcontractorIds: readonly string[];
}

export function hasGlobalRole(actor: Actor, role: GlobalRole): boolean {
  return actor.globalRoles.includes(role);
}

export function rolesIn(actor: Actor, projectId: string): ProjectRole[] {
  return actor.memberships.filter((m) => m.projectId === projectId).map((m) => m.role);
}
