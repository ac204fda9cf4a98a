import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NotificationListQuery } from '@opsdesk/contracts';
import type { Notification } from '@opsdesk/contracts';
import { formatDateTime } from '../../../shared/format';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { notificationApi, notificationKeys } from '../api/notifications.api';
import { internalPath } from '../components/NotificationBell';

const fetchNotifications = contractList(NotificationListQuery, notificationApi.list);

/** `/notifications`: every notification of the signed-in user, unread first to the eye. */
export default function NotificationListPage() {
  const { t } = useTranslation(['notifications', 'common']);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const open = async (n: Notification) => {
    if (!n.readAt) {
      await notificationApi.read(n.id).catch(() => undefined);
      void qc.invalidateQueries({ queryKey: notificationKeys.all });
    }
    const path = internalPath(n.link);
    if (path) void navigate(path);
  };
  const columns: ListColumn<Notification>[] = [
    {
      key: 'text',
      title: t('fields.text'),
      alwaysVisible: true,
      render: (n) => (
        <Flex gap={6} align="baseline">
          {!n.readAt && <Badge status="processing" />}
          <Typography.Link onClick={() => void open(n)} strong={!n.readAt}>
            {n.text}
          </Typography.Link>
        </Flex>
      ),
    },
    { key: 'createdAt', title: t('fields.createdAt'), value: (n) => formatDateTime(n.createdAt) },
    { key: 'readAt', title: t('fields.readAt'), value: (n) => (n.readAt ? formatDateTime(n.readAt) : null) },
  ];
  return (
    <ListPage<Notification>
      listKey="notifications"
      title={t('title')}
      queryKey={notificationKeys.all}
      fetchPage={fetchNotifications}
      columns={columns}
      rowKey={(n) => n.id}
      filters={[
        {
          name: 'unread',
          label: t('fields.status'),
          options: [{ value: 'true', label: t('unreadOnly') }],
          width: 140,
        },
      ]}
      emptyText={t('empty')}
      exportable={false}
      extra={
        <Button
          onClick={() =>
            void notificationApi
              .readAll()
              .then(() => qc.invalidateQueries({ queryKey: notificationKeys.all }))
          }
        >
          {t('readAll')}
        </Button>
      }
    />
  );
}
