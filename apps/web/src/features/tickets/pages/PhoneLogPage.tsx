import { useEffect } from 'react';
import { App, Card, Checkbox, Col, Flex, Form, Input, Radio, Row, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TicketCreateSchema, priorityFor } from '@opsdesk/contracts';
import { useCurrentProjectId } from '../../../app/session/project';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import { deskApi, deskKeys } from '../../service-desk-admin/api/desk-admin.api';
import { ticketApi, ticketKeys } from '../api/tickets.api';
import { CategorySelect, ProjectSelect, RequesterSelect } from '../components/pickers';
import { PriorityTag } from '../components/TicketTags';
import { LEVELS } from '../forms/TicketEditForm';
import { useTicketLabels } from '../labels';
import { DESK_KINDS } from './TicketQueuePage';

type Level = 1 | 2 | 3 | 4;
const isLevel = (v: unknown): v is Level => v === 1 || v === 2 || v === 3 || v === 4;

/** The priority the server will give: the project's matrix (and the business-stopped floor). */
function PriorityPreview({
  projectId,
  impact,
  urgency,
  stopped,
}: {
  projectId: string | undefined;
  impact: unknown;
  urgency: unknown;
  stopped: boolean;
}) {
  const { t } = useTranslation('tickets');
  const settings = useQuery({
    queryKey: deskKeys.settings(projectId ?? ''),
    queryFn: ({ signal }) => deskApi.settings(projectId!, signal),
    enabled: !!projectId,
    staleTime: 5 * 60_000,
  });
  if (!settings.data || !isLevel(impact) || !isLevel(urgency)) return null;
  const matrix = settings.data.priorityMatrix as Parameters<typeof priorityFor>[0];
  const p = priorityFor(matrix, impact, urgency, { businessStopped: stopped });
  return (
    <Flex align="center" gap={8} role="status" aria-live="polite">
      <Typography.Text type="secondary">{t('phone.priorityPreview')}</Typography.Text>
      <PriorityTag priority={p} long />
    </Flex>
  );
}

/**
 * `/tickets/phone`: an agent logging a call. Keyboard first: the caller lookup has the focus, Enter
 * in a line field saves (Ctrl+Enter in the description), and the new ticket opens.
 */
export default function PhoneLogPage() {
  const { t } = useTranslation(['tickets', 'common']);
  const labels = useTicketLabels();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const headerProject = useCurrentProjectId();
  const form = useContractForm({
    schema: TicketCreateSchema,
    fixed: { channel: 'phone' },
    toInput: (v) => ({
      ...v,
      requesterId: v.requesterId ?? null,
      categoryId: v.categoryId ?? null,
      description: v.description ?? '',
      businessStopped: v.businessStopped === true,
    }),
    submit: ticketApi.create,
    onSuccess: (ticket) => {
      void qc.invalidateQueries({ queryKey: ticketKeys.all });
      message.success(t('phone.saved', { number: ticket.number }));
      void navigate(`/tickets/${ticket.id}`);
    },
  });
  const f = form.form;
  const projectId = Form.useWatch('projectId', f) as string | undefined;
  const impact: unknown = Form.useWatch('impact', f);
  const urgency: unknown = Form.useWatch('urgency', f);
  const stopped = Form.useWatch('businessStopped', f) === true;

  // The caller first: focus the lookup (or the project when none is chosen in the header).
  useEffect(() => {
    const h = setTimeout(
      () => document.getElementById(headerProject ? 'requesterId' : 'projectId')?.focus(),
      0,
    );
    return () => clearTimeout(h);
  }, []);

  const levelRadios = (kind: 'impact' | 'urgency') => (
    <Radio.Group optionType="button">
      {LEVELS.map((l) => (
        <Tooltip key={l} title={labels[kind](l)}>
          <Radio.Button value={l}>{t(`phone.${kind}Short.${l}`)}</Radio.Button>
        </Tooltip>
      ))}
    </Radio.Group>
  );

  return (
    <Card title={t('phone.title')} style={{ maxWidth: 960 }}>
      <Typography.Paragraph type="secondary">{t('phone.intro')}</Typography.Paragraph>
      <ContractFormView
        form={form}
        submitLabel={t('phone.submit')}
        onCancel={() => void navigate('/tickets')}
        initialValues={{
          projectId: headerProject ?? undefined,
          kind: 'incident',
          impact: 3,
          urgency: 3,
          businessStopped: false,
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="projectId" label={t('fields.project')} required>
              <ProjectSelect
                onChange={(v) => {
                  f.setFieldsValue({ projectId: v, requesterId: undefined, categoryId: undefined });
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="requesterId" label={t('fields.requester')} extra={t('phone.requesterHint')}>
              <RequesterSelect projectId={projectId} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('fields.kind')}>
              <Radio.Group
                optionType="button"
                options={DESK_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="categoryId" label={t('fields.category')}>
              <CategorySelect projectId={projectId} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="impact" label={t('fields.impact')}>
              {levelRadios('impact')}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="urgency" label={t('fields.urgency')}>
              {levelRadios('urgency')}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="businessStopped" valuePropName="checked">
              <Checkbox>{t('phone.businessStopped')}</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item>
              <PriorityPreview projectId={projectId} impact={impact} urgency={urgency} stopped={stopped} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="title" label={t('fields.title')} required>
              <Input maxLength={300} placeholder={t('phone.titlePlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('fields.description')} extra={t('phone.descriptionHint')}>
              <Input.TextArea
                autoSize={{ minRows: 4, maxRows: 14 }}
                maxLength={50000}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    f.submit();
                  }
                }}
              />
            </Form.Item>
          </Col>
        </Row>
      </ContractFormView>
    </Card>
  );
}
