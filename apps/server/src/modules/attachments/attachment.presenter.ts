import type { Attachment } from '@opsdesk/contracts';
import { ALLOWED_TYPES } from '@opsdesk/domain';
import type { OwnerAccess } from './attachment.owners.js';
import type { AttachmentRow } from './attachment.repository.js';

export function presentAttachment(row: AttachmentRow, access: Pick<OwnerAccess, 'canWrite'>): Attachment {
  return {
    id: row.id,
    ownerType: row.ownerType,
    ownerId: row.ownerId,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    category: row.category,
    uploadedBy: row.uploadedBy ? { id: row.uploadedBy, displayName: row.uploaderName ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
    downloadUrl: `/api/v1/attachments/${row.id}/content`,
    inline: ALLOWED_TYPES.some((t) => t.mime === row.contentType && t.inline),
    abilities: { delete: access.canWrite },
  };
}
