import type { z } from 'zod';
import type {
  AvailabilityPutSchema,
  AvailabilitySchema,
  BulkAssignResult,
  BulkAssignSchema,
  CommentCreateSchema,
  CommentList,
  CommentSchema,
  LinkCreateSchema,
  MergeSchema,
  OkSchema,
  RatingSchema,
  RequesterList,
  RequesterLookupQuery,
  Ticket,
  TicketCreateSchema,
  TicketEventSchema,
  TicketHistory,
  TicketListQuery,
  TicketPage,
  TicketSlaSchema,
  TicketUpdateSchema,
  TicketViewCreateSchema,
  TicketViewList,
  TicketViewSchema,
  TicketViewUpdateSchema,
  TransitionBodySchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';
import type { QueryParams } from '../../../app/api/client';

type Ok = z.infer<typeof OkSchema>;
export type TicketComment = z.infer<typeof CommentSchema>;
export type TicketEvent = z.infer<typeof TicketEventSchema>;
export type TicketSla = z.infer<typeof TicketSlaSchema>;
export type SlaClock = TicketSla['clocks'][number];
export type TicketView = z.infer<typeof TicketViewSchema>;
export type TransitionBody = z.output<typeof TransitionBodySchema>;
export type Requester = z.infer<typeof RequesterList>['items'][number];
export type Availability = z.infer<typeof AvailabilitySchema>;

/** Query keys: everything about tickets sits under `['tickets']`, so one invalidation refreshes lists and pages. */
export const ticketKeys = {
  all: ['tickets'] as const,
  detail: (id: string) => ['tickets', 'detail', id] as const,
  comments: (id: string) => ['tickets', 'comments', id] as const,
  history: (id: string) => ['tickets', 'history', id] as const,
  sla: (id: string) => ['tickets', 'sla', id] as const,
  /** Everything shown on one ticket's page. */
  ofTicket: (id: string) => [
    ['tickets', 'detail', id],
    ['tickets', 'comments', id],
    ['tickets', 'history', id],
    ['tickets', 'sla', id],
  ],
  views: ['ticket-views'] as const,
  availability: ['availability'] as const,
  requesters: (projectId: string) => ['requesters', projectId] as const,
};

/** The list query as URL parameters: the comma lists (`kind`, `stateCategory`) joined again. */
function toQuery(query: z.output<typeof TicketListQuery>): QueryParams {
  const out: QueryParams = {};
  for (const [k, v] of Object.entries(query))
    out[k] = Array.isArray(v) ? v.join(',') : (v as QueryParams[string]);
  return out;
}

export const ticketApi = {
  list: (query: z.output<typeof TicketListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof TicketPage>>('/tickets', toQuery(query), signal),
  get: (id: string, signal?: AbortSignal) => api.get<Ticket>(`/tickets/${seg(id)}`, undefined, signal),
  create: (body: z.output<typeof TicketCreateSchema>) => api.post<Ticket>('/tickets', body),
  update: (id: string, body: z.output<typeof TicketUpdateSchema>) =>
    api.patch<Ticket>(`/tickets/${seg(id)}`, body),
  history: (id: string, signal?: AbortSignal) =>
    api.get<z.infer<typeof TicketHistory>>(`/tickets/${seg(id)}/history`, undefined, signal),
  comments: (id: string, signal?: AbortSignal) =>
    api.get<z.infer<typeof CommentList>>(`/tickets/${seg(id)}/comments`, undefined, signal),
  addComment: (id: string, body: z.output<typeof CommentCreateSchema>) =>
    api.post<TicketComment>(`/tickets/${seg(id)}/comments`, body),
  /** One lifecycle action (`assign`, `pend`, `resolve` …) with the fields it asks for. */
  act: (id: string, action: string, body: TransitionBody) =>
    api.post<Ticket>(`/tickets/${seg(id)}/${seg(action)}`, body),
  bulkAssign: (body: z.output<typeof BulkAssignSchema>) =>
    api.post<z.infer<typeof BulkAssignResult>>('/tickets/bulk-assign', body),
  sla: (id: string, signal?: AbortSignal) => api.get<TicketSla>(`/tickets/${seg(id)}/sla`, undefined, signal),

  addWatcher: (id: string, userId: string) => api.post<Ticket>(`/tickets/${seg(id)}/watchers`, { userId }),
  removeWatcher: (id: string, userId: string) =>
    api.delete<Ok>(`/tickets/${seg(id)}/watchers/${seg(userId)}`),
  addLink: (id: string, body: z.output<typeof LinkCreateSchema>) =>
    api.post<Ticket>(`/tickets/${seg(id)}/links`, body),
  removeLink: (id: string, linkId: string) => api.delete<Ok>(`/tickets/${seg(id)}/links/${seg(linkId)}`),
  merge: (id: string, body: z.output<typeof MergeSchema>) =>
    api.post<Ticket>(`/tickets/${seg(id)}/merge`, body),
  rate: (id: string, body: z.output<typeof RatingSchema>) =>
    api.post<Ticket>(`/tickets/${seg(id)}/rating`, body),

  views: (signal?: AbortSignal) =>
    api.get<z.infer<typeof TicketViewList>>('/ticket-views', undefined, signal),
  createView: (body: z.output<typeof TicketViewCreateSchema>) => api.post<TicketView>('/ticket-views', body),
  updateView: (id: string, body: z.output<typeof TicketViewUpdateSchema>) =>
    api.patch<TicketView>(`/ticket-views/${seg(id)}`, body),
  deleteView: (id: string) => api.delete<Ok>(`/ticket-views/${seg(id)}`),

  availability: (signal?: AbortSignal) => api.get<Availability>('/me/availability', undefined, signal),
  setAvailability: (body: z.output<typeof AvailabilityPutSchema>) =>
    api.put<Availability>('/me/availability', body),

  requesters: (projectId: string, query: z.output<typeof RequesterLookupQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof RequesterList>>(`/projects/${seg(projectId)}/requesters`, query, signal),
};
