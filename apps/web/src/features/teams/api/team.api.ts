import type { z } from 'zod';
import type {
  OkSchema,
  Team,
  TeamCreateSchema,
  TeamListQuery,
  TeamPage,
  TeamUpdateSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

export const teamKeys = { all: ['teams'] as const };

export const teamApi = {
  list: (query: z.output<typeof TeamListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof TeamPage>>('/teams', query, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Team>(`/teams/${seg(id)}`, undefined, signal),
  create: (body: z.output<typeof TeamCreateSchema>) => api.post<Team>('/teams', body),
  update: (id: string, body: z.output<typeof TeamUpdateSchema>) => api.patch<Team>(`/teams/${seg(id)}`, body),
  remove: (id: string) => api.delete<z.infer<typeof OkSchema>>(`/teams/${seg(id)}`),
};
