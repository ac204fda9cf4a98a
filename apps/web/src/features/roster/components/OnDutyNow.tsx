import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { rosterApi, rosterKeys } from '../api/roster.api';
import type { RosterOwner } from '../api/roster.api';
import { inShanghai, shanghaiToday, shiftTimes } from '../time';

interface Duty {
  key: string;
  name: string;
  phone: string | null;
  label: string;
  startsAt: string;
  endsAt: string;
  source?: 'project' | 'team';
}

/**
 * Who is on duty now (值班人员), with a phone to call: a project's own shifts and its duty team's
 * (GET /projects/:id/on-duty), or a team's shifts covering this minute.
 */
export function OnDutyNow({ owner }: { owner: RosterOwner }) {
  const { t } = useTranslation('roster');
  const query = useQuery({
    queryKey: [...rosterKeys.of(owner), 'now'],
    queryFn: async ({ signal }): Promise<Duty[]> => {
      if ('projectId' in owner) {
        const r = await rosterApi.onDuty(owner.projectId, signal);
        return r.items.map((x) => ({
          key: x.shiftId,
          name: x.displayName,
          phone: x.phone,
          label: x.label,
          startsAt: x.startsAt,
          endsAt: x.endsAt,
          source: x.source,
        }));
      }
      const now = Date.now();
      const r = await rosterApi.get(
        owner,
        { from: new Date(now).toISOString(), to: new Date(now + 60_000).toISOString() },
        signal,
      );
      return r.items.map((x) => ({
        key: x.id,
        name: x.user.displayName,
        phone: x.user.phone,
        label: x.label,
        startsAt: x.startsAt,
        endsAt: x.endsAt,
      }));
    },
    refetchInterval: 60_000,
  });
  const today = shanghaiToday();
  return (
    <Card
      size="small"
      title={t('onDuty.title')}
      extra={<Typography.Text type="secondary">{inShanghai(Date.now()).format('HH:mm')}</Typography.Text>}
    >
      {query.isError ? (
        <ErrorAlert error={query.error} />
      ) : (query.data ?? []).length === 0 && !query.isPending ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('onDuty.nobody')} />
      ) : (
        <List
          size="small"
          loading={query.isPending}
          dataSource={query.data ?? []}
          renderItem={(d) => (
            <List.Item data-testid="on-duty">
              <Space wrap>
                <UserOutlined />
                <Typography.Text strong>{d.name}</Typography.Text>
                <Tag>{d.label}</Tag>
                <Typography.Text type="secondary">{shiftTimes(d, today)}</Typography.Text>
                {d.source === 'team' && <Tag color="purple">{t('onDuty.fromTeam')}</Tag>}
                {d.phone && (
                  <a href={`tel:${d.phone}`}>
                    <PhoneOutlined /> {d.phone}
                  </a>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
