import { Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { InspectionTaskCancelSchema } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { useQueryClient } from '@tanstack/react-query';
import { inspectionApi, inspectionKeys } from '../api/inspections.api';

export function SkipForm(props: { onDone: (reason: string) => void; onCancel: () => void }) {
  const { t } = useTranslation(['inspections', 'common']);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Form form={form} layout="vertical" onFinish={(v) => props.onDone(v.reason.trim())} requiredMark>
      <Form.Item
        name="reason"
        label={t('task.skipReason')}
        rules={[{ required: true, whitespace: true, message: t('problems.required') }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={1000}
          placeholder={t('task.skipPlaceholder')}
        />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={props.onCancel}>{t('common:actions.cancel')}</Button>
        <Button type="primary" htmlType="submit">
          {t('common:actions.confirm')}
        </Button>
      </Flex>
    </Form>
  );
}

export function CancelForm({ taskId, onDone }: { taskId: string; onDone: () => void }) {
  const { t } = useTranslation(['inspections', 'common']);
  const qc = useQueryClient();
  const form = useContractForm({
    schema: InspectionTaskCancelSchema,
    submit: (data) => inspectionApi.cancel(taskId, data),
    onSuccess: (task) => {
      qc.setQueryData(inspectionKeys.task(taskId), task);
      void qc.invalidateQueries({ queryKey: inspectionKeys.tasks });
      onDone();
    },
  });
  return (
    <ContractFormView form={form} onCancel={onDone} submitLabel={t('task.cancel')}>
      <Form.Item name="reason" label={t('task.cancelReason')} required>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
      </Form.Item>
    </ContractFormView>
  );
}
