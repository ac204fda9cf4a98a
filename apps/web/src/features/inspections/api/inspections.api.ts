import type { z } from 'zod';
import type {
  InspectionSubmitResultSchema,
  InspectionSubmitSchema,
  InspectionTask,
  InspectionTaskCancelSchema,
  InspectionTaskListQuery,
  InspectionTaskPage,
  ReadingsBatchSchema,
  ReadingsSaveResultSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';
import type { QueryParams } from '../../../app/api/client';

export type InspectionTaskListItem = z.infer<typeof InspectionTaskPage>['items'][number];
export type TaskCi = InspectionTask['cis'][number];
export type ServerReading = TaskCi['readings'][number];
export type FindingBrief = TaskCi['findings'][number];
export type TemplateVersion = InspectionTask['templates'][number];
export type ReadingsBatch = z.input<typeof ReadingsBatchSchema>;
export type ReadingsSaveResult = z.infer<typeof ReadingsSaveResultSchema>;
export type SubmitResult = z.infer<typeof InspectionSubmitResultSchema>;

/** Inspection tasks (巡检任务): lists, the phone's task, and the findings it shows. */
export const inspectionKeys = {
  all: ['inspections'] as const,
  tasks: ['inspections', 'tasks'] as const,
  task: (id: string) => ['inspections', 'task', id] as const,
};

function toQuery(query: z.output<typeof InspectionTaskListQuery>): QueryParams {
  const out: QueryParams = {};
  for (const [k, v] of Object.entries(query))
    out[k] = Array.isArray(v) ? v.join(',') : (v as QueryParams[string]);
  return out;
}

export const inspectionApi = {
  list: (query: z.output<typeof InspectionTaskListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof InspectionTaskPage>>('/inspection-tasks', toQuery(query), signal),
  get: (id: string, signal?: AbortSignal) =>
    api.get<InspectionTask>(`/inspection-tasks/${seg(id)}`, undefined, signal),
  /** The idempotent batch (upsert by task, CI and item): safe to send again after a lost answer. */
  saveReadings: (id: string, body: ReadingsBatch) =>
    api.put<ReadingsSaveResult>(`/inspection-tasks/${seg(id)}/readings`, body),
  submit: (id: string, body: z.input<typeof InspectionSubmitSchema>) =>
    api.post<SubmitResult>(`/inspection-tasks/${seg(id)}/submit`, body),
  cancel: (id: string, body: z.output<typeof InspectionTaskCancelSchema>) =>
    api.post<InspectionTask>(`/inspection-tasks/${seg(id)}/cancel`, body),
};
