import { App, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  PhaseActionBody,
  ProjectTaskCommentCreateSchema,
  ProjectTaskCreateSchema,
  ProjectTaskUpdateSchema,
  TASK_PHASES,
  TaskCancelSchema,
  TaskNoteSchema,
  TaskRejectSchema,
} from '@opsdesk/contracts';
import type { PhaseAction, ProjectTask } from '@opsdesk/contracts';
import { fromDateOnly, toDateOnly } from '../../../shared/format';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { ProjectMemberSelect } from '../../projects/components/ProjectMemberSelect';
import { lifecycleApi, lifecycleKeys } from '../api/lifecycle.api';
import type { TaskAction } from '../api/lifecycle.api';

/** A title in one language is enough to type: the other defaults to it (the contract wants both). */
const bothTitles = (v: FormValues) => {
  const title = (v.title ?? {}) as Record<string, string | undefined>;
  const zh = title['zh-CN']?.trim() || title.en;
  const en = title.en?.trim() || title['zh-CN'];
  return { ...v, title: { 'zh-CN': zh, en }, dueDate: toDateOnly(v.dueDate) ?? undefined };
};

function TaskFields({ projectId }: { projectId: string }) {
  const { t } = useTranslation('lifecycle');
  return (
    <>
      <Form.Item name={['title', 'zh-CN']} label={t('task.titleZh')} required>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name={['title', 'en']} label={t('task.titleEn')} extra={t('task.titleEnHelp')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="ownerId" label={t('task.owner')}>
        <ProjectMemberSelect
          projectId={projectId}
          kinds={['staff']}
          placeholder={t('task.ownerPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="dueDate" label={t('task.dueDate')} required>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="description" label={t('task.description')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </>
  );
}

/** A task added by hand to a project's checklist (managers). */
export function TaskCreateForm({ projectId, onDone }: { projectId: string; onDone: () => void }) {
  const { t } = useTranslation(['lifecycle', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: ProjectTaskCreateSchema,
    toInput: bothTitles,
    submit: (data) => lifecycleApi.createTask(projectId, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: lifecycleKeys.all });
      message.success(t('common:form.created'));
      onDone();
    },
  });
  return (
    <ContractFormView form={form} onCancel={onDone} initialValues={{ phase: 'start', approval: false }}>
      <Form.Item name="phase" label={t('task.phase')} required>
        <Select options={TASK_PHASES.map((p) => ({ value: p, label: t(`phase.${p}`) }))} />
      </Form.Item>
      <TaskFields projectId={projectId} />
      <Form.Item name="approval" valuePropName="checked" extra={t('task.approvalHelp')}>
        <Checkbox>{t('task.approval')}</Checkbox>
      </Form.Item>
    </ContractFormView>
  );
}

/** Edit a task's title, owner, due date or description (managers, while it is live). */
export function TaskEditForm({ task, onDone }: { task: ProjectTask; onDone: () => void }) {
  const { t } = useTranslation(['lifecycle', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: ProjectTaskUpdateSchema,
    toInput: (v) => ({ ...bothTitles(v), ownerId: v.ownerId ?? null }),
    submit: (data) => lifecycleApi.updateTask(task.id, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: lifecycleKeys.all });
      message.success(t('common:form.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{
        title: task.title,
        ownerId: task.owner?.id,
        dueDate: fromDateOnly(task.dueDate),
        description: task.description,
      }}
    >
      <TaskFields projectId={task.projectId} />
    </ContractFormView>
  );
}

const ACTION_SCHEMAS = {
  complete: TaskNoteSchema,
  submit: TaskNoteSchema,
  approve: TaskNoteSchema,
  reopen: TaskNoteSchema,
  reject: TaskRejectSchema,
  cancel: TaskCancelSchema,
} as const;

/**
 * One step of a task with its comment: complete, submit for the customer's approval, approve,
 * reject (a comment is required), reopen, cancel (a reason is required). The comment is kept in
 * the task's history.
 */
export function TaskActionForm({
  task,
  action,
  onDone,
}: {
  task: Pick<ProjectTask, 'id'>;
  action: TaskAction;
  onDone: (saved?: ProjectTask) => void;
}) {
  const { t } = useTranslation(['lifecycle', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const schema = ACTION_SCHEMAS[action];
  const required = schema !== TaskNoteSchema;
  const form = useContractForm({
    schema,
    submit: (data) => lifecycleApi.taskAction(task.id, action, data.comment ?? null),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: lifecycleKeys.all });
      message.success(t(`actionDone.${action}`));
      onDone(saved);
    },
  });
  return (
    <ContractFormView form={form} onCancel={() => onDone()} submitLabel={t(`actions.${action}`)}>
      <Form.Item name="comment" label={t(`commentLabel.${action}`)} required={required}>
        <Input.TextArea rows={3} maxLength={4000} autoFocus />
      </Form.Item>
    </ContractFormView>
  );
}

/** Add a comment to a task's history. */
export function TaskCommentForm({ taskId }: { taskId: string }) {
  const { t } = useTranslation('lifecycle');
  const qc = useQueryClient();
  const form = useContractForm({
    schema: ProjectTaskCommentCreateSchema,
    submit: (data) => lifecycleApi.addComment(taskId, data.body),
    onSuccess: () => {
      form.form.resetFields();
      void qc.invalidateQueries({ queryKey: lifecycleKeys.comments(taskId) });
    },
  });
  return (
    <ContractFormView form={form} submitLabel={t('comments.add')}>
      <Form.Item name="body" label={t('comments.new')} required>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
    </ContractFormView>
  );
}

/** Move the project to its next phase, with an optional note (kept in the audit log). */
export function PhaseActionForm({
  projectId,
  action,
  onDone,
}: {
  projectId: string;
  action: PhaseAction;
  onDone: () => void;
}) {
  const { t } = useTranslation(['lifecycle', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: PhaseActionBody,
    submit: (data) => lifecycleApi.act(projectId, action, data.note),
    onSuccess: () => {
      // The project's phase and status change too.
      void qc.invalidateQueries({ queryKey: ['projects'] });
      message.success(t(`phaseDone.${action}`));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      submitLabel={t(`phaseActions.${action}`)}
      messages={{ INVALID_TRANSITION: t('phaseRefused') }}
    >
      <p>{t(`phaseExplain.${action}`)}</p>
      <Form.Item name="note" label={t('phaseNote')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </ContractFormView>
  );
}
