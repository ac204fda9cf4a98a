import { useState } from 'react';
import { App, Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@opsdesk/contracts';
import { useMe } from '../../../app/session/me';
import { can } from '../../../shared/abilities/useAbilities';
import { describeError } from '../../../shared/errors';
import { UserSelect } from '../../users/components/UserSelect';
import { ticketApi, ticketKeys } from '../api/tickets.api';

/** Who follows the ticket (they hear of replies and resolution); watch it yourself or add others. */
export function WatchersPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation(['tickets', 'common']);
  const me = useMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const watching = ticket.watchers.some((w) => w.id === me.id);
  const manage = can(ticket, 'manageWatchers');

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      void qc.invalidateQueries({ queryKey: ticketKeys.all });
      message.success(done);
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('watchers.title')}
      extra={
        <Button
          size="small"
          type="link"
          loading={busy}
          icon={watching ? <EyeInvisibleOutlined /> : <EyeOutlined />}
          onClick={() =>
            void run(
              () =>
                watching ? ticketApi.removeWatcher(ticket.id, me.id) : ticketApi.addWatcher(ticket.id, me.id),
              watching ? t('watchers.unwatched') : t('watchers.watched'),
            )
          }
        >
          {watching ? t('watchers.unwatch') : t('watchers.watch')}
        </Button>
      }
    >
      <Flex vertical gap={8}>
        {ticket.watchers.length ? (
          <Space size={[4, 4]} wrap>
            {ticket.watchers.map((w) => (
              <Tag
                key={w.id}
                closable={manage || w.id === me.id}
                onClose={(e) => {
                  e.preventDefault();
                  void run(() => ticketApi.removeWatcher(ticket.id, w.id), t('common:form.removed'));
                }}
              >
                {w.displayName}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('watchers.none')}</Typography.Text>
        )}
        {manage &&
          (adding ? (
            <UserSelect
              aria-label={t('watchers.add')}
              placeholder={t('watchers.addPlaceholder')}
              onChange={(v) => {
                if (typeof v !== 'string') return;
                setAdding(false);
                void run(() => ticketApi.addWatcher(ticket.id, v), t('watchers.added'));
              }}
            />
          ) : (
            <Button size="small" onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>
              {t('watchers.add')}
            </Button>
          ))}
      </Flex>
    </Card>
  );
}
