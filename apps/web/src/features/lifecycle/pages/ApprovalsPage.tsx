import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Space } from 'antd';
import { CheckOutlined, FileOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProjectTaskViewQuery } from '@opsdesk/contracts';
import type { ProjectTask } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { FormModal, useOverlay } from '../../../shared/form/overlays';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { attachmentApi, attachmentKeys } from '../../../shared/attachments/attachments.api';
import { lifecycleApi, lifecycleKeys } from '../api/lifecycle.api';
import { useTaskColumns } from '../components/taskColumns';
import { useTaskDrawer } from '../components/TaskDrawer';
import { TaskActionForm } from '../forms/TaskForms';

const fetchAwaiting = contractList(ProjectTaskViewQuery, lifecycleApi.view);

/** The documents to approve, as links (open in the browser where it can show them). */
function Documents({ task }: { task: ProjectTask }) {
  const owner = { ownerType: 'project_task', ownerId: task.id } as const;
  const files = useQuery({
    queryKey: attachmentKeys.of(owner),
    queryFn: ({ signal }) => attachmentApi.list(owner, signal),
  });
  return (
    <Flex vertical gap={2}>
      {(files.data?.items ?? []).map((a) => (
        <a
          key={a.id}
          href={attachmentApi.href(a, true)}
          target={a.inline ? '_blank' : undefined}
          rel="noopener"
          download={a.inline ? undefined : a.fileName}
        >
          <FileOutlined /> {a.fileName}
        </a>
      ))}
    </Flex>
  );
}

/**
 * The customer portal's "awaiting my approval" (待我审批): the plans a customer approver is asked to
 * approve, with their documents; approve, or reject with a comment that goes back to the team.
 */
export default function ApprovalsPage() {
  const { t } = useTranslation(['lifecycle', 'common']);
  const drawer = useTaskDrawer();
  const step = useOverlay<{ task: ProjectTask; action: 'approve' | 'reject' }>();
  const base = useTaskColumns(drawer.show).filter((c) => ['title', 'project', 'dueDate'].includes(c.key));
  const columns: ListColumn<ProjectTask>[] = [
    ...base,
    {
      key: 'documents',
      title: t('approvals.documents'),
      noExport: true,
      render: (x) => <Documents task={x} />,
    },
    {
      key: 'actions',
      title: t('common:actionsColumn'),
      noExport: true,
      render: (x) => (
        <Space wrap>
          {can(x, 'approve') && (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              onClick={() => step.show({ task: x, action: 'approve' })}
            >
              {t('actions.approve')}
            </Button>
          )}
          {can(x, 'reject') && (
            <Button
              danger
              icon={<RollbackOutlined />}
              onClick={() => step.show({ task: x, action: 'reject' })}
            >
              {t('actions.reject')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <ListPage<ProjectTask>
        listKey="portal-approvals"
        title={t('approvals.title')}
        description={t('approvals.description')}
        queryKey={lifecycleKeys.view('awaiting_approval')}
        fetchPage={fetchAwaiting}
        fixedParams={{ view: 'awaiting_approval' }}
        columns={columns}
        rowKey={(x) => x.id}
        emptyText={t('approvals.empty')}
        exportable={false}
      />
      <FormModal
        open={step.open}
        title={step.record ? t(`actions.${step.record.action}`) : ''}
        onClose={step.close}
      >
        {step.record && (
          <TaskActionForm
            key={step.key}
            task={step.record.task}
            action={step.record.action}
            onDone={step.close}
          />
        )}
      </FormModal>
      {drawer.element}
    </>
  );
}
