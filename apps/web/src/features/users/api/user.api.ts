import type { z } from 'zod';
import type {
  OkSchema,
  PasswordResetSchema,
  User,
  UserCreateSchema,
  UserListQuery,
  UserPage,
  UserRolesSchema,
  UserUpdateSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

export const userKeys = {
  all: ['users'] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export const userApi = {
  list: (query: z.output<typeof UserListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof UserPage>>('/users', query, signal),
  get: (id: string, signal?: AbortSignal) => api.get<User>(`/users/${seg(id)}`, undefined, signal),
  create: (body: z.output<typeof UserCreateSchema>) => api.post<User>('/users', body),
  update: (id: string, body: z.output<typeof UserUpdateSchema>) => api.patch<User>(`/users/${seg(id)}`, body),
  setDisabled: (id: string, disabled: boolean) => api.patch<User>(`/users/${seg(id)}`, { disabled }),
  setRoles: (id: string, body: z.output<typeof UserRolesSchema>) =>
    api.put<User>(`/users/${seg(id)}/roles`, body),
  resetPassword: (id: string, body: z.output<typeof PasswordResetSchema>) =>
    api.post<z.infer<typeof OkSchema>>(`/users/${seg(id)}/password`, body),
  unlock: (id: string) => api.post<User>(`/users/${seg(id)}/unlock`, {}),
};
