import type { z } from 'zod';
import type { Attachment, AttachmentList, OkSchema } from '@opsdesk/contracts';
import { API_BASE, api, seg } from '../../app/api/client';

/**
 * The one attachments client of the web app (`/attachments`): list, upload (multipart, field
 * `file`), remove and the download links of the files of one owner.
 */

/** The owner types the server registers (`registerAttachmentOwner`); each checks its own access. */
export type AttachmentOwnerType =
  'ticket' | 'project' | 'project_task' | 'tender' | 'inspection_task' | 'ci' | 'ci_import';

export interface AttachmentOwner {
  ownerType: AttachmentOwnerType;
  ownerId: string;
}

export const attachmentKeys = {
  all: ['attachments'] as const,
  of: (o: AttachmentOwner) => ['attachments', o.ownerType, o.ownerId] as const,
};

export const attachmentApi = {
  list: (o: AttachmentOwner, signal?: AbortSignal) =>
    api.get<z.infer<typeof AttachmentList>>(
      '/attachments',
      { ownerType: o.ownerType, ownerId: o.ownerId },
      signal,
    ),

  /** One file, optionally with a `category` (contract, service plan …) for owners that sort their files. */
  upload: (o: AttachmentOwner & { category?: string | undefined }, file: File, signal?: AbortSignal) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<Attachment>('/attachments', form, {
      query: { ownerType: o.ownerType, ownerId: o.ownerId, category: o.category },
      signal,
    });
  },

  remove: (id: string) => api.delete<z.infer<typeof OkSchema>>(`/attachments/${seg(id)}`),

  /**
   * Where a listed file downloads. `inline` opens images and PDF in the browser instead (other
   * types always download).
   */
  href: (a: Pick<Attachment, 'downloadUrl' | 'inline'>, inline = false) =>
    inline && a.inline ? `${a.downloadUrl}?inline=1` : a.downloadUrl,

  /** The content of a file known by id only (a photo id a reading holds). */
  contentUrl: (id: string, inline = false) =>
    `${API_BASE}/attachments/${seg(id)}/content${inline ? '?inline=1' : ''}`,
};

/** `1.2 MB`, `35 KB`, `800 B`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} B`;
}
