export * from './errors.js';
export * from './i18n.js';
export * from './messages.js';
export * from './common.js';
export * from './organisation.js';
export * from './projects.js';
export * from './users.js';
export * from './auth.js';
export * from './audit.js';
export * from './security.js';
export * from './attachments.js';
export * from './notifications.js';
export * from './service-projects/index.js';
export * from './calendars.js';
export * from './tickets.js';
export * from './service-desk.js';
export * from './cmdb/index.js';
export * from './field-work/index.js';
export {
  GLOBAL_ROLES,
  PROJECT_ROLES,
  STAFF_PROJECT_ROLES,
  CUSTOMER_PROJECT_ROLES,
  SUBCONTRACTOR_PROJECT_ROLES,
  SPECIALTIES,
  USER_KINDS,
  kindForProjectRole,
} from '@opsdesk/domain';
export type { GlobalRole, ProjectRole, Specialty, UserKind } from '@opsdesk/domain';
export { priorityFor } from '@opsdesk/domain';
