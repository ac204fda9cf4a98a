import type { z } from 'zod';
import type {
  CiType,
  CiTypeCreateSchema,
  CiTypeListQuery,
  CiTypePage,
  CiTypeUpdateSchema,
  OkSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

export const ciTypeKeys = {
  all: ['ci-types'] as const,
  /** Every type at once: the type pickers, forms and filters of the CMDB. */
  catalogue: ['ci-types', 'catalogue'] as const,
  detail: (id: string) => ['ci-types', 'detail', id] as const,
};

export const ciTypeApi = {
  list: (query: z.output<typeof CiTypeListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof CiTypePage>>('/ci-types', query, signal),
  get: (id: string, signal?: AbortSignal) => api.get<CiType>(`/ci-types/${seg(id)}`, undefined, signal),
  create: (body: z.output<typeof CiTypeCreateSchema>) => api.post<CiType>('/ci-types', body),
  update: (id: string, body: z.output<typeof CiTypeUpdateSchema>) =>
    api.patch<CiType>(`/ci-types/${seg(id)}`, body),
  remove: (id: string) => api.delete<z.infer<typeof OkSchema>>(`/ci-types/${seg(id)}`),
  /** Every type (a few dozen): pages through the list. */
  all: async (signal?: AbortSignal): Promise<CiType[]> => {
    const out: CiType[] = [];
    let cursor: string | undefined;
    do {
      const page = await ciTypeApi.list({ limit: 200, cursor, sort: 'sortOrder' }, signal);
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  },
};
