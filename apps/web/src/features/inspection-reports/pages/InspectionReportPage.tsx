import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Flex, Row, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { InspectionReport } from '@opsdesk/contracts';
import { attachmentApi } from '../../../shared/attachments/attachments.api';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { describeError } from '../../../shared/errors';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useProjectParam } from '../../cmdb/useProjectParam';
import { ChooseProject, ProjectPicker } from '../../inspection-plans/components/ProjectRequired';
import { SeverityTag, TaskStatusTag, useInspectionLabels } from '../../inspections/labels';
import { reportApi, reportKeys } from '../api/reports.api';

type Finding = InspectionReport['findings']['opened'][number];
type CiResult = InspectionReport['cis'][number];

const lastMonth = () => dayjs().format('YYYY-MM');

/** `/inspection-reports`: a project's month — done vs due, on time, results, abnormal items, findings, photos; Excel. */
export default function InspectionReportPage() {
  const { t } = useTranslation('inspectionReports');
  const [sp, setSp] = useSearchParams();
  const projectId = useProjectParam();
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(sp.get('month') ?? '') ? sp.get('month')! : lastMonth();
  const query = useQuery({
    queryKey: reportKeys.of(projectId ?? '', month),
    queryFn: ({ signal }) => reportApi.get(projectId!, month, signal),
    enabled: !!projectId,
  });
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <ProjectPicker label={t('chooseProject')} value={projectId} />
          <DatePicker
            picker="month"
            aria-label={t('month')}
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => {
              const next = new URLSearchParams(sp);
              next.set('month', (d ?? dayjs()).format('YYYY-MM'));
              setSp(next);
            }}
          />
          {projectId && <ExportButton projectId={projectId} month={month} />}
        </Flex>
      </Flex>
      {!projectId ? (
        <ChooseProject label={t('chooseProject')} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} />
      ) : query.data ? (
        <Report report={query.data} />
      ) : (
        <Card loading />
      )}
    </>
  );
}

function ExportButton({ projectId, month }: { projectId: string; month: string }) {
  const { t } = useTranslation('inspectionReports');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<FileExcelOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const name = await reportApi.downloadXlsx(projectId, month);
          message.success(t('exported', { name }));
        } catch (e) {
          message.error(describeError(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('export')}
    </Button>
  );
}

