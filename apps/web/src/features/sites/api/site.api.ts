import type { z } from 'zod';
import type {
  OkSchema,
  Site,
  SiteCreateSchema,
  SiteListQuery,
  SitePage,
  SiteUpdateSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

export const siteKeys = { all: ['sites'] as const };

export const siteApi = {
  list: (query: z.output<typeof SiteListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof SitePage>>('/sites', query, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Site>(`/sites/${seg(id)}`, undefined, signal),
  create: (body: z.output<typeof SiteCreateSchema>) => api.post<Site>('/sites', body),
  update: (id: string, body: z.output<typeof SiteUpdateSchema>) => api.patch<Site>(`/sites/${seg(id)}`, body),
  remove: (id: string) => api.delete<z.infer<typeof OkSchema>>(`/sites/${seg(id)}`),
};
