import type { z } from 'zod';
import type {
  Tender,
  TenderAwardSchema,
  TenderCreateSchema,
  TenderList,
  TenderUpdateSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

/** Under `['projects']`: awarding engages a subcontractor and completes the tender task. */
export const tenderKeys = {
  all: ['projects', 'tenders'] as const,
  of: (projectId: string) => ['projects', 'tenders', projectId] as const,
};

export const tenderApi = {
  list: (projectId: string, signal?: AbortSignal) =>
    api.get<z.infer<typeof TenderList>>(`/projects/${seg(projectId)}/tenders`, undefined, signal),
  create: (projectId: string, body: z.output<typeof TenderCreateSchema>) =>
    api.post<Tender>(`/projects/${seg(projectId)}/tenders`, body),
  update: (id: string, body: z.output<typeof TenderUpdateSchema>) =>
    api.patch<Tender>(`/tenders/${seg(id)}`, body),
  publish: (id: string) => api.post<Tender>(`/tenders/${seg(id)}/publish`, {}),
  award: (id: string, body: z.output<typeof TenderAwardSchema>) =>
    api.post<Tender>(`/tenders/${seg(id)}/award`, body),
};
