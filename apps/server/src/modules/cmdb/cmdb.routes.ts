import type { ZodApp } from '../../http/context.js';
import { ciRoutes } from './ci.routes.js';
import { ciTypeRoutes } from './ci-type.routes.js';
import { ciImportRoutes } from './ci-import.routes.js';
import { assetStatsRoutes } from './asset-stats.routes.js';
import { ciTicketRoutes } from './ci-ticket.routes.js';
import { registerCmdbAttachmentOwners } from './cmdb.attachments.js';

registerCmdbAttachmentOwners();

/** Every route of the CMDB module (registered once in http/routes.ts). */
export async function cmdbRoutes(app: ZodApp) {
  await ciTypeRoutes(app);
  await ciImportRoutes(app);
  await ciRoutes(app);
  await assetStatsRoutes(app);
  await ciTicketRoutes(app);
}
