import { Tag, Tooltip } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TicketListItem } from '@opsdesk/contracts';
import { useTicketLabels } from '../labels';

const PRIORITY_COLORS: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'blue', 4: 'default' };

/** `P1` … `P4`, with the level's name on hover (or in full: `P1 紧急`). */
export function PriorityTag({ priority, long }: { priority: number; long?: boolean }) {
  const labels = useTicketLabels();
  const tag = (
    <Tag color={PRIORITY_COLORS[priority] ?? 'default'} style={{ fontWeight: 600 }}>
      {long ? labels.priority(priority) : `P${priority}`}
    </Tag>
  );
  return long ? tag : <Tooltip title={labels.priority(priority)}>{tag}</Tooltip>;
}

const CATEGORY_COLORS: Record<string, string> = {
  open: 'blue',
  in_progress: 'geekblue',
  pending: 'gold',
  resolved: 'green',
  final: 'default',
};

/** The state's own label (from the lifecycle), coloured by its category. */
export function TicketStateTag({
  ticket,
}: {
  ticket: Pick<TicketListItem, 'stateLabel' | 'stateCategory' | 'pendingReason'>;
}) {
  const labels = useTicketLabels();
  const tag = <Tag color={CATEGORY_COLORS[ticket.stateCategory] ?? 'default'}>{ticket.stateLabel}</Tag>;
  return ticket.pendingReason ? (
    <Tooltip title={labels.pendingReason(ticket.pendingReason)}>{tag}</Tooltip>
  ) : (
    tag
  );
}

/** 系统瘫痪: the business is stopped (the 12-hour emergency-plan rule applies). */
export function BusinessStoppedTag() {
  const { t } = useTranslation('tickets');
  return (
    <Tag color="magenta" icon={<ThunderboltOutlined />}>
      {t('fields.businessStopped')}
    </Tag>
  );
}
