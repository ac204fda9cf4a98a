import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography, theme } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Notification } from '@opsdesk/contracts';
import { formatDateTime } from '../../../shared/format';
import { notificationApi, notificationKeys } from '../api/notifications.api';

/** How often the bell asks for the unread count (and the open list for new entries). */
export const BELL_POLL_MS = 30_000;

/** Opens a notification's object: the app's own paths only (never a link off the site). */
export function internalPath(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

/** The header's notification centre: unread count (polled), the latest entries, read / read all. */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const unread = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => notificationApi.unreadCount(signal),
    refetchInterval: BELL_POLL_MS,
    refetchIntervalInBackground: false,
  });
  const recent = useQuery({
    queryKey: notificationKeys.recent,
    queryFn: ({ signal }) => notificationApi.list({ limit: 10 }, signal),
    enabled: open,
    refetchInterval: open ? BELL_POLL_MS : false,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: notificationKeys.all });
  const readOne = useMutation({ mutationFn: notificationApi.read, onSuccess: refresh });
  const readAll = useMutation({ mutationFn: notificationApi.readAll, onSuccess: refresh });
  const count = unread.data?.unreadCount ?? 0;

  const openItem = (n: Notification) => {
    if (!n.readAt) readOne.mutate(n.id);
    const path = internalPath(n.link);
    setOpen(false);
    if (path) void navigate(path);
  };

  const items = recent.data?.items ?? [];
  const content = (
    <div style={{ width: 'min(360px, calc(100vw - 32px))' }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('title')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={!count}
          loading={readAll.isPending}
          onClick={() => readAll.mutate()}
        >
          {t('readAll')}
        </Button>
      </Flex>
      {recent.isPending ? (
        <Flex justify="center" style={{ padding: 16 }}>
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
      ) : (
        <div role="list" style={{ maxHeight: 420, overflowY: 'auto' }}>
          {items.map((n) => (
            <div
              key={n.id}
              role="listitem"
              tabIndex={0}
              onClick={() => openItem(n)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  openItem(n);
                }
              }}
              style={{
                cursor: 'pointer',
                padding: '8px 6px',
                borderBottom: `1px solid ${token.colorBorderSecondary}`,
                background: n.readAt ? undefined : token.colorPrimaryBg,
                borderRadius: token.borderRadiusSM,
              }}
            >
              <Flex gap={6} align="baseline">
                {!n.readAt && <Badge status="processing" />}
                <Typography.Text style={{ overflowWrap: 'anywhere' }}>{n.text}</Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(n.createdAt)}
              </Typography.Text>
            </div>
          ))}
        </div>
      )}
      <Flex justify="center" style={{ marginTop: 8 }}>
        <Button
          size="small"
          type="link"
          onClick={() => {
            setOpen(false);
            void navigate('/notifications');
          }}
        >
          {t('viewAll')}
        </Button>
      </Flex>
    </div>
  );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      content={content}
      arrow={false}
    >
      <Button
        type="text"
        aria-label={count ? t('bellUnread', { count }) : t('bell')}
        style={{ paddingInline: 6 }}
      >
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
