import type { z } from 'zod';
import type {
  ChecklistTemplateCreateSchema,
  ChecklistTemplateList,
  ChecklistTemplateSchema,
  ChecklistTemplateUpdateSchema,
  OkSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

export type ChecklistTemplate = z.infer<typeof ChecklistTemplateSchema>;

export const checklistTemplateKeys = { all: ['checklist-templates'] as const };

export const checklistTemplateApi = {
  list: (signal?: AbortSignal) =>
    api.get<z.infer<typeof ChecklistTemplateList>>('/checklist-templates', undefined, signal),
  create: (body: z.output<typeof ChecklistTemplateCreateSchema>) =>
    api.post<ChecklistTemplate>('/checklist-templates', body),
  update: (id: string, body: z.output<typeof ChecklistTemplateUpdateSchema>) =>
    api.patch<ChecklistTemplate>(`/checklist-templates/${seg(id)}`, body),
  remove: (id: string) => api.delete<z.infer<typeof OkSchema>>(`/checklist-templates/${seg(id)}`),
};
