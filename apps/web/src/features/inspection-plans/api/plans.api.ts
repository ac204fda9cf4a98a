import type { z } from 'zod';
import type {
  InspectionPlanCreateSchema,
  InspectionPlanListQuery,
  InspectionPlanPage,
  InspectionPlanSchema,
  InspectionPlanUpdateSchema,
  OkSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

export type InspectionPlan = z.infer<typeof InspectionPlanSchema>;

export const planKeys = {
  all: ['inspection-plans'] as const,
  detail: (id: string) => ['inspection-plans', 'detail', id] as const,
};

export const planApi = {
  list: (projectId: string, query: z.output<typeof InspectionPlanListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof InspectionPlanPage>>(
      `/projects/${seg(projectId)}/inspection-plans`,
      query,
      signal,
    ),
  get: (id: string, signal?: AbortSignal) =>
    api.get<InspectionPlan>(`/inspection-plans/${seg(id)}`, undefined, signal),
  create: (projectId: string, body: z.output<typeof InspectionPlanCreateSchema>) =>
    api.post<InspectionPlan>(`/projects/${seg(projectId)}/inspection-plans`, body),
  update: (id: string, body: z.output<typeof InspectionPlanUpdateSchema>) =>
    api.patch<InspectionPlan>(`/inspection-plans/${seg(id)}`, body),
  archive: (id: string) => api.delete<z.infer<typeof OkSchema>>(`/inspection-plans/${seg(id)}`),
};
