import type { z } from 'zod';
import type {
  ArrivalTargetsSchema,
  WorkOrder,
  WorkOrderCheckInSchema,
  WorkOrderCompleteSchema,
  WorkOrderCreateSchema,
  WorkOrderDispatchSchema,
  WorkOrderListQuery,
  WorkOrderPage,
  WorkOrderReasonSchema,
  WorkOrderRejectedSchema,
  WorkOrderSignOffSchema,
  WorkOrderUpdateSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';
import type { QueryParams } from '../../../app/api/client';
import { ticketKeys } from '../../tickets/api/tickets.api';

export type WorkOrderListItem = z.infer<typeof WorkOrderPage>['items'][number];
export type ArrivalTargets = z.infer<typeof ArrivalTargetsSchema>;
export type WorkOrderRejected = z.infer<typeof WorkOrderRejectedSchema>;

/**
 * Work orders are tickets: their keys sit under `ticketKeys.all`, so the ticket pieces reused on
 * the page (reply box, SLA panel, related tickets) refresh them with their own invalidations.
 */
export const workOrderKeys = {
  all: [...ticketKeys.all, 'work-orders'] as const,
  detail: (id: string) => [...ticketKeys.all, 'work-orders', 'detail', id] as const,
  arrivalTargets: (projectId: string) => ['arrival-targets', projectId] as const,
};

function toQuery(query: z.output<typeof WorkOrderListQuery>): QueryParams {
  const out: QueryParams = {};
  for (const [k, v] of Object.entries(query))
    out[k] = Array.isArray(v) ? v.join(',') : (v as QueryParams[string]);
  return out;
}

const action =
  <B>(path: string) =>
  (id: string, body: B) =>
    api.post<WorkOrder>(`/work-orders/${seg(id)}/${path}`, body);

export const workOrderApi = {
  list: (query: z.output<typeof WorkOrderListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof WorkOrderPage>>('/work-orders', toQuery(query), signal),
  get: (id: string, signal?: AbortSignal) => api.get<WorkOrder>(`/work-orders/${seg(id)}`, undefined, signal),
  create: (body: z.output<typeof WorkOrderCreateSchema>) => api.post<WorkOrder>('/work-orders', body),
  update: (id: string, body: z.output<typeof WorkOrderUpdateSchema>) =>
    api.patch<WorkOrder>(`/work-orders/${seg(id)}`, body),
  dispatch: action<z.output<typeof WorkOrderDispatchSchema>>('dispatch'),
  accept: (id: string) => api.post<WorkOrder>(`/work-orders/${seg(id)}/accept`, {}),
  /** 退单: the answer is only the outcome — the engineer no longer sees the order. */
  reject: (id: string, body: z.output<typeof WorkOrderReasonSchema>) =>
    api.post<WorkOrderRejected>(`/work-orders/${seg(id)}/reject`, body),
  checkIn: action<z.output<typeof WorkOrderCheckInSchema>>('check-in'),
  complete: action<z.output<typeof WorkOrderCompleteSchema>>('complete'),
  signOff: action<z.output<typeof WorkOrderSignOffSchema>>('sign-off'),
  rework: action<z.output<typeof WorkOrderReasonSchema>>('rework'),
  close: (id: string) => api.post<WorkOrder>(`/work-orders/${seg(id)}/close`, {}),
  cancel: action<z.output<typeof WorkOrderReasonSchema>>('cancel'),
  arrivalTargets: (projectId: string, signal?: AbortSignal) =>
    api.get<ArrivalTargets>(`/projects/${seg(projectId)}/arrival-targets`, undefined, signal),
};
