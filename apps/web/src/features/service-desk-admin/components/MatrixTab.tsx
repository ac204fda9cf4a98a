import { App, Card, Form, Select, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DeskSettingsPutSchema } from '@opsdesk/contracts';
import type { Project } from '@opsdesk/contracts';
import { QueryState } from '../../../shared/components/QueryState';
import { ContractFormView } from '../../../shared/form/ContractFormView';
import { useContractForm } from '../../../shared/form/useContractForm';
import type { FormValues } from '../../../shared/form/useContractForm';
import { calendarApi, calendarKeys } from '../../calendars/api/calendars.api';
import { useTicketLabels } from '../../tickets/labels';
import { deskApi, deskKeys } from '../api/desk-admin.api';
import type { DeskSettings } from '../api/desk-admin.api';

const LEVELS = [1, 2, 3, 4] as const;
const NO_FLOOR = 0;

/** Impact × urgency → priority (monotone, checked by the server), the business-stopped floor, service hours. */
export function MatrixTab({ project }: { project: Project }) {
  const query = useQuery({
    queryKey: deskKeys.settings(project.id),
    queryFn: ({ signal }) => deskApi.settings(project.id, signal),
  });
  return <QueryState query={query}>{(s) => <MatrixForm project={project} settings={s} />}</QueryState>;
}

function MatrixForm({ project, settings }: { project: Project; settings: DeskSettings }) {
  const { t } = useTranslation(['deskAdmin', 'common']);
  const labels = useTicketLabels();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const calendars = useQuery({
    queryKey: calendarKeys.list(project.id),
    queryFn: ({ signal }) => calendarApi.list(project.id, signal),
  });
  const editable = settings.canUpdate;
  const form = useContractForm({
    schema: DeskSettingsPutSchema,
    toInput: (v: FormValues) => {
      const m = (v.priorityMatrix ?? {}) as { cells?: number[][]; businessStoppedPriority?: number };
      return {
        priorityMatrix: {
          cells: LEVELS.map((i) => LEVELS.map((u) => m.cells?.[i - 1]?.[u - 1])),
          businessStoppedPriority: m.businessStoppedPriority === NO_FLOOR ? null : m.businessStoppedPriority,
        },
        serviceCalendarId: v.serviceCalendarId ?? null,
      };
    },
    submit: (data) => deskApi.putSettings(project.id, data),
    onSuccess: (next) => {
      qc.setQueryData(deskKeys.settings(project.id), next);
      message.success(t('common:form.saved'));
    },
  });
  const priorityOptions = LEVELS.map((p) => ({ value: p, label: labels.priority(p) }));
  const rows = LEVELS.map((impact) => ({ impact }));
  const view = (
    <>
      <Card size="small" title={t('matrix.title')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('matrix.intro')}</Typography.Paragraph>
        <Table
          size="small"
          rowKey="impact"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          columns={[
            {
              key: 'impact',
              title: t('matrix.impactUrgency'),
              render: (_: unknown, r) => labels.impact(r.impact),
              width: 220,
            },
            ...LEVELS.map((u) => ({
              key: `u${u}`,
              title: labels.urgency(u),
              render: (_: unknown, r: { impact: number }) => (
                <Form.Item
                  name={['priorityMatrix', 'cells', r.impact - 1, u - 1]}
                  style={{ margin: 0 }}
                  aria-label={t('matrix.cell', { impact: r.impact, urgency: u })}
                >
                  <Select options={priorityOptions} disabled={!editable} style={{ minWidth: 110 }} />
                </Form.Item>
              ),
            })),
          ]}
        />
      </Card>
      <Form.Item
        name={['priorityMatrix', 'businessStoppedPriority']}
        label={t('matrix.businessStopped')}
        extra={t('matrix.businessStoppedHint')}
      >
        <Select
          disabled={!editable}
          options={[{ value: NO_FLOOR, label: t('matrix.noFloor') }, ...priorityOptions]}
          style={{ maxWidth: 240 }}
        />
      </Form.Item>
      <Form.Item
        name="serviceCalendarId"
        label={t('matrix.serviceCalendar')}
        extra={t('matrix.serviceCalendarHint')}
      >
        <Select
          allowClear
          disabled={!editable}
          loading={calendars.isPending}
          options={(calendars.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          placeholder={t('matrix.noServiceCalendar')}
          style={{ maxWidth: 360 }}
        />
      </Form.Item>
    </>
  );
  const initialValues = {
    priorityMatrix: {
      cells: settings.priorityMatrix.cells,
      businessStoppedPriority: settings.priorityMatrix.businessStoppedPriority ?? NO_FLOOR,
    },
    serviceCalendarId: settings.serviceCalendarId ?? undefined,
  };
  return editable ? (
    <ContractFormView form={form} initialValues={initialValues} messages={{}}>
      {view}
    </ContractFormView>
  ) : (
    <Form form={form.form} layout="vertical" initialValues={initialValues}>
      {view}
    </Form>
  );
}
