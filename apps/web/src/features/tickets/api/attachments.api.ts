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

export const attachmentKeys = {
  of: (ownerType: string, ownerId: string) => ['attachments', ownerType, ownerId] as const,
};

export const attachmentApi = {
  list: (ownerType: string, ownerId: string, signal?: AbortSignal) =>
    api.get<z.infer<typeof AttachmentList>>('/attachments', { ownerType, ownerId }, signal),
  remove: (id: string) => api.delete<z.infer<typeof OkSchema>>(`/attachments/${seg(id)}`),
  /**
   * One file as multipart (`file`), the only non-JSON call of the app: the API client sends JSON,
   * so this is a plain fetch with the same headers and the same error envelope handling.
   */
  upload: async (
    owner: { ownerType: string; ownerId: string },
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
      res = await fetch(`${API_BASE}/attachments${toQueryString(owner)}`, {
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
