import { Tag, Tooltip } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  PauseCircleOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TicketListItem } from '@opsdesk/contracts';
import { formatDateTime } from '../../../shared/format';
import { useTicketLabels } from '../labels';
import { listBadge } from '../sla';
import type { SlaBadgeModel, SlaTone } from '../sla';

const TAG_COLORS: Record<SlaTone, string> = {
  green: 'success',
  amber: 'warning',
  red: 'error',
  grey: 'default',
};

/** An SLA clock as a coloured badge: time left (or overdue), paused, met or breached. */
export function SlaBadge({ model, prefix }: { model: SlaBadgeModel; prefix?: string }) {
  const { t } = useTranslation('tickets');
  const labels = useTicketLabels();
  const left = model.remainingMinutes;
  const text =
    model.kind === 'met'
      ? t('sla.met')
      : model.kind === 'not_started'
        ? t('sla.notStarted')
        : model.kind === 'breached'
          ? left !== null && left < 0
            ? t('sla.overdueBy', { time: labels.duration(-left) })
            : t('sla.breached')
          : left === null
            ? t('sla.paused')
            : left < 0
              ? t('sla.overdueBy', { time: labels.duration(-left) })
              : model.kind === 'paused'
                ? t('sla.pausedLeft', { time: labels.duration(left) })
                : t('sla.left', { time: labels.duration(left) });
  const icon =
    model.kind === 'paused' ? (
      <PauseCircleOutlined />
    ) : model.kind === 'met' ? (
      <CheckCircleOutlined />
    ) : model.kind === 'breached' || model.tone === 'red' ? (
      <ExclamationCircleOutlined />
    ) : (
      <ClockCircleOutlined />
    );
  return (
    <Tag
      color={TAG_COLORS[model.tone]}
      icon={icon}
      data-sla-tone={model.tone}
      data-sla-kind={model.kind}
      style={{ marginInlineEnd: 0 }}
    >
      {prefix ? `${prefix} ${text}` : text}
    </Tag>
  );
}

/** The list's badge (estimated; see `listBadge`), with the due time on hover. */
export function ListSlaBadge({ ticket, now }: { ticket: TicketListItem; now: number }) {
  const { t } = useTranslation(['tickets', 'common']);
  const model = listBadge(ticket, now);
  if (!model) return <>{t('common:empty')}</>;
  return (
    <Tooltip title={ticket.slaDueAt ? t('sla.dueAt', { time: formatDateTime(ticket.slaDueAt) }) : undefined}>
      <span>
        <SlaBadge model={model} />
      </span>
    </Tooltip>
  );
}
