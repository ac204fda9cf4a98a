import type { ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Divider, Empty, Flex, List, Space, Tag, Tooltip, Typography } from 'antd';
import {
  CheckOutlined,
  EditOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ProjectTask } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { QueryState } from '../../../shared/components/QueryState';
import { formatDateTime } from '../../../shared/format';
import { FormDrawer, FormModal, useOverlay } from '../../../shared/form/overlays';
import { AttachmentList } from '../../../shared/attachments/AttachmentList';
import { lifecycleApi, lifecycleKeys } from '../api/lifecycle.api';
import type { TaskAction } from '../api/lifecycle.api';
import { TaskActionForm, TaskCommentForm, TaskEditForm } from '../forms/TaskForms';
import { TaskStatusTag } from './TaskTags';

const ACTION_ICONS: Record<TaskAction, ReactNode> = {
  complete: <CheckOutlined />,
  submit: <SendOutlined />,
  approve: <CheckOutlined />,
  reject: <RollbackOutlined />,
  reopen: <UndoOutlined />,
  cancel: <StopOutlined />,
};

function TaskComments({ task }: { task: ProjectTask }) {
  const { t } = useTranslation('lifecycle');
  const comments = useQuery({
    queryKey: lifecycleKeys.comments(task.id),
    queryFn: ({ signal }) => lifecycleApi.comments(task.id, signal),
  });
  const items = comments.data?.items ?? [];
  return (
    <>
      {items.length === 0 && !comments.isPending ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('comments.empty')} />
      ) : (
        <List
          size="small"
          loading={comments.isPending}
          dataSource={items}
          renderItem={(c) => (
            <List.Item>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Typography.Text strong>{c.author?.displayName ?? t('comments.system')}</Typography.Text>
                  {c.kind !== 'comment' && <Tag>{t(`commentKind.${c.kind}`)}</Tag>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(c.createdAt)}
                  </Typography.Text>
                </Space>
                {c.body && <div style={{ whiteSpace: 'pre-wrap' }}>{c.body}</div>}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {can(task, 'comment') && <TaskCommentForm taskId={task.id} />}
    </>
  );
}

/** One task: where it stands, what may be done with it now, its evidence and its history. */
export function TaskDetail({ task: initial, onClosed }: { task: ProjectTask; onClosed?: () => void }) {
  const { t } = useTranslation(['lifecycle', 'common']);
  const qc = useQueryClient();
  const action = useOverlay<TaskAction>();
  const edit = useOverlay();
  const query = useQuery({
    queryKey: lifecycleKeys.task(initial.id),
    queryFn: ({ signal }) => lifecycleApi.task(initial.id, signal),
    initialData: initial,
    initialDataUpdatedAt: 0,
  });

  return (
    <QueryState query={query}>
      {(task) => {
        const actions = (['complete', 'submit', 'approve', 'reject', 'reopen', 'cancel'] as const).filter(
          (a) => can(task, a),
        );
        const needsDocument = task.category === 'approval' && task.attachmentCount === 0;
        return (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {task.titleText}
              </Typography.Title>
              <TaskStatusTag task={task} />
              {task.category !== 'checklist' && <Tag color="gold">{t(`category.${task.category}`)}</Tag>}
            </Space>
            <Flex gap={8} wrap style={{ marginBottom: 16 }}>
              {actions.map((a) => {
                const button = (
                  <Button
                    key={a}
                    type={a === 'approve' || a === 'complete' || a === 'submit' ? 'primary' : 'default'}
                    danger={a === 'reject' || a === 'cancel'}
                    icon={ACTION_ICONS[a]}
                    disabled={a === 'submit' && needsDocument}
                    onClick={() => action.show(a)}
                  >
                    {t(`actions.${a}`)}
                  </Button>
                );
                return a === 'submit' && needsDocument ? (
                  <Tooltip key={a} title={t('task.attachFirst')}>
                    {button}
                  </Tooltip>
                ) : (
                  button
                );
              })}
              {can(task, 'update') && (
                <Button icon={<EditOutlined />} onClick={() => edit.show()}>
                  {t('common:actions.edit')}
                </Button>
              )}
            </Flex>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'project',
                  label: t('task.project'),
                  children: (
                    <Link to={`/projects/${task.projectId}?tab=lifecycle`} onClick={onClosed}>
                      {task.projectCode} {task.projectName}
                    </Link>
                  ),
                },
                { key: 'phase', label: t('task.phase'), children: t(`phase.${task.phase}`) },
                ...(task.period ? [{ key: 'period', label: t('task.period'), children: task.period }] : []),
                {
                  key: 'dueDate',
                  label: t('task.dueDate'),
                  children: (
                    <Typography.Text type={task.overdue ? 'danger' : undefined} strong={task.overdue}>
                      {task.dueDate}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'owner',
                  label: t('task.owner'),
                  children: task.owner?.displayName ?? t('task.noOwner'),
                },
                ...(task.completedAt
                  ? [
                      {
                        key: 'completed',
                        label: t('task.completed'),
                        children: t('task.byAt', {
                          who: task.completedBy?.displayName ?? t('comments.system'),
                          at: formatDateTime(task.completedAt),
                        }),
                      },
                    ]
                  : []),
                ...(task.approvedAt
                  ? [
                      {
                        key: 'approved',
                        label: t('task.approved'),
                        children: t('task.byAt', {
                          who: task.approvedBy?.displayName ?? '',
                          at: formatDateTime(task.approvedAt),
                        }),
                      },
                    ]
                  : []),
                ...(task.description
                  ? [
                      {
                        key: 'description',
                        label: t('task.description'),
                        children: <div style={{ whiteSpace: 'pre-wrap' }}>{task.description}</div>,
                      },
                    ]
                  : []),
              ]}
            />
            <Divider titlePlacement="start">
              {t(task.category === 'approval' ? 'task.documents' : 'task.evidence')}
            </Divider>
            <AttachmentList
              owner={{ ownerType: 'project_task', ownerId: task.id }}
              canUpload={can(task, 'attach')}
              listKey="task-evidence"
              paramPrefix="ev."
              onChange={() => void qc.invalidateQueries({ queryKey: lifecycleKeys.all })}
              emptyText={t(task.category === 'approval' ? 'task.noDocuments' : 'task.noEvidence')}
            />
            <Divider titlePlacement="start">{t('comments.title')}</Divider>
            <TaskComments task={task} />
            <FormModal
              open={action.open}
              title={action.record ? t(`actions.${action.record}`) : ''}
              onClose={action.close}
            >
              {action.record && (
                <TaskActionForm key={action.key} task={task} action={action.record} onDone={action.close} />
              )}
            </FormModal>
            <FormModal open={edit.open} title={t('task.edit')} onClose={edit.close} width={560}>
              <TaskEditForm key={edit.key} task={task} onDone={edit.close} />
            </FormModal>
          </>
        );
      }}
    </QueryState>
  );
}

/** A task opened from a list or the timeline, in a drawer. */
export function useTaskDrawer() {
  const { t } = useTranslation('lifecycle');
  const drawer = useOverlay<ProjectTask>();
  return {
    show: (task: ProjectTask) => drawer.show(task),
    element: (
      <FormDrawer open={drawer.open} title={t('task.title')} onClose={drawer.close} width={640}>
        {drawer.record && <TaskDetail key={drawer.key} task={drawer.record} onClosed={drawer.close} />}
      </FormDrawer>
    ),
  };
}
