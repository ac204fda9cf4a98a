import type { ZodApp } from '../../http/context.js';
import { calendarRoutes } from '../calendars/calendar.routes.js';
import { mailRoutes } from '../mail/mail.routes.js';
import { slaRoutes } from '../sla/sla.routes.js';
import { ticketActionRoutes } from '../tickets/ticket-actions.routes.js';
import { ticketRelatedRoutes } from '../tickets/ticket-related.routes.js';
import { ticketRoutes } from '../tickets/ticket.routes.js';
import { workspaceRoutes } from '../tickets/workspace.routes.js';
import { deskConfigRoutes } from './desk-config.routes.js';

/** Every route of the service desk (issue 4), mounted with one line in http/routes.ts. */
export async function serviceDeskRoutes(app: ZodApp) {
  await calendarRoutes(app);
  await ticketRoutes(app);
  await ticketRelatedRoutes(app);
  await workspaceRoutes(app);
  await ticketActionRoutes(app);
  await slaRoutes(app);
  await deskConfigRoutes(app);
  await mailRoutes(app);
}
