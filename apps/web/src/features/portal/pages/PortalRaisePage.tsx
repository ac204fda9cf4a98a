import { useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, Radio, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TicketCreateSchema } from '@opsdesk/contracts';
import { useCurrentProjectId } from '../../../app/session/project';
import { attachmentApi } from '../../../shared/attachments/attachments.api';
import { describeError } from '../../../shared/errors';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { projectApi, projectKeys } from '../../projects/api/project.api';
import { ticketApi, ticketKeys } from '../../tickets/api/tickets.api';
import { ProjectSelect } from '../../tickets/components/pickers';
import { LEVELS } from '../../tickets/forms/TicketEditForm';
import { useTicketLabels } from '../../tickets/labels';
import { DESK_KINDS } from '../../tickets/pages/TicketQueuePage';

/**
 * `/portal/new`: a customer contact reports a fault, asks for a service or a question, with files.
 * The files go up after the ticket exists (they belong to it); one that fails is reported, the
 * ticket stays.
 */
export default function PortalRaisePage() {
  const { t } = useTranslation(['portal', 'tickets', 'common']);
  const labels = useTicketLabels();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const headerProject = useCurrentProjectId();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [step, setStep] = useState<string | null>(null);

  // Most contacts have one project: choose it for them.
  const projects = useQuery({
    queryKey: [...projectKeys.all, 'portal-raise'],
    queryFn: ({ signal }) => projectApi.list({ limit: 2 }, signal),
    enabled: !headerProject,
  });

  const form = useContractForm({
    schema: TicketCreateSchema,
    toInput: (v) => ({ ...v, description: v.description ?? '', businessStopped: v.businessStopped === true }),
    submit: async (data) => {
      const ticket = await ticketApi.create(data);
      const failed: string[] = [];
      for (const [i, f] of files.entries()) {
        if (!f.originFileObj) continue;
        setStep(t('raise.uploading', { current: i + 1, total: files.length }));
        try {
          await attachmentApi.upload({ ownerType: 'ticket', ownerId: ticket.id }, f.originFileObj);
        } catch (e) {
          failed.push(t('raise.fileFailed', { name: f.name, message: describeError(e) }));
        }
      }
      setStep(null);
      return { ticket, failed };
    },
    onSuccess: ({ ticket, failed }) => {
      void qc.invalidateQueries({ queryKey: ticketKeys.all });
      if (failed.length)
        message.warning(t('raise.someFilesFailed', { files: failed.join(t('raise.listSeparator')) }), 8);
      else message.success(t('raise.done', { number: ticket.number }));
      void navigate(`/portal/tickets/${ticket.id}`);
    },
  });

  useEffect(() => {
    const only = projects.data?.items.length === 1 ? projects.data.items[0] : undefined;
    if (only && !form.form.getFieldValue('projectId')) form.form.setFieldValue('projectId', only.id);
  }, [projects.data, form.form]);

  return (
    <Card title={t('raise.title')} style={{ maxWidth: 760, marginInline: 'auto' }}>
      <Typography.Paragraph type="secondary">{t('raise.intro')}</Typography.Paragraph>
      <ContractFormView
        form={form}
        submitLabel={step ?? t('raise.submit')}
        onCancel={() => void navigate('/portal')}
        initialValues={{ projectId: headerProject ?? undefined, kind: 'incident', urgency: 3, impact: 3 }}
      >
        <Form.Item name="projectId" label={t('raise.project')} required>
          <ProjectSelect />
        </Form.Item>
        <Form.Item name="kind" label={t('raise.kind')}>
          <Radio.Group
            optionType="button"
            options={DESK_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('raise.titleLabel')} required>
          <Input maxLength={300} placeholder={t('raise.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('raise.description')} extra={t('raise.descriptionHint')}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={50000} />
        </Form.Item>
        <Form.Item name="urgency" label={t('raise.urgency')}>
          <Radio.Group
            optionType="button"
            options={LEVELS.map((l) => ({ value: l, label: t(`tickets:phone.urgencyShort.${l}`) }))}
          />
        </Form.Item>
        <Form.Item name="businessStopped" valuePropName="checked">
          <Checkbox>{t('raise.businessStopped')}</Checkbox>
        </Form.Item>
        <Form.Item label={t('raise.attachments')} extra={t('raise.attachmentsHint')}>
          <Upload
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />}>{t('raise.chooseFiles')}</Button>
          </Upload>
        </Form.Item>
      </ContractFormView>
    </Card>
  );
}
