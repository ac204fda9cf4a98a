/** 通知中心（铃铛）。 */
export default {
  title: '通知',
  bell: '通知',
  bellUnread: '通知，{{count}} 条未读',
  readAll: '全部已读',
  viewAll: '查看全部通知',
  empty: '没有通知。',
  unreadOnly: '仅未读',
  fields: { text: '内容', createdAt: '时间', readAt: '已读时间', status: '状态' },
};
