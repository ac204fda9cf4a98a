import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Empty, Flex, Segmented, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
  PaperClipOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { TASK_PHASES } from '@opsdesk/contracts';
import type { ProjectTask, TaskPhase } from '@opsdesk/contracts';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { lifecycleApi, lifecycleKeys } from '../api/lifecycle.api';
import { TaskStatusTag } from './TaskTags';

const LIVE = new Set(['open', 'awaiting_approval']);

function color(task: ProjectTask): string {
  if (task.overdue) return 'red';
  if (task.status === 'done') return 'green';
  if (task.status === 'cancelled') return 'gray';
  return 'blue';
}

function icon(task: ProjectTask) {
  if (task.overdue) return <ExclamationCircleOutlined style={{ color: '#cf1322' }} />;
  if (task.status === 'done') return <CheckCircleOutlined style={{ color: '#389e0d' }} />;
  if (task.status === 'cancelled') return <MinusCircleOutlined style={{ color: '#8c8c8c' }} />;
  if (task.status === 'awaiting_approval') return <SafetyCertificateOutlined style={{ color: '#d48806' }} />;
  return <ClockCircleOutlined />;
}

/** One item of the timeline: due date first (red when overdue), then what and who. */
function TaskItem({ task, onOpen }: { task: ProjectTask; onOpen: (t: ProjectTask) => void }) {
  const { t } = useTranslation('lifecycle');
  return (
    <Flex vertical gap={2} data-testid="checklist-item">
      <Space wrap size={4}>
        <Typography.Text
          strong
          type={task.overdue ? 'danger' : task.status === 'cancelled' ? 'secondary' : undefined}
          data-testid="due-date"
        >
          {task.dueDate}
        </Typography.Text>
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => onOpen(task)}
        >
          {task.status === 'cancelled' ? <del>{task.titleText}</del> : task.titleText}
        </Button>
      </Space>
      <Space wrap size={4}>
        <TaskStatusTag task={task} />
        {task.category === 'approval' && <Tag color="gold">{t('category.approval')}</Tag>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {task.owner ? t('timeline.owner', { name: task.owner.displayName }) : t('task.noOwner')}
        </Typography.Text>
        {task.attachmentCount > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <PaperClipOutlined /> {task.attachmentCount}
          </Typography.Text>
        )}
      </Space>
    </Flex>
  );
}

/**
 * A project's checklist as a timeline: grouped by phase (the monthly items by month), ordered by
 * due date, overdue in red. Due dates are Asia/Shanghai dates, shown as the API gives them.
 */
export function ChecklistTimeline({
  projectId,
  onOpen,
  phases = TASK_PHASES,
  emptyText,
}: {
  projectId: string;
  onOpen: (task: ProjectTask) => void;
  /** Only these phases (the handover tab shows its own). */
  phases?: readonly TaskPhase[];
  /** What to say when there is no task at all. */
  emptyText?: string;
}) {
  const { t } = useTranslation('lifecycle');
  const [phase, setPhase] = useState<TaskPhase | 'all'>('all');
  const [liveOnly, setLiveOnly] = useState(false);
  const query = useQuery({
    queryKey: [...lifecycleKeys.tasks(projectId), phases.join(',')],
    queryFn: ({ signal }) =>
      phases.length === 1
        ? lifecycleApi.allTasks(projectId, { phase: phases[0] }, signal)
        : lifecycleApi.allTasks(projectId, {}, signal),
  });
  if (query.isError) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Skeleton active />;

  const tasks = query.data.filter((x) => phases.includes(x.phase));
  const present = phases.filter((p) => tasks.some((x) => x.phase === p));
  const shown = tasks.filter(
    (x) => (phase === 'all' || x.phase === phase) && (!liveOnly || LIVE.has(x.status)),
  );

  const groups: { key: string; title: string; items: ProjectTask[] }[] = [];
  for (const p of present) {
    if (phase !== 'all' && p !== phase) continue;
    const inPhase = shown.filter((x) => x.phase === p);
    if (!inPhase.length) continue;
    if (p === 'implementation') {
      const periods = [...new Set(inPhase.map((x) => x.period))].sort();
      for (const period of periods)
        groups.push({
          key: `${p}:${period}`,
          title: period ? t('timeline.month', { phase: t(`phase.${p}`), month: period }) : t(`phase.${p}`),
          items: inPhase.filter((x) => x.period === period),
        });
    } else groups.push({ key: p, title: t(`phase.${p}`), items: inPhase });
  }

  return (
    <div>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        {present.length > 1 && (
          <Segmented<TaskPhase | 'all'>
            value={phase}
            onChange={setPhase}
            options={[
              { value: 'all', label: t('timeline.all') },
              ...present.map((p) => ({ value: p, label: t(`phase.${p}`) })),
            ]}
          />
        )}
        <Checkbox checked={liveOnly} onChange={(e) => setLiveOnly(e.target.checked)}>
          {t('timeline.liveOnly')}
        </Checkbox>
      </Flex>
      {groups.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={tasks.length ? t('timeline.noneShown') : (emptyText ?? t('timeline.empty'))}
        />
      ) : (
        groups.map((g) => (
          <div key={g.key} style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {g.title}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
                {t('timeline.progress', {
                  done: g.items.filter((x) => x.status === 'done').length,
                  total: g.items.filter((x) => x.status !== 'cancelled').length,
                })}
              </Typography.Text>
            </Typography.Title>
            <Timeline
              items={g.items.map((task) => ({
                key: task.id,
                color: color(task),
                icon: icon(task),
                content: <TaskItem task={task} onOpen={onOpen} />,
              }))}
            />
          </div>
        ))
      )}
    </div>
  );
}
