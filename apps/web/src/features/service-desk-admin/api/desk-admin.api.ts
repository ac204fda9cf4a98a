import type { z } from 'zod';
import type {
  BreachReasonSchema,
  DeskSettingsPutSchema,
  DeskSettingsSchema,
  MailSettingsPutSchema,
  MailSettingsSchema,
  MailTestSchema,
  OkSchema,
  RoutingRuleCreateSchema,
  RoutingRuleList,
  RoutingRuleSchema,
  RoutingRuleUpdateSchema,
  SlaBreachListQuery,
  SlaBreachPage,
  SlaBreachSchema,
  SlaPolicyCreateSchema,
  SlaPolicyList,
  SlaPolicySchema,
  SlaPolicyUpdateSchema,
  TicketCategoryCreateSchema,
  TicketCategoryList,
  TicketCategorySchema,
  TicketCategoryUpdateSchema,
  TicketTaskCompleteSchema,
  TicketTaskList,
  TicketTaskSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

type Ok = z.infer<typeof OkSchema>;
export type TicketCategory = z.infer<typeof TicketCategorySchema>;
export type DeskSettings = z.infer<typeof DeskSettingsSchema>;
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;
export type SlaBreach = z.infer<typeof SlaBreachSchema>;
export type TicketTask = z.infer<typeof TicketTaskSchema>;
export type MailSettings = z.infer<typeof MailSettingsSchema>;

export const deskKeys = {
  all: ['service-desk-config'] as const,
  categories: (projectId: string) => ['service-desk-config', 'categories', projectId] as const,
  settings: (projectId: string) => ['service-desk-config', 'settings', projectId] as const,
  rules: (projectId: string) => ['service-desk-config', 'rules', projectId] as const,
  policies: (projectId: string) => ['service-desk-config', 'policies', projectId] as const,
  breaches: (projectId: string) => ['service-desk-config', 'breaches', projectId] as const,
  tasks: (projectId: string) => ['service-desk-config', 'tasks', projectId] as const,
  mail: ['mail-settings'] as const,
};

export const deskApi = {
  categories: (projectId: string, signal?: AbortSignal) =>
    api.get<z.infer<typeof TicketCategoryList>>(
      `/projects/${seg(projectId)}/ticket-categories`,
      undefined,
      signal,
    ),
  createCategory: (projectId: string, body: z.output<typeof TicketCategoryCreateSchema>) =>
    api.post<TicketCategory>(`/projects/${seg(projectId)}/ticket-categories`, body),
  updateCategory: (id: string, body: z.output<typeof TicketCategoryUpdateSchema>) =>
    api.patch<TicketCategory>(`/ticket-categories/${seg(id)}`, body),

  settings: (projectId: string, signal?: AbortSignal) =>
    api.get<DeskSettings>(`/projects/${seg(projectId)}/service-desk-settings`, undefined, signal),
  putSettings: (projectId: string, body: z.output<typeof DeskSettingsPutSchema>) =>
    api.put<DeskSettings>(`/projects/${seg(projectId)}/service-desk-settings`, body),

  rules: (projectId: string, signal?: AbortSignal) =>
    api.get<z.infer<typeof RoutingRuleList>>(`/projects/${seg(projectId)}/routing-rules`, undefined, signal),
  createRule: (projectId: string, body: z.output<typeof RoutingRuleCreateSchema>) =>
    api.post<RoutingRule>(`/projects/${seg(projectId)}/routing-rules`, body),
  updateRule: (id: string, body: z.output<typeof RoutingRuleUpdateSchema>) =>
    api.patch<RoutingRule>(`/routing-rules/${seg(id)}`, body),
  removeRule: (id: string) => api.delete<Ok>(`/routing-rules/${seg(id)}`),

  policies: (projectId: string, signal?: AbortSignal) =>
    api.get<z.infer<typeof SlaPolicyList>>(`/projects/${seg(projectId)}/sla-policies`, undefined, signal),
  createPolicy: (projectId: string, body: z.output<typeof SlaPolicyCreateSchema>) =>
    api.post<SlaPolicy>(`/projects/${seg(projectId)}/sla-policies`, body),
  updatePolicy: (id: string, body: z.output<typeof SlaPolicyUpdateSchema>) =>
    api.patch<SlaPolicy>(`/sla-policies/${seg(id)}`, body),
  removePolicy: (id: string) => api.delete<Ok>(`/sla-policies/${seg(id)}`),

  breaches: (projectId: string, query: z.output<typeof SlaBreachListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof SlaBreachPage>>(`/projects/${seg(projectId)}/sla-breaches`, query, signal),
  explainBreach: (id: string, body: z.output<typeof BreachReasonSchema>) =>
    api.put<SlaBreach>(`/sla-breaches/${seg(id)}/reason`, body),

  tasks: (projectId: string, signal?: AbortSignal) =>
    api.get<z.infer<typeof TicketTaskList>>(`/projects/${seg(projectId)}/ticket-tasks`, undefined, signal),
  completeTask: (id: string, body: z.output<typeof TicketTaskCompleteSchema>) =>
    api.post<TicketTask>(`/ticket-tasks/${seg(id)}/complete`, body),

  mail: (signal?: AbortSignal) => api.get<MailSettings>('/admin/mail-settings', undefined, signal),
  putMail: (body: z.output<typeof MailSettingsPutSchema>) =>
    api.put<MailSettings>('/admin/mail-settings', body),
  testMail: (body: z.output<typeof MailTestSchema>) => api.post<Ok>('/admin/mail-settings/test', body),
};

/** Flat categories → tree nodes (children sorted by position, then name). */
export interface CategoryNode extends TicketCategory {
  children?: CategoryNode[];
  /** `网络 / 交换机`: the names from the root. */
  path: string;
}
export function categoryTree(items: readonly TicketCategory[]): CategoryNode[] {
  const byParent = new Map<string | null, TicketCategory[]>();
  const ids = new Set(items.map((c) => c.id));
  for (const c of items) {
    const parent = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), c]);
  }
  const build = (parent: string | null, prefix: string, depth: number): CategoryNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, 'zh-CN'))
      .map((c) => {
        const path = prefix ? `${prefix} / ${c.name}` : c.name;
        const children = depth < 20 ? build(c.id, path, depth + 1) : [];
        return children.length ? { ...c, path, children } : { ...c, path };
      });
  return build(null, '', 0);
}
