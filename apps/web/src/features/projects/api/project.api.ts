import type { z } from 'zod';
import type {
  Engagement,
  EngagementCreateSchema,
  EngagementList,
  MembershipCreateSchema,
  MembershipList,
  Membership,
  OkSchema,
  Project,
  ProjectCreateSchema,
  ProjectListQuery,
  ProjectPage,
  ProjectUpdateSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

type Ok = z.infer<typeof OkSchema>;

export const projectKeys = {
  all: ['projects'] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  members: (id: string) => ['projects', 'members', id] as const,
  engagements: (id: string) => ['projects', 'engagements', id] as const,
};

export const projectApi = {
  list: (query: z.output<typeof ProjectListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof ProjectPage>>('/projects', query, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Project>(`/projects/${seg(id)}`, undefined, signal),
  create: (body: z.output<typeof ProjectCreateSchema>) => api.post<Project>('/projects', body),
  update: (id: string, body: z.output<typeof ProjectUpdateSchema>) =>
    api.patch<Project>(`/projects/${seg(id)}`, body),
  remove: (id: string) => api.delete<Ok>(`/projects/${seg(id)}`),

  members: (id: string, signal?: AbortSignal) =>
    api.get<z.infer<typeof MembershipList>>(`/projects/${seg(id)}/members`, undefined, signal),
  addMember: (id: string, body: z.output<typeof MembershipCreateSchema>) =>
    api.post<Membership>(`/projects/${seg(id)}/members`, body),
  removeMember: (id: string, memberId: string) =>
    api.delete<Ok>(`/projects/${seg(id)}/members/${seg(memberId)}`),

  engagements: (id: string, signal?: AbortSignal) =>
    api.get<z.infer<typeof EngagementList>>(`/projects/${seg(id)}/subcontractors`, undefined, signal),
  engage: (id: string, body: z.output<typeof EngagementCreateSchema>) =>
    api.post<Engagement>(`/projects/${seg(id)}/subcontractors`, body),
  disengage: (id: string, subcontractorId: string) =>
    api.delete<Ok>(`/projects/${seg(id)}/subcontractors/${seg(subcontractorId)}`),
};
