import { z } from 'zod';
import type { Lang, Messages } from './i18n.js';
import { fill } from './i18n.js';
import { Timestamp } from './common.js';

/**
 * In-app notifications are stored as a kind and parameters and rendered in the reader's
 * language, in the bell and in e-mail alike. Modules add their kinds with `defineNotificationKinds`.
 */
const KINDS: Record<string, Messages> = {
  'test.ping': { 'zh-CN': '测试通知：{text}', en: 'Test notification: {text}' },
};

export function defineNotificationKinds(kinds: Record<string, Messages>): void {
  Object.assign(KINDS, kinds);
}

export function renderNotification(kind: string, params: Record<string, unknown>, lang: Lang): string {
  const m = KINDS[kind];
  return m ? fill(m[lang], params) : kind;
}

export const NotificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    params: z.record(z.string(), z.unknown()),
    /** The text in the caller's language. */
    text: z.string(),
    link: z.string().nullable(),
    objectType: z.string().nullable(),
    objectId: z.uuid().nullable(),
    createdAt: Timestamp,
    readAt: Timestamp.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
  unread: z.enum(['true', 'false']).optional(),
});
export const NotificationPage = z.object({
  items: z.array(NotificationSchema),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export const UnreadCountSchema = z.object({ unreadCount: z.number().int() });
