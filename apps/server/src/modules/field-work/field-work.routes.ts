import type { ZodApp } from '../../http/context.js';
import { inspectionRoutes } from './inspection.routes.js';
import { planRoutes } from './plan.routes.js';
import { reportRoutes } from './report.routes.js';
import { templateRoutes } from './template.routes.js';
import { workOrderRoutes } from './work-order.routes.js';

/** Every route of field work (issue 6), mounted with one line in http/routes.ts. */
export async function fieldWorkRoutes(app: ZodApp) {
  await workOrderRoutes(app);
  await templateRoutes(app);
  await planRoutes(app);
  await inspectionRoutes(app);
  await reportRoutes(app);
}
