import type { z } from 'zod';
import type {
  OkSchema,
  Subcontractor,
  SubcontractorCreateSchema,
  SubcontractorListQuery,
  SubcontractorPage,
  SubcontractorUpdateSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

export const subcontractorKeys = {
  all: ['subcontractors'] as const,
  detail: (id: string) => ['subcontractors', 'detail', id] as const,
};

export const subcontractorApi = {
  list: (query: z.output<typeof SubcontractorListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof SubcontractorPage>>('/subcontractors', query, signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get<Subcontractor>(`/subcontractors/${seg(id)}`, undefined, signal),
  create: (body: z.output<typeof SubcontractorCreateSchema>) =>
    api.post<Subcontractor>('/subcontractors', body),
  update: (id: string, body: z.output<typeof SubcontractorUpdateSchema>) =>
    api.patch<Subcontractor>(`/subcontractors/${seg(id)}`, body),
  remove: (id: string) => api.delete<z.infer<typeof OkSchema>>(`/subcontractors/${seg(id)}`),
};
