import type { ZodApp } from './context.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { customerRoutes } from '../modules/customers/customer.routes.js';
import { projectRoutes } from '../modules/projects/project.routes.js';
import { userRoutes } from '../modules/users/user.routes.js';
import { subcontractorRoutes } from '../modules/subcontractors/subcontractor.routes.js';
import { siteRoutes } from '../modules/sites/site.routes.js';
import { teamRoutes } from '../modules/teams/team.routes.js';
import { tokenRoutes } from '../modules/tokens/token.routes.js';
import { securityPolicyRoutes } from '../modules/security-policy/security-policy.routes.js';
import { attachmentRoutes } from '../modules/attachments/attachment.routes.js';
import { notificationRoutes } from '../modules/notifications/notification.routes.js';
import { serviceModeRoutes } from '../modules/service-modes/service-mode.routes.js';
import { handoverRoutes } from '../modules/handovers/handover.routes.js';
import { lifecycleRoutes } from '../modules/lifecycle/lifecycle.routes.js';
import { tenderRoutes } from '../modules/tenders/tender.routes.js';
import { rosterRoutes } from '../modules/roster/roster.routes.js';
import { serviceDeskRoutes } from '../modules/service-desk/service-desk.routes.js';
import { cmdbRoutes } from '../modules/cmdb/cmdb.routes.js';
import { fieldWorkRoutes } from '../modules/field-work/field-work.routes.js';

/** Every module's routes, mounted under /api/v1. A new module adds one line here. */
export const MODULE_ROUTES: ((app: ZodApp) => Promise<void>)[] = [
  authRoutes,
  securityPolicyRoutes,
  auditRoutes,
  customerRoutes,
  attachmentRoutes,
  notificationRoutes,
  projectRoutes,
  serviceModeRoutes,
  handoverRoutes,
  lifecycleRoutes,
  tenderRoutes,
  rosterRoutes,
  userRoutes,
  subcontractorRoutes,
  siteRoutes,
  teamRoutes,
  tokenRoutes,
  serviceDeskRoutes,
  cmdbRoutes,
  fieldWorkRoutes,
];
