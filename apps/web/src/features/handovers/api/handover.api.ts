import type { z } from 'zod';
import type {
  CustomerManagerAssignSchema,
  Handover,
  HandoverCreateSchema,
  HandoverUpdateSchema,
  HandoverViewItemSchema,
  HandoverViewList,
  HandoverViewQuery,
  ModeDecisionSchema,
  SubcontractorDecisionSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

export type HandoverViewItem = z.infer<typeof HandoverViewItemSchema>;

/** Under `['projects']`: a handover decision changes the project's tasks, members and engagements too. */
export const handoverKeys = {
  all: ['projects', 'handover'] as const,
  of: (projectId: string) => ['projects', 'handover', projectId] as const,
  view: (view: string) => ['projects', 'handover', 'view', view] as const,
};

const base = (projectId: string) => `/projects/${seg(projectId)}/handover`;

export const handoverApi = {
  get: (projectId: string, signal?: AbortSignal) => api.get<Handover>(base(projectId), undefined, signal),
  create: (projectId: string, body: z.output<typeof HandoverCreateSchema>) =>
    api.post<Handover>(base(projectId), body),
  update: (projectId: string, body: z.output<typeof HandoverUpdateSchema>) =>
    api.patch<Handover>(base(projectId), body),
  decide: (projectId: string, body: z.output<typeof ModeDecisionSchema>) =>
    api.post<Handover>(`${base(projectId)}/decide`, body),
  assignCustomerManager: (projectId: string, body: z.output<typeof CustomerManagerAssignSchema>) =>
    api.post<Handover>(`${base(projectId)}/customer-manager`, body),
  decideSubcontractor: (projectId: string, body: z.output<typeof SubcontractorDecisionSchema>) =>
    api.post<Handover>(`${base(projectId)}/subcontractor-decision`, body),
  view: (query: z.output<typeof HandoverViewQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof HandoverViewList>>('/handovers', query, signal),
};
