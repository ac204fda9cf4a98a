import { Flex, Tag, Timeline, Typography, theme } from 'antd';
import type { TimelineItemType } from 'antd/es/timeline/Timeline';
import { LockOutlined, MessageOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../shared/format';
import type { TicketComment, TicketEvent } from '../api/tickets.api';
import { useTicketLabels } from '../labels';
import type { TicketLabels } from '../labels';

/** Sanitised HTML from the server (markdown-it with `html: false`); never HTML of our own making. */
export function ServerHtml({ html }: { html: string }) {
  return (
    <div
      className="opsdesk-markdown"
      style={{ overflowWrap: 'anywhere', lineHeight: 1.7 }}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

type Entry =
  | { at: string; key: string; kind: 'comment'; comment: TicketComment }
  | {
      at: string;
      key: string;
      kind: 'event';
      event: TicketEvent;
    };

// Replies and notes are shown as comments; their history rows would say the same twice.
const SHOWN_AS_COMMENT = new Set(['reply', 'note']);

/** Comments (public replies and internal notes) and the history, oldest first. */
export function TicketTimeline(props: {
  comments: TicketComment[];
  events: TicketEvent[];
  /** Names of people the events refer to by id (assignees, watchers). */
  names?: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation('tickets');
  const { token } = theme.useToken();
  const labels = useTicketLabels();
  const entries: Entry[] = [
    ...props.comments.map((c) => ({
      at: c.createdAt,
      key: `c:${c.id}`,
      kind: 'comment' as const,
      comment: c,
    })),
    ...props.events
      .filter((e) => !SHOWN_AS_COMMENT.has(e.type))
      .map((e) => ({ at: e.at, key: `e:${e.id}`, kind: 'event' as const, event: e })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));

  if (!entries.length) return <Typography.Text type="secondary">{t('timeline.empty')}</Typography.Text>;

  const items: TimelineItemType[] = entries.map((e) => {
    if (e.kind === 'comment') {
      const c = e.comment;
      const internal = c.visibility === 'internal';
      return {
        key: e.key,
        color: internal ? 'orange' : 'blue',
        icon: internal ? <LockOutlined /> : <MessageOutlined />,
        content: (
          <div
            data-testid={internal ? 'internal-note' : 'public-reply'}
            style={{
              background: internal ? token.colorWarningBg : token.colorFillQuaternary,
              border: `1px solid ${internal ? token.colorWarningBorder : token.colorBorderSecondary}`,
              borderRadius: token.borderRadius,
              padding: '8px 12px',
            }}
          >
            <Flex gap={8} wrap align="center" style={{ marginBottom: 4 }}>
              <Typography.Text strong>{c.author?.displayName ?? t('timeline.system')}</Typography.Text>
              {internal ? (
                <Tag color="orange">{t('timeline.internalNote')}</Tag>
              ) : (
                <Tag>{t('timeline.reply')}</Tag>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(c.createdAt)}
              </Typography.Text>
              {c.timeSpentMinutes ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('timeline.timeSpent', { time: labels.duration(c.timeSpentMinutes) })}
                </Typography.Text>
              ) : null}
            </Flex>
            <ServerHtml html={c.bodyHtml} />
          </div>
        ),
      };
    }
    const ev = e.event;
    return {
      key: e.key,
      color: ev.type === 'sla_breached' ? 'red' : ev.type === 'escalation' ? 'orange' : 'gray',
      content: (
        <Flex gap={8} wrap align="baseline">
          <Typography.Text>{describeEvent(ev, labels, t, props.names)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(ev.at)}
          </Typography.Text>
        </Flex>
      ),
    };
  });
  return <Timeline items={items} />;
}

type T = TFunction<'tickets'>;
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** One history entry as a sentence. */
export function describeEvent(
  e: TicketEvent,
  labels: TicketLabels,
  t: T,
  names?: ReadonlyMap<string, string>,
): string {
  const who = e.actor.name && e.actor.name !== 'system' ? e.actor.name : t('timeline.system');
  const d = e.data;
  const person = (id: unknown) => (typeof id === 'string' ? (names?.get(id) ?? null) : null);
  switch (e.type) {
    case 'created':
      return t('events.created', { who, channel: labels.channel(str(d.channel)) });
    case 'routed':
      return t('events.routed');
    case 'transition': {
      const values = (d.values ?? {}) as Record<string, unknown>;
      const details: string[] = [];
      const assignee = person(values.assigneeId);
      if (assignee) details.push(t('events.toAssignee', { name: assignee }));
      if (str(values.pendingReason)) details.push(labels.pendingReason(str(values.pendingReason)));
      if (str(values.resolutionCode)) details.push(labels.resolutionCode(str(values.resolutionCode)));
      for (const k of ['reopenReason', 'cancelReason', 'resolutionText'] as const)
        if (str(values[k])) details.push(str(values[k])!);
      if (str(d.reason)) details.push(t('events.reason', { reason: str(d.reason) }));
      const parts = {
        who,
        action: labels.action(str(d.action)),
        from: labels.state(str(d.from)),
        to: labels.state(str(d.to)),
      };
      return details.length
        ? t('events.transitionWithDetails', { ...parts, details: details.join(t('events.separator')) })
        : t('events.transition', parts);
    }
    case 'updated':
      return t('events.updated', {
        who,
        fields: Array.isArray(d.fields)
          ? d.fields.map((f) => labels.field(String(f))).join(t('events.listSeparator'))
          : '',
      });
    case 'watcher_added':
      return t('events.watcherAdded', { who, name: person(d.userId) ?? t('events.someone') });
    case 'watcher_removed':
      return t('events.watcherRemoved', { who, name: person(d.userId) ?? t('events.someone') });
    case 'linked':
      return t('events.linked', { who });
    case 'unlinked':
      return t('events.unlinked', { who });
    case 'merged_into':
      return t('events.mergedInto', { who, number: str(d.number) ?? '' });
    case 'merged_from':
      return t('events.mergedFrom', { who, number: str(d.number) ?? '' });
    case 'rated':
      return t('events.rated', { who, rating: Number(d.rating) || 0 });
    case 'escalation':
      return t('events.escalation', {
        metric: labels.metric(str(d.metric)),
        threshold: Number(d.threshold) || 0,
      });
    case 'sla_breached':
      return t('events.slaBreached', { metric: labels.metric(str(d.metric)) });
    case 'emergency_plan_required':
      return t('events.emergencyPlanRequired');
    case 'emergency_plan_submitted':
      return t('events.emergencyPlanSubmitted', { who });
    case 'breach_explained':
      return t('events.breachExplained', { who, metric: labels.metric(str(d.metric)) });
    default:
      return t('events.other', { who, type: e.type });
  }
}
