import { and, eq } from 'drizzle-orm';
import { cmdbAbilities } from '@opsdesk/domain';
import { projectVisible } from '../../db/scope.js';
import { ciImports, cis } from '../../db/schema/index.js';
import { registerAttachmentOwner } from '../attachments/attachment.owners.js';

/**
 * CIs carry attachments (photos, contracts, configuration backups) that their editors add; an
 * import's result file is an attachment of the import, read by whoever sees its project.
 */
export function registerCmdbAttachmentOwners(): void {
  registerAttachmentOwner('ci', async (db, actor, ownerId) => {
    const [row] = await db
      .select({ projectId: cis.projectId })
      .from(cis)
      .where(and(eq(cis.id, ownerId), projectVisible(actor, cis.projectId)));
    return row
      ? { projectId: row.projectId, canRead: true, canWrite: cmdbAbilities(actor, row.projectId).update }
      : null;
  });
  registerAttachmentOwner('ci_import', async (db, actor, ownerId) => {
    const [row] = await db
      .select({ projectId: ciImports.projectId })
      .from(ciImports)
      .where(and(eq(ciImports.id, ownerId), projectVisible(actor, ciImports.projectId)));
    return row ? { projectId: row.projectId, canRead: true, canWrite: false } : null;
  });
}
