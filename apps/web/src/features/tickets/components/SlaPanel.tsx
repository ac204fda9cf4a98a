import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { FieldTimeOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { ticketApi, ticketKeys } from '../api/tickets.api';
import type { SlaClock } from '../api/tickets.api';
import { useTicketLabels } from '../labels';
import { clockBadge } from '../sla';
import { SlaBadge } from './SlaBadge';

/** How often the page re-reads its clocks: remaining business time needs the server's calendar. */
export const SLA_REFRESH_MS = 30_000;

export function useTicketSla(ticketId: string) {
  return useQuery({
    queryKey: ticketKeys.sla(ticketId),
    queryFn: ({ signal }) => ticketApi.sla(ticketId, signal),
    refetchInterval: SLA_REFRESH_MS,
  });
}

/** The ticket's SLA clocks as badges, and their explanation interval by interval. */
export function SlaPanel({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('tickets');
  const labels = useTicketLabels();
  const query = useTicketSla(ticketId);
  const [open, setOpen] = useState(false);
  const clocks = query.data?.clocks ?? [];
  return (
    <Card
      size="small"
      title={t('sla.title')}
      extra={
        <Button
          size="small"
          type="text"
          icon={<ReloadOutlined />}
          aria-label={t('sla.refresh')}
          loading={query.isFetching}
          onClick={() => void query.refetch()}
        />
      }
    >
      {query.isError && <ErrorAlert error={query.error} />}
      {!query.isPending && !clocks.length ? (
        <Typography.Text type="secondary">{t('sla.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {clocks.map((c) => (
            <Flex key={c.metric} justify="space-between" align="center" gap={8} wrap>
              <Typography.Text>{labels.metric(c.metric)}</Typography.Text>
              <SlaBadge model={clockBadge(c)} />
              <Typography.Text type="secondary" style={{ fontSize: 12, width: '100%' }}>
                {c.dueAt
                  ? t('sla.targetLine', {
                      target: labels.duration(c.targetMinutes),
                      due: formatDateTime(c.dueAt),
                    })
                  : t('sla.targetLinePaused', { target: labels.duration(c.targetMinutes) })}
              </Typography.Text>
            </Flex>
          ))}
          {clocks.length > 0 && (
            <Button icon={<FieldTimeOutlined />} onClick={() => setOpen(true)} block>
              {t('sla.explain')}
            </Button>
          )}
        </Flex>
      )}
      <SlaExplanationDrawer open={open} onClose={() => setOpen(false)} clocks={clocks} />
    </Card>
  );
}

function SlaExplanationDrawer(props: { open: boolean; onClose: () => void; clocks: SlaClock[] }) {
  const { t } = useTranslation('tickets');
  const mobile = useIsMobile();
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      title={t('sla.explainTitle')}
      size={mobile ? '100%' : 760}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('sla.explainIntro')}</Typography.Paragraph>
      {props.clocks.length ? (
        props.clocks.map((c) => <SlaExplanation key={c.metric} clock={c} />)
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Drawer>
  );
}

const KIND_COLORS: Record<string, string> = { working: 'green', non_working: 'default', paused: 'orange' };
type Interval = SlaClock['intervals'][number];

/** One clock: its figures, the escalations it fired, and its intervals summing to the time used. */
export function SlaExplanation({ clock }: { clock: SlaClock }) {
  const { t } = useTranslation(['tickets', 'common']);
  const labels = useTicketLabels();
  const working = clock.intervals.filter((i) => i.kind === 'working').reduce((s, i) => s + i.minutes, 0);
  const columns: TableProps<Interval>['columns'] = [
    {
      key: 'kind',
      title: t('sla.interval.kind'),
      render: (_: unknown, i) => <Tag color={KIND_COLORS[i.kind]}>{t(`sla.interval.kinds.${i.kind}`)}</Tag>,
    },
    { key: 'start', title: t('sla.interval.start'), render: (_: unknown, i) => formatDateTime(i.start) },
    { key: 'end', title: t('sla.interval.end'), render: (_: unknown, i) => formatDateTime(i.end) },
    {
      key: 'minutes',
      title: t('sla.interval.minutes'),
      align: 'right',
      render: (_: unknown, i) =>
        i.kind === 'working'
          ? t('sla.interval.businessMinutes', { count: i.minutes })
          : t('sla.interval.wallMinutes', { count: i.minutes }),
    },
    {
      key: 'reason',
      title: t('sla.interval.reason'),
      render: (_: unknown, i) =>
        i.kind === 'paused'
          ? t('sla.interval.pausedReason', {
              reason: labels.pauseReason(i.reason ?? null),
              working: i.workingMinutes ?? 0,
            })
          : i.kind === 'non_working'
            ? t('sla.interval.outsideHours')
            : t('sla.interval.counted'),
    },
  ];
  return (
    <section style={{ marginBottom: 24 }} aria-label={labels.metric(clock.metric)}>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {labels.metric(clock.metric)}
        </Typography.Title>
        <SlaBadge model={clockBadge(clock)} />
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'target', label: t('sla.fields.target'), children: labels.duration(clock.targetMinutes) },
          {
            key: 'elapsed',
            label: t('sla.fields.elapsed'),
            children: `${labels.duration(clock.elapsedMinutes)} (${Math.round(clock.percentUsed)}%)`,
          },
          {
            key: 'due',
            label: t('sla.fields.due'),
            children: clock.dueAt ? formatDateTime(clock.dueAt) : t('sla.noDue'),
          },
          {
            key: 'calendar',
            label: t('sla.fields.calendar'),
            children: `${clock.calendar.name} (${clock.calendar.timeZone})`,
          },
          ...(clock.pauseReason
            ? [
                {
                  key: 'pause',
                  label: t('sla.fields.pauseReason'),
                  children: labels.pauseReason(clock.pauseReason),
                },
              ]
            : []),
          ...(clock.breachedAt
            ? [
                {
                  key: 'breached',
                  label: t('sla.fields.breachedAt'),
                  children: formatDateTime(clock.breachedAt),
                },
              ]
            : []),
          ...(clock.escalations.length
            ? [
                {
                  key: 'esc',
                  label: t('sla.fields.escalations'),
                  children: clock.escalations
                    .map((e) =>
                      t('sla.escalationAt', { threshold: e.threshold, time: formatDateTime(e.crossedAt) }),
                    )
                    .join(t('events.separator')),
                },
              ]
            : []),
        ]}
      />
      <Table<Interval>
        size="small"
        rowKey={(i) => `${i.kind}:${i.start}`}
        columns={columns}
        dataSource={clock.intervals}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText:
            clock.state === 'not_started' ? t('sla.interval.notStarted') : t('sla.interval.underAMinute'),
        }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <Typography.Text strong>{t('sla.interval.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Typography.Text strong>
                {t('sla.interval.businessMinutes', { count: working })}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4}>
              {t('sla.interval.equalsElapsed', { count: clock.elapsedMinutes })}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </section>
  );
}
