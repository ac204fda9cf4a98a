import type { z } from 'zod';
import type {
  LifecycleSchema,
  PhaseAction,
  ProjectTask,
  ProjectTaskCommentList,
  ProjectTaskCommentSchema,
  ProjectTaskCreateSchema,
  ProjectTaskListQuery,
  ProjectTaskPage,
  ProjectTaskUpdateSchema,
  ProjectTaskViewQuery,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

export type Lifecycle = z.infer<typeof LifecycleSchema>;
export type TaskComment = z.infer<typeof ProjectTaskCommentSchema>;
type TaskPage = z.infer<typeof ProjectTaskPage>;

/**
 * Everything about lifecycle tasks sits under `['projects']`: a task's change moves the project's
 * counts, its handover follow-ups and the cross-project views, so one invalidation refreshes them.
 */
export const lifecycleKeys = {
  all: ['projects', 'lifecycle'] as const,
  of: (projectId: string) => ['projects', 'lifecycle', projectId] as const,
  tasks: (projectId: string) => ['projects', 'lifecycle', projectId, 'tasks'] as const,
  task: (id: string) => ['projects', 'lifecycle', 'task', id] as const,
  comments: (id: string) => ['projects', 'lifecycle', 'task', id, 'comments'] as const,
  view: (view: string) => ['projects', 'lifecycle', 'view', view] as const,
};

export const lifecycleApi = {
  get: (projectId: string, signal?: AbortSignal) =>
    api.get<Lifecycle>(`/projects/${seg(projectId)}/lifecycle`, undefined, signal),
  act: (projectId: string, action: PhaseAction, note?: string | null) =>
    api.post<Lifecycle>(`/projects/${seg(projectId)}/lifecycle/${seg(action)}`, { note: note ?? null }),

  tasks: (projectId: string, query: z.output<typeof ProjectTaskListQuery>, signal?: AbortSignal) =>
    api.get<TaskPage>(`/projects/${seg(projectId)}/tasks`, query, signal),
  /** Every task of a project (a checklist is short; pages of 200 until the end). */
  allTasks: async (
    projectId: string,
    filter: Omit<z.input<typeof ProjectTaskListQuery>, 'limit' | 'cursor'> = {},
    signal?: AbortSignal,
  ): Promise<ProjectTask[]> => {
    const out: ProjectTask[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await api.get<TaskPage>(
        `/projects/${seg(projectId)}/tasks`,
        { ...filter, limit: 200, cursor },
        signal,
      );
      out.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return out;
  },
  view: (query: z.output<typeof ProjectTaskViewQuery>, signal?: AbortSignal) =>
    api.get<TaskPage>('/project-tasks', query, signal),
  createTask: (projectId: string, body: z.output<typeof ProjectTaskCreateSchema>) =>
    api.post<ProjectTask>(`/projects/${seg(projectId)}/tasks`, body),

  task: (id: string, signal?: AbortSignal) =>
    api.get<ProjectTask>(`/project-tasks/${seg(id)}`, undefined, signal),
  updateTask: (id: string, body: z.output<typeof ProjectTaskUpdateSchema>) =>
    api.patch<ProjectTask>(`/project-tasks/${seg(id)}`, body),
  /** complete, reopen, cancel, submit, approve, reject — each with an optional (or required) comment. */
  taskAction: (id: string, action: TaskAction, comment: string | null) =>
    api.post<ProjectTask>(`/project-tasks/${seg(id)}/${action}`, { comment }),
  comments: (id: string, signal?: AbortSignal) =>
    api.get<z.infer<typeof ProjectTaskCommentList>>(`/project-tasks/${seg(id)}/comments`, undefined, signal),
  addComment: (id: string, body: string) =>
    api.post<TaskComment>(`/project-tasks/${seg(id)}/comments`, { body }),
};

export const TASK_ACTIONS = ['complete', 'submit', 'approve', 'reject', 'reopen', 'cancel'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];
