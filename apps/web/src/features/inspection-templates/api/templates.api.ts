import type { z } from 'zod';
import type {
  InspectionTemplateCopySchema,
  InspectionTemplateCreateSchema,
  InspectionTemplateListQuery,
  InspectionTemplatePage,
  InspectionTemplateReviseSchema,
  InspectionTemplateSchema,
  OkSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

export type InspectionTemplateDetail = z.infer<typeof InspectionTemplateSchema>;
export type InspectionTemplateListItem = z.infer<typeof InspectionTemplatePage>['items'][number];

export const templateKeys = {
  all: ['inspection-templates'] as const,
  detail: (id: string) => ['inspection-templates', 'detail', id] as const,
  /** One past version (never the same cache entry as the current one). */
  version: (id: string, version: number) => ['inspection-templates', 'version', id, version] as const,
};

export const templateApi = {
  list: (query: z.output<typeof InspectionTemplateListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof InspectionTemplatePage>>('/inspection-templates', query, signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get<InspectionTemplateDetail>(`/inspection-templates/${seg(id)}`, undefined, signal),
  version: (id: string, version: number, signal?: AbortSignal) =>
    api.get<InspectionTemplateDetail>(
      `/inspection-templates/${seg(id)}/versions/${version}`,
      undefined,
      signal,
    ),
  create: (body: z.output<typeof InspectionTemplateCreateSchema>) =>
    api.post<InspectionTemplateDetail>('/inspection-templates', body),
  revise: (id: string, body: z.output<typeof InspectionTemplateReviseSchema>) =>
    api.put<InspectionTemplateDetail>(`/inspection-templates/${seg(id)}`, body),
  copy: (id: string, body: z.output<typeof InspectionTemplateCopySchema>) =>
    api.post<InspectionTemplateDetail>(`/inspection-templates/${seg(id)}/copy`, body),
  archive: (id: string) => api.delete<z.infer<typeof OkSchema>>(`/inspection-templates/${seg(id)}`),
};
