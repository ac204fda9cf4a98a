/**
 * Roles of opsdesk. Names follow ../shared/design/glossary.md.
 *
 * - Global roles are the 等保 "三员": system admin, security admin, auditor. They are separate:
 *   no one grants a role to themselves, and only the security admin grants roles.
 * - Project roles are held through a membership of one project.
 * - Managers see the projects of their division or region.
 */
export const USER_KINDS = ['staff', 'customer_contact', 'subcontractor_staff'] as const;
export type UserKind = (typeof USER_KINDS)[number];

export const GLOBAL_ROLES = ['admin', 'security_admin', 'auditor'] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];

export const STAFF_PROJECT_ROLES = [
  'project_lead',
  'project_manager',
  'technical_lead',
  'service_desk_agent',
  'engineer',
  'customer_manager',
] as const;
export const CUSTOMER_PROJECT_ROLES = ['requester', 'customer_approver'] as const;
export const SUBCONTRACTOR_PROJECT_ROLES = ['field_engineer'] as const;
export const PROJECT_ROLES = [
  ...STAFF_PROJECT_ROLES,
  ...CUSTOMER_PROJECT_ROLES,
  ...SUBCONTRACTOR_PROJECT_ROLES,
] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export const SPECIALTIES = [
  'network',
  'host_storage',
  'database_middleware',
  'application',
  'terminal',
] as const;
export type Specialty = (typeof SPECIALTIES)[number];

export const MANAGER_LEVELS = ['division', 'region'] as const;
export type ManagerLevel = (typeof MANAGER_LEVELS)[number];

/** The kind of user that may hold a project role. */
export function kindForProjectRole(role: ProjectRole): UserKind {
  if ((CUSTOMER_PROJECT_ROLES as readonly string[]).includes(role)) return 'customer_contact';
  if ((SUBCONTRACTOR_PROJECT_ROLES as readonly string[]).includes(role)) return 'subcontractor_staff';
  return 'staff';
}

/** Roles that manage a project's team and details. */
export const PROJECT_MANAGING_ROLES: readonly ProjectRole[] = ['project_lead', 'project_manager'];
