import type { z } from 'zod';
import type {
  Customer,
  CustomerCreateSchema,
  CustomerListQuery,
  CustomerPage,
  CustomerUpdateSchema,
  OkSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

export const customerKeys = {
  all: ['customers'] as const,
  detail: (id: string) => ['customers', 'detail', id] as const,
};

export const customerApi = {
  list: (query: z.output<typeof CustomerListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof CustomerPage>>('/customers', query, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Customer>(`/customers/${seg(id)}`, undefined, signal),
  create: (body: z.output<typeof CustomerCreateSchema>) => api.post<Customer>('/customers', body),
  update: (id: string, body: z.output<typeof CustomerUpdateSchema>) =>
    api.patch<Customer>(`/customers/${seg(id)}`, body),
  remove: (id: string) => api.delete<z.infer<typeof OkSchema>>(`/customers/${seg(id)}`),
};