function Report({ report }: { report: InspectionReport }) {
  const { t } = useTranslation(['inspectionReports', 'inspections', 'findings', 'common']);
  const labels = useInspectionLabels();
  const s = report.summary;
  const stats: { key: string; title: string; value: string | number; danger?: boolean }[] = [
    { key: 'plans', title: t('summary.plans'), value: s.plans },
    { key: 'done', title: t('summary.tasksDone'), value: `${s.tasksDone} / ${s.tasksDue}` },
    {
      key: 'onTime',
      title: t('summary.onTimeRate'),
      value: s.onTimeRate === null ? '—' : `${Math.round(s.onTimeRate * 1000) / 10}%`,
    },
    { key: 'overdue', title: t('summary.tasksOverdue'), value: s.tasksOverdue, danger: s.tasksOverdue > 0 },
    { key: 'cis', title: t('summary.cisInspected'), value: s.cisInspected },
    { key: 'skipped', title: t('summary.cisSkipped'), value: s.cisSkipped },
    { key: 'readings', title: t('summary.readings'), value: s.readings },
    { key: 'abnormal', title: t('summary.abnormal'), value: s.abnormal, danger: s.abnormal > 0 },
    { key: 'opened', title: t('summary.findingsOpened'), value: s.findingsOpened },
    { key: 'closed', title: t('summary.findingsClosed'), value: s.findingsClosed },
    { key: 'carried', title: t('summary.findingsCarriedOver'), value: s.findingsCarriedOver },
    { key: 'photos', title: t('summary.photos'), value: s.photos },
  ];
  const small = { size: 'small' as const, pagination: false as const, scroll: { x: 'max-content' as const } };
  const findingColumns: TableProps<Finding>['columns'] = [
    { key: 'ci', title: t('fields.ci'), dataIndex: 'ciName' },
    { key: 'title', title: t('fields.item'), dataIndex: 'title' },
    { key: 'severity', title: t('fields.severity'), render: (_, f) => <SeverityTag severity={f.severity} /> },
    { key: 'quote', title: t('findings:fields.quote'), dataIndex: 'quote' },
    {
      key: 'status',
      title: t('fields.status'),
      render: (_, f) => `${t(`findings:status.${f.status}`)} · ${t(`findings:disposition.${f.disposition}`)}`,
    },
    { key: 'ticket', title: t('fields.ticket'), render: (_, f) => f.ticketNumber ?? '—' },
    { key: 'createdAt', title: t('fields.createdAt'), render: (_, f) => formatDateTime(f.createdAt) },
    { key: 'resolvedAt', title: t('fields.resolvedAt'), render: (_, f) => formatDateTime(f.resolvedAt) },
  ];
  const resultColumns: TableProps<CiResult['results'][number]>['columns'] = [
    { key: 'item', title: t('fields.item'), dataIndex: 'title' },
    { key: 'value', title: t('fields.value'), dataIndex: 'value' },
    { key: 'range', title: t('fields.normalRange'), render: (_, r) => r.normalRange ?? '—' },
    {
      key: 'result',
      title: t('fields.result'),
      render: (_, r) =>
        r.normal ? <Tag color="green">{t('normal')}</Tag> : <Tag color="red">{t('abnormal')}</Tag>,
    },
    { key: 'remark', title: t('fields.remark'), render: (_, r) => r.remark ?? '' },
    { key: 'photos', title: t('fields.photos'), render: (_, r) => (r.photos.length ? r.photos.length : '') },
  ];
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        {report.projectName} · {report.month} ·{' '}
        {t('generatedAt', { time: formatDateTime(report.generatedAt) })}
      </Typography.Text>
      <Row gutter={[12, 12]}>
        {stats.map((x) => (
          <Col key={x.key} xs={12} sm={8} md={6} lg={4}>
            <Card size="small">
              <Statistic
                title={x.title}
                value={x.value}
                styles={x.danger ? { content: { color: 'var(--ant-color-error, #ff4d4f)' } } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('sections.plans')}>
        <Table
          {...small}
          rowKey="id"
          dataSource={report.plans}
          columns={[
            { key: 'name', title: t('fields.plan'), dataIndex: 'name' },
            { key: 'due', title: t('fields.tasksDue'), dataIndex: 'tasksDue' },
            { key: 'done', title: t('fields.tasksDone'), dataIndex: 'tasksDone' },
            { key: 'onTime', title: t('fields.tasksOnTime'), dataIndex: 'tasksOnTime' },
          ]}
        />
      </Card>
      <Card size="small" title={t('sections.tasks')}>
        <Table
          {...small}
          rowKey="id"
          dataSource={report.tasks}
          locale={{ emptyText: t('empty') }}
          columns={[
            { key: 'title', title: t('fields.task'), dataIndex: 'title' },
            { key: 'date', title: t('fields.scheduledDate'), render: (_, r) => formatDate(r.scheduledDate) },
            { key: 'due', title: t('fields.dueAt'), render: (_, r) => formatDateTime(r.dueAt) },
            {
              key: 'status',
              title: t('fields.status'),
              render: (_, r) => <TaskStatusTag status={r.status} />,
            },
            {
              key: 'submitted',
              title: t('fields.submittedAt'),
              render: (_, r) => formatDateTime(r.submittedAt),
            },
            {
              key: 'onTime',
              title: t('fields.onTime'),
              render: (_, r) => (r.onTime ? t('common:yes') : t('common:no')),
            },
            { key: 'assignee', title: t('fields.assignee'), render: (_, r) => r.assignee ?? '—' },
          ]}
        />
      </Card>
      <Card size="small" title={t('sections.abnormal')}>
        <Table
          {...small}
          rowKey={(r) => `${r.taskId}/${r.ciName}/${r.itemKey}`}
          dataSource={report.abnormal}
          columns={[
            { key: 'ci', title: t('fields.ci'), dataIndex: 'ciName' },
            { key: 'item', title: t('fields.item'), dataIndex: 'title' },
            {
              key: 'severity',
              title: t('fields.severity'),
              render: (_, r) => <SeverityTag severity={r.severity} />,
            },
            { key: 'value', title: t('fields.value'), dataIndex: 'value' },
            { key: 'range', title: t('fields.normalRange'), render: (_, r) => r.normalRange ?? '—' },
            { key: 'remark', title: t('fields.remark'), render: (_, r) => r.remark ?? '' },
          ]}
        />
      </Card>
      <Card size="small" title={t('sections.cis')}>
        <Table
          {...small}
          rowKey={(r) => `${r.taskId}/${r.ciId}`}
          dataSource={report.cis}
          expandable={{
            expandedRowRender: (r) =>
              r.skipReason ? (
                t('skipped', { reason: r.skipReason })
              ) : (
                <Table {...small} rowKey="itemKey" dataSource={r.results} columns={resultColumns} />
              ),
          }}
          columns={[
            { key: 'name', title: t('fields.ci'), dataIndex: 'name' },
            { key: 'type', title: t('fields.type'), render: (_, r) => labels.ciType(r.typeKey) },
            { key: 'site', title: t('fields.site'), render: (_, r) => r.siteName ?? '—' },
            {
              key: 'result',
              title: t('fields.result'),
              render: (_, r) => {
                if (r.skipReason) return <Tag color="warning">{t('inspections:ciState.skipped')}</Tag>;
                const bad = r.results.filter((x) => !x.normal).length;
                return bad ? (
                  <Tag color="red">{`${t('abnormal')} ${bad}`}</Tag>
                ) : (
                  <Tag color="green">{t('normal')}</Tag>
                );
              },
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('sections.findings')}>
        <Tabs
          items={(['opened', 'closed', 'carriedOver'] as const).map((k) => ({
            key: k,
            label: `${t(`findingTabs.${k}`)} (${report.findings[k].length})`,
            children: (
              <Table {...small} rowKey="id" dataSource={report.findings[k]} columns={findingColumns} />
            ),
          }))}
        />
      </Card>
      <Card size="small" title={t('sections.photos')}>
        <Table
          {...small}
          rowKey="attachmentId"
          dataSource={report.photos}
          columns={[
            { key: 'ci', title: t('fields.ci'), dataIndex: 'ciName' },
            { key: 'item', title: t('fields.item'), dataIndex: 'itemTitle' },
            {
              key: 'file',
              title: t('fields.file'),
              render: (_, p) => (
                <a
                  href={attachmentApi.contentUrl(p.attachmentId, true)}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {p.fileName}
                </a>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
