import type { z } from 'zod';
import type {
  ModeSuggestion,
  OkSchema,
  ServiceModeRuleCreateSchema,
  ServiceModeRuleDto,
  ServiceModeRuleList,
  ServiceModeRuleUpdateSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

export const serviceModeKeys = {
  rules: ['service-mode-rules'] as const,
  /** Under the project's key: a change of its contract details refreshes the suggestion. */
  suggestion: (projectId: string) => ['projects', 'mode-suggestion', projectId] as const,
};

export const serviceModeApi = {
  rules: (signal?: AbortSignal) =>
    api.get<z.infer<typeof ServiceModeRuleList>>('/service-mode-rules', undefined, signal),
  createRule: (body: z.output<typeof ServiceModeRuleCreateSchema>) =>
    api.post<ServiceModeRuleDto>('/service-mode-rules', body),
  updateRule: (id: string, body: z.output<typeof ServiceModeRuleUpdateSchema>) =>
    api.patch<ServiceModeRuleDto>(`/service-mode-rules/${seg(id)}`, body),
  removeRule: (id: string) => api.delete<z.infer<typeof OkSchema>>(`/service-mode-rules/${seg(id)}`),
  suggestion: (projectId: string, signal?: AbortSignal) =>
    api.get<ModeSuggestion>(`/projects/${seg(projectId)}/mode-suggestion`, undefined, signal),
};
