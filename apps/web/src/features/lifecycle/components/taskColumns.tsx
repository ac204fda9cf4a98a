import { Button, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ProjectTask } from '@opsdesk/contracts';
import type { ListColumn } from '../../../shared/list/types';
import { TaskStatusTag } from './TaskTags';

/** The columns of every list of lifecycle tasks across projects. */
export function useTaskColumns(onOpen: (task: ProjectTask) => void): ListColumn<ProjectTask>[] {
  const { t } = useTranslation(['lifecycle', 'common']);
  return [
    {
      key: 'title',
      title: t('task.titleColumn'),
      alwaysVisible: true,
      value: (x) => x.titleText,
      render: (x) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => onOpen(x)}
        >
          {x.titleText}
        </Button>
      ),
    },
    {
      key: 'project',
      title: t('task.project'),
      value: (x) => `${x.projectCode} ${x.projectName}`,
      render: (x) => (
        <Link to={`/projects/${x.projectId}?tab=lifecycle`}>
          {x.projectCode} {x.projectName}
        </Link>
      ),
    },
    {
      key: 'dueDate',
      title: t('task.dueDate'),
      value: (x) => x.dueDate,
      render: (x) => (
        <Typography.Text type={x.overdue ? 'danger' : undefined} strong={x.overdue}>
          {x.dueDate}
        </Typography.Text>
      ),
    },
    {
      key: 'status',
      title: t('task.status'),
      value: (x) => t(`taskStatus.${x.status}`),
      render: (x) => <TaskStatusTag task={x} />,
    },
    { key: 'phase', title: t('task.phase'), value: (x) => t(`phase.${x.phase}`) },
    {
      key: 'category',
      title: t('task.category'),
      value: (x) => t(`category.${x.category}`),
      render: (x) => (
        <Tag color={x.category === 'approval' ? 'gold' : undefined}>{t(`category.${x.category}`)}</Tag>
      ),
    },
    { key: 'owner', title: t('task.owner'), value: (x) => x.owner?.displayName ?? null },
  ];
}
