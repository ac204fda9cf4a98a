import { App, Button, Form, Input, Select, Tag } from 'antd';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BREACH_REASONS, BreachReasonSchema, SlaBreachListQuery } from '@opsdesk/contracts';
import type { Project } from '@opsdesk/contracts';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { FormModal, useOverlay } from '../../../shared/form/overlays';
import { useContractForm } from '../../../shared/form/useContractForm';
import { formatDateTime } from '../../../shared/format';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { useTicketLabels } from '../../tickets/labels';
import { deskApi, deskKeys } from '../api/desk-admin.api';
import type { SlaBreach } from '../api/desk-admin.api';

/** Missed targets, newest first; the project manager records why (reason codes for the monthly report). */
export function BreachesTab({ project }: { project: Project }) {
  const { t } = useTranslation(['deskAdmin', 'common']);
  const labels = useTicketLabels();
  const explain = useOverlay<SlaBreach>();
  const columns: ListColumn<SlaBreach>[] = [
    {
      key: 'ticket',
      title: t('breaches.ticket'),
      alwaysVisible: true,
      value: (b) => `${b.ticketNumber} ${b.ticketTitle}`,
      render: (b) => (
        <Link to={`/tickets/${b.ticketId}`}>
          {b.ticketNumber} {b.ticketTitle}
        </Link>
      ),
    },
    { key: 'metric', title: t('breaches.metric'), value: (b) => labels.metric(b.metric) },
    { key: 'breachedAt', title: t('breaches.breachedAt'), value: (b) => formatDateTime(b.breachedAt) },
    {
      key: 'reasonCode',
      title: t('breaches.reason'),
      value: (b) => (b.reasonCode ? t(`breaches.reasons.${b.reasonCode}`) : null),
      render: (b) =>
        b.reasonCode ? (
          <Tag>{t(`breaches.reasons.${b.reasonCode}`)}</Tag>
        ) : (
          <Tag color="red">{t('breaches.unexplained')}</Tag>
        ),
    },
    { key: 'reasonText', title: t('breaches.reasonText'), ellipsis: true },
    {
      key: 'reasonAt',
      title: t('breaches.reasonAt'),
      defaultHidden: true,
      value: (b) => formatDateTime(b.reasonAt),
    },
    {
      key: 'actions',
      title: t('common:actionsColumn'),
      noExport: true,
      render: (b) =>
        b.canExplain && (
          <Button type="link" size="small" onClick={() => explain.show(b)}>
            {b.reasonCode ? t('breaches.changeReason') : t('breaches.explain')}
          </Button>
        ),
    },
  ];
  return (
    <>
      <ListPage<SlaBreach>
        listKey="sla-breaches"
        queryKey={deskKeys.breaches(project.id)}
        fetchPage={contractList(SlaBreachListQuery, (q, signal) => deskApi.breaches(project.id, q, signal))}
        columns={columns}
        rowKey={(b) => b.id}
        filters={[
          {
            name: 'unexplained',
            label: t('breaches.filter'),
            options: [
              { value: 'true', label: t('breaches.unexplained') },
              { value: 'false', label: t('breaches.explained') },
            ],
            width: 150,
          },
        ]}
        emptyText={t('breaches.empty')}
      />
      <FormModal open={explain.open} title={t('breaches.explain')} onClose={explain.close}>
        {explain.record && (
          <ExplainForm key={explain.key} project={project} breach={explain.record} onDone={explain.close} />
        )}
      </FormModal>
    </>
  );
}

function ExplainForm({
  project,
  breach,
  onDone,
}: {
  project: Project;
  breach: SlaBreach;
  onDone: () => void;
}) {
  const { t } = useTranslation(['deskAdmin', 'common']);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useContractForm({
    schema: BreachReasonSchema,
    submit: (data) => deskApi.explainBreach(breach.id, data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: deskKeys.breaches(project.id) });
      message.success(t('common:form.saved'));
      onDone();
    },
  });
  return (
    <ContractFormView
      form={form}
      onCancel={onDone}
      initialValues={{
        reasonCode: breach.reasonCode ?? undefined,
        reasonText: breach.reasonText ?? undefined,
      }}
    >
      <Form.Item name="reasonCode" label={t('breaches.reason')} required>
        <Select options={BREACH_REASONS.map((r) => ({ value: r, label: t(`breaches.reasons.${r}`) }))} />
      </Form.Item>
      <Form.Item name="reasonText" label={t('breaches.reasonText')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
    </ContractFormView>
  );
}
