import {
  IdParams,
  NotificationListQuery,
  NotificationPage,
  OkSchema,
  UnreadCountSchema,
} from '@opsdesk/contracts';
import { z } from 'zod';
import type { ZodApp } from '../../http/context.js';
import { ctx } from '../../http/context.js';
import { presentNotification } from './notification.presenter.js';
import { myNotifications, myUnreadCount, readAll, readOne } from './notification.service.js';

const tags = ['notifications'];

/** The notification centre: every user sees only their own bell. */
export async function notificationRoutes(app: ZodApp) {
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first',
        querystring: NotificationListQuery,
        response: { 200: NotificationPage },
      },
    },
    async (req) => {
      const c = ctx(req);
      const page = await myNotifications(c, {
        limit: req.query.limit,
        cursor: req.query.cursor,
        unread: req.query.unread === 'true',
      });
      return { ...page, items: page.items.map((n) => presentNotification(n, c.lang)) };
    },
  );

  app.get(
    '/notifications/unread-count',
    { schema: { tags, summary: 'How many unread (the bell badge)', response: { 200: UnreadCountSchema } } },
    async (req) => ({
      unreadCount: await myUnreadCount(ctx(req)),
    }),
  );

  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: 'Mark one read', params: IdParams, response: { 200: OkSchema } } },
    async (req) => {
      await readOne(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/notifications/read-all',
    { schema: { tags, summary: 'Mark all read', response: { 200: z.object({ marked: z.number().int() }) } } },
    async (req) => ({
      marked: await readAll(ctx(req)),
    }),
  );
}
