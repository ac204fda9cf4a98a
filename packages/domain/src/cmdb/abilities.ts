import type { Actor } from '../access/actor.js';
import { rolesIn } from '../access/actor.js';
import { systemAbilities } from '../access/abilities.js';
import type { ProjectRole } from '../access/roles.js';

/**
 * Who may change the CMDB of a project. Reading is decided by scope alone (project-scope.ts):
 * customer contacts read their customer's CIs, subcontractor staff those of the projects their
 * company is engaged on, division/regional managers those of their division/region — all
 * read-only. Writing needs the system admin or a staff role on the project:
 *
 * - engineers and the technical lead keep CIs and relations up to date (they touch the devices);
 * - the project manager/lead, the technical lead and the admin also delete CIs and import files
 *   (bulk changes that a lead answers for);
 * - the service desk and the customer manager read only.
 */
export const CI_EDIT_ROLES: readonly ProjectRole[] = [
  'project_lead',
  'project_manager',
  'technical_lead',
  'engineer',
];
export const CI_BULK_ROLES: readonly ProjectRole[] = ['project_lead', 'project_manager', 'technical_lead'];

export interface CmdbAbilities {
  /** Create and edit CIs, add and remove relations. */
  update: boolean;
  /** Delete (soft) and restore CIs. */
  delete: boolean;
  /** Import files into the project. */
  import: boolean;
}

/** Abilities on the CMDB of a project the actor can already see. */
export function cmdbAbilities(actor: Actor, projectId: string): CmdbAbilities {
  const admin = systemAbilities(actor).manageOrganisation;
  const roles = actor.kind === 'staff' ? rolesIn(actor, projectId) : [];
  const edit = admin || roles.some((r) => CI_EDIT_ROLES.includes(r));
  const bulk = admin || roles.some((r) => CI_BULK_ROLES.includes(r));
  return { update: edit, delete: bulk, import: bulk };
}

/** The CMDB abilities a project carries (`Project.abilities`), so the UI offers create and import without guessing. */
export interface ProjectCmdbAbilities {
  /** Create CIs in the project (and edit them, add relations). */
  cmdbCreate: boolean;
  /** Import files into the project. */
  cmdbImport: boolean;
}

export function projectCmdbAbilities(actor: Actor, projectId: string): ProjectCmdbAbilities {
  const a = cmdbAbilities(actor, projectId);
  return { cmdbCreate: a.update, cmdbImport: a.import };
}

export interface CiTypeAbilities {
  update: boolean;
  delete: boolean;
}

/** CI types are the admin's: system types can gain attributes but are never deleted. */
export function ciTypeAbilities(actor: Actor, type: { system: boolean }): CiTypeAbilities {
  const admin = systemAbilities(actor).manageOrganisation;
  return { update: admin, delete: admin && !type.system };
}
