import { renderNotification } from '@opsdesk/contracts';
import type { Lang, Notification } from '@opsdesk/contracts';
import type { NotificationRow } from './notification.repository.js';

export function presentNotification(row: NotificationRow, lang: Lang): Notification {
  return {
    id: row.id,
    kind: row.kind,
    params: row.params,
    text: renderNotification(row.kind, row.params, lang),
    link: row.link,
    objectType: row.objectType,
    objectId: row.objectId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}
