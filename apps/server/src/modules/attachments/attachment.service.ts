import type { Readable } from 'node:stream';
import { checkContentType } from '@opsdesk/domain';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.record.js';
import { ownerResolver } from './attachment.owners.js';
import type { OwnerAccess } from './attachment.owners.js';
import {
  findAttachment,
  insertAttachment,
  listOwnerAttachments,
  softDeleteAttachment,
} from './attachment.repository.js';
import type { AttachmentRow } from './attachment.repository.js';
import { DiskStorage } from './attachment.storage.js';
import type { BlobStorage } from './attachment.storage.js';

const storages = new Map<string, BlobStorage>();
export function storageFor(ctx: Ctx): BlobStorage {
  const dir = ctx.deps.config.attachmentsDir;
  let s = storages.get(dir);
  if (!s) storages.set(dir, (s = new DiskStorage(dir)));
  return s;
}

async function resolveOwner(ctx: Ctx, ownerType: string, ownerId: string): Promise<OwnerAccess> {
  const resolver = ownerResolver(ownerType);
  if (!resolver) throw AppError.field('ownerType', 'rule.unknownOwnerType');
  const access = await resolver(ctx.db, ctx.actor, ownerId);
  if (!access || !access.canRead) throw AppError.notFound();
  return access;
}

export async function listAttachments(ctx: Ctx, ownerType: string, ownerId: string) {
  const access = await resolveOwner(ctx, ownerType, ownerId);
  return { access, rows: await listOwnerAttachments(ctx.db, ownerType, ownerId) };
}

/**
 * Streams an upload to storage while hashing and measuring it, then checks its type against its
 * first bytes; only then is the row written, with its audit entry, in one transaction. A refused
 * or failed upload leaves no file behind.
 */
export async function uploadAttachment(
  ctx: Ctx,
  input: { ownerType: string; ownerId: string; category?: string | undefined },
  file: { fileName: string; stream: Readable } | null,
): Promise<AttachmentRow> {
  const access = await resolveOwner(ctx, input.ownerType, input.ownerId);
  if (!access.canWrite) throw AppError.forbidden();
  if (!file || !file.fileName) throw AppError.field('file', 'rule.fileRequired');
  const storage = storageFor(ctx);
  const limit = ctx.deps.config.uploadLimit;
  const blob = await storage.put(file.stream, limit);
  if (blob.tooLarge) {
    throw new AppError('PAYLOAD_TOO_LARGE', {}, {}, [
      { path: 'file', rule: 'rule.fileTooLarge', params: { maxMb: Math.floor(limit / 1024 / 1024) } },
    ]);
  }
  const type = checkContentType(file.fileName, blob.head);
  if (!type.ok) {
    await storage.remove(blob.key);
    throw AppError.field(
      'file',
      type.reason === 'type_not_allowed' ? 'rule.fileTypeNotAllowed' : 'rule.fileContentMismatch',
    );
  }
  const id = uuid7();
  try {
    await ctx.db.transaction(async (tx) => {
      await insertAttachment(tx, {
        id,
        ownerType: input.ownerType,
        ownerId: input.ownerId,
        projectId: access.projectId,
        fileName: file.fileName.slice(0, 255),
        contentType: type.type.mime,
        sizeBytes: blob.sizeBytes,
        sha256: blob.sha256,
        storageKey: blob.key,
        category: input.category ?? null,
        uploadedBy: ctx.actor.userId,
        createdAt: ctx.now,
      });
      await recordAudit(tx, ctx, {
        action: 'attachment.upload',
        objectType: input.ownerType,
        objectId: input.ownerId,
        detail: {
          attachmentId: id,
          fileName: file.fileName,
          sizeBytes: blob.sizeBytes,
          sha256: blob.sha256,
          category: input.category ?? null,
        },
      });
    });
  } catch (err) {
    await storage.remove(blob.key);
    throw err;
  }
  const row = await findAttachment(ctx.db, id);
  return row!;
}

/** An attachment the actor may read, with its content stream. Another tenant's answers 404. */
export async function openAttachment(
  ctx: Ctx,
  id: string,
): Promise<{ row: AttachmentRow; stream: Readable }> {
  const row = await findAttachment(ctx.db, id);
  if (!row) throw AppError.notFound();
  await resolveOwner(ctx, row.ownerType, row.ownerId);
  return { row, stream: await storageFor(ctx).open(row.storageKey) };
}

export async function deleteAttachment(ctx: Ctx, id: string): Promise<void> {
  const row = await findAttachment(ctx.db, id);
  if (!row) throw AppError.notFound();
  const access = await resolveOwner(ctx, row.ownerType, row.ownerId);
  if (!access.canWrite) throw AppError.forbidden();
  // The file is kept: the audit log may refer to it; only the listing forgets it.
  await ctx.db.transaction(async (tx) => {
    await softDeleteAttachment(tx, id, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'attachment.delete',
      objectType: row.ownerType,
      objectId: row.ownerId,
      detail: { attachmentId: id, fileName: row.fileName },
    });
  });
}
