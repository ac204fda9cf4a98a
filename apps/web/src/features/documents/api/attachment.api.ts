import type { z } from 'zod';
import { errorMessage } from '@opsdesk/contracts';
import type { Attachment, AttachmentList, OkSchema } from '@opsdesk/contracts';
import {
  API_BASE,
  ApiError,
  api,
  errorFromResponse,
  getApiLanguage,
  seg,
  toQueryString,
} from '../../../app/api/client';

/** The owner types the server registered for service projects (attachment.owners.ts). */
export type DocumentOwnerType = 'project' | 'project_task' | 'tender';
export interface DocumentOwner {
  ownerType: DocumentOwnerType;
  ownerId: string;
}

export const attachmentKeys = {
  all: ['attachments'] as const,
  of: (o: DocumentOwner) => ['attachments', o.ownerType, o.ownerId] as const,
};

export const attachmentApi = {
  list: (o: DocumentOwner, signal?: AbortSignal) =>
    api.get<z.infer<typeof AttachmentList>>('/attachments', { ...o }, signal),
  remove: (id: string) => api.delete<z.infer<typeof OkSchema>>(`/attachments/${seg(id)}`),
  /**
   * One file as multipart (field `file`), optionally with a `category` (contract, service plan…).
   * The API client speaks JSON, so this is a plain fetch with the same headers and error envelope.
   */
  upload: async (
    o: DocumentOwner & { category?: string | undefined },
    file: File,
    csrfToken: string | null,
  ): Promise<Attachment> => {
    const body = new FormData();
    body.append('file', file, file.name);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': getApiLanguage(),
    };
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    let res: Response;
    try {
      res = await fetch(`${API_BASE}/attachments${toQueryString({ ...o })}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers,
        body,
      });
    } catch {
      throw new ApiError({
        status: 0,
        code: 'UNAVAILABLE',
        message: errorMessage('UNAVAILABLE', getApiLanguage()),
      });
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) throw errorFromResponse(res.status, json, res.headers.get('x-request-id'));
    return json as Attachment;
  },
};
