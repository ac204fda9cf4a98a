import type { z } from 'zod';
import type {
  NotificationListQuery,
  NotificationPage,
  OkSchema,
  UnreadCountSchema,
} from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  recent: ['notifications', 'recent'] as const,
};

export const notificationApi = {
  list: (query: z.output<typeof NotificationListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof NotificationPage>>('/notifications', query, signal),
  unreadCount: (signal?: AbortSignal) =>
    api.get<z.infer<typeof UnreadCountSchema>>('/notifications/unread-count', undefined, signal),
  read: (id: string) => api.post<z.infer<typeof OkSchema>>(`/notifications/${seg(id)}/read`, {}),
  readAll: () => api.post<{ marked: number }>('/notifications/read-all', {}),
};
