import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { attachments, users } from '../../db/schema/index.js';

export type AttachmentRow = typeof attachments.$inferSelect & { uploaderName: string | null };

const columns = {
  id: attachments.id,
  ownerType: attachments.ownerType,
  ownerId: attachments.ownerId,
  projectId: attachments.projectId,
  fileName: attachments.fileName,
  contentType: attachments.contentType,
  sizeBytes: attachments.sizeBytes,
  sha256: attachments.sha256,
  storageKey: attachments.storageKey,
  category: attachments.category,
  uploadedBy: attachments.uploadedBy,
  createdAt: attachments.createdAt,
  deletedAt: attachments.deletedAt,
  uploaderName: users.displayName,
};

/** Attachments of one owner. The caller has already resolved the owner within the actor's scope. */
export async function listOwnerAttachments(
  db: DbOrTx,
  ownerType: string,
  ownerId: string,
): Promise<AttachmentRow[]> {
  return db
    .select(columns)
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(
      and(
        eq(attachments.ownerType, ownerType),
        eq(attachments.ownerId, ownerId),
        isNull(attachments.deletedAt),
      ),
    )
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export async function findAttachment(db: DbOrTx, id: string): Promise<AttachmentRow | null> {
  const rows = await db
    .select(columns)
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(eq(attachments.id, id), isNull(attachments.deletedAt)));
  return rows[0] ?? null;
}

export async function insertAttachment(db: DbOrTx, row: typeof attachments.$inferInsert): Promise<void> {
  await db.insert(attachments).values(row);
}

export async function softDeleteAttachment(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(attachments).set({ deletedAt: now }).where(eq(attachments.id, id));
}
