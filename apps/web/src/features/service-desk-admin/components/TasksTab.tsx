import { App, Button, Form, Input, Tag } from 'antd';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TicketTaskCompleteSchema } from '@opsdesk/contracts';
import type { Project } from '@opsdesk/contracts';
import { can } from '../../../shared/abilities/useAbilities';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { FormModal, useOverlay } from '../../../shared/form/overlays';
import { useContractForm } from '../../../shared/form/useContractForm';
import { formatDateTime } from '../../../shared/format';
import { wholeList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { deskApi, deskKeys } from '../api/desk-admin.api';
import type { TicketTask } from '../api/desk-admin.api';

/** Emergency plans the 12-hour rule asked for (系统瘫痪 12 小时未解决 → 24 小时内提交应急方案). */
export function TasksTab({ project }: { project: Project }) {
  const { t } = useTranslation(['deskAdmin', 'common']);
  const complete = useOverlay<TicketTask>();
  const manage = can(project, 'update');
  const columns: ListColumn<TicketTask>[] = [
    {
      key: 'ticket',
      title: t('tasks.ticket'),
      alwaysVisible: true,
      value: (x) => x.ticketNumber,
      render: (x) => <Link to={`/tickets/${x.ticketId}`}>{x.ticketNumber}</Link>,
    },
    { key: 'type', title: t('tasks.type'), value: (x) => t(`tasks.types.${x.type}`) },
    { key: 'dueAt', title: t('tasks.dueAt'), value: (x) => formatDateTime(x.dueAt) },
    {
      key: 'status',
      title: t('tasks.status'),
      value: (x) => t(`tasks.statuses.${x.status}`),
      render: (x) => (
        <Tag color={x.status === 'open' ? 'orange' : 'green'}>{t(`tasks.statuses.${x.status}`)}</Tag>
      ),
    },
    { key: 'note', title: t('tasks.note'), ellipsis: true },
    { key: 'doneAt', title: t('tasks.doneAt'), value: (x) => formatDateTime(x.doneAt) },
    {
      key: 'actions',
      title: t('common:actionsColumn'),
      noExport: true,
      render: (x) =>
        manage &&
        x.status === 'open' && (
          <Button type="link" size="small" onClick={() => complete.show(x)}>
            {t('tasks.complete')}
          </Button>
        ),
    },
  ];
  return (
    <>
      <ListPage<TicketTask>
        listKey="ticket-tasks"
        description={t('tasks.intro')}
        queryKey={deskKeys.tasks(project.id)}
        fetchPage={wholeList((signal) => deskApi.tasks(project.id, signal))}
        columns={columns}
        rowKey={(x) => x.id}
        paginated={false}
        emptyText={t('tasks.empty')}
      />
      <FormModal open={complete.open} title={t('tasks.complete')} onClose={complete.close}>
        {complete.record && (
          <CompleteForm key={complete.key} project={project} task={complete.record} onDone={complete.close} />
        )}
      </FormModal>
    </>
  );
}

function CompleteForm({ project, task, onDone }: { project: Project; task: TicketTask; onDone: () => void }) {
  const { t } = useTranslation(['deskAdmin', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: TicketTaskCompleteSchema,
    submit: (data) => deskApi.completeTask(task.id, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: deskKeys.tasks(project.id) });
      message.success(t('common:form.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView form={form} onCancel={onDone}>
      <Form.Item name="note" label={t('tasks.note')} required extra={t('tasks.noteHint')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
      </Form.Item>
    </ContractFormView>
  );
}
