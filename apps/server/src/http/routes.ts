import type { ZodApp } from './context.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { customerRoutes } from '../modules/customers/customer.routes.js';
import { securityPolicyRoutes } from '../modules/security-policy/security-policy.routes.js';

/** Every module's routes, mounted under /api/v1. A new module adds one line here. */
export const MODULE_ROUTES: ((app: ZodApp) => Promise<void>)[] = [
  authRoutes,
  securityPolicyRoutes,
  auditRoutes,
  customerRoutes,
];
