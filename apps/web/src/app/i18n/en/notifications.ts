import type { Translation } from '../types';
import type zh from '../zh-CN/notifications';

/** The notification centre (the bell). */
const en: Translation<typeof zh> = {
  title: 'Notifications',
  bell: 'Notifications',
  bellUnread: 'Notifications, {{count}} unread',
  readAll: 'Mark all read',
  viewAll: 'All notifications',
  empty: 'No notifications.',
  unreadOnly: 'Unread only',
  fields: { text: 'Notification', createdAt: 'Time', readAt: 'Read', status: 'Status' },
};
export default en;
