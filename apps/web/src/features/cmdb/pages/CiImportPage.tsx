import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Alert, Button, Card, Flex, Form, Space, Steps, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CiImportListQuery } from '@opsdesk/contracts';
import type { CiImport } from '@opsdesk/contracts';
import { useMe } from '../../../app/session/me';
import { useCurrentProjectId } from '../../../app/session/project';
import { DetailHeader } from '../../../shared/components/DetailHeader';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { describeError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { contractList } from '../../../shared/list/contract-list';
import { ListPage } from '../../../shared/list/ListPage';
import type { ListColumn } from '../../../shared/list/types';
import { ProjectSelect } from '../../tickets/components/pickers';
import { useCiTypes } from '../../ci-types/api/useCiTypes';
import { cmdbApi, cmdbKeys } from '../api/cmdb.api';
import { CiTypeSelect } from '../components/CiTypeSelect';
import { ImportReport, importRunning } from '../components/ImportReport';
import { useCmdbLabels } from '../labels';
import { useCmdbAbilities } from '../useCmdbAbilities';

const fetchImports = contractList(CiImportListQuery, cmdbApi.imports);

/** An import as it runs: polled every second while a background job works on it. */
function useImport(record: CiImport | null) {
  return useQuery({
    queryKey: cmdbKeys.import(record?.id ?? ''),
    queryFn: ({ signal }) => cmdbApi.getImport(record!.id, signal),
    enabled: !!record,
    initialData: record ?? undefined,
    refetchInterval: (q) => (q.state.data && importRunning(q.state.data) ? 1000 : false),
  });
}

function useDownloadResult() {
  const { message } = App.useApp();
  return (record: CiImport) => () => {
    if (!record.resultAttachmentId) return;
    cmdbApi.attachment(record.resultAttachmentId).catch((e: unknown) => message.error(describeError(e)));
  };
}

/** Earlier imports of the project, with their result files. */
function RecentImports({ projectId }: { projectId: string }) {
  const { t } = useTranslation(['cmdb', 'common']);
  const labels = useCmdbLabels();
  const { byId } = useCiTypes();
  const download = useDownloadResult();
  const columns: ListColumn<CiImport>[] = [
    { key: 'fileName', title: t('import.fileName'), alwaysVisible: true },
    { key: 'type', title: t('fields.type'), value: (r) => labels.type(byId.get(r.typeId)) },
    {
      key: 'mode',
      title: t('import.mode'),
      value: (r) => (r.dryRun ? t('import.dryRun') : t('import.commit')),
      render: (r) => (
        <Tag color={r.dryRun ? 'default' : 'blue'}>{r.dryRun ? t('import.dryRun') : t('import.commit')}</Tag>
      ),
    },
    { key: 'status', title: t('fields.status'), value: (r) => t(`import.status.${r.status}`) },
    { key: 'totalRows', title: t('import.rows'), align: 'right' },
    { key: 'created', title: t('import.created'), align: 'right' },
    { key: 'updated', title: t('import.updated'), align: 'right' },
    { key: 'errorCount', title: t('import.errorCount'), align: 'right' },
    {
      key: 'createdAt',
      title: t('common:createdAt'),
      sortKey: 'createdAt',
      value: (r) => formatDateTime(r.createdAt),
    },
    {
      key: 'result',
      title: t('import.resultFile'),
      noExport: true,
      render: (r) =>
        r.resultAttachmentId && (
          <Button type="link" size="small" icon={<DownloadOutlined />} onClick={download(r)}>
            {t('import.download')}
          </Button>
        ),
    },
  ];
  return (
    <ListPage<CiImport>
      listKey="ci-imports"
      paramPrefix="imp."
      title={t('import.recent')}
      queryKey={cmdbKeys.imports}
      fetchPage={fetchImports}
      fixedParams={{ projectId }}
      columns={columns}
      rowKey={(r) => r.id}
      defaultSort="-createdAt"
      defaultLimit={20}
      emptyText={t('import.noneYet')}
    />
  );
}

/**
 * `/cis/import`: the import wizard — choose project and type, download the template (Chinese
 * headers), upload .xlsx/.csv, read the dry-run report, commit; large files run as a background
 * job with a progress bar, and every import leaves a result file.
 */
export default function CiImportPage() {
  const { t } = useTranslation(['cmdb', 'common']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const qc = useQueryClient();
  const [sp] = useSearchParams();
  const current = useCurrentProjectId();
  const { byId } = useCiTypes();
  const labels = useCmdbLabels();
  const [projectId, setProjectId] = useState<string | undefined>(sp.get('projectId') ?? current ?? undefined);
  const [typeId, setTypeId] = useState<string | undefined>(sp.get('typeId') ?? undefined);
  const [file, setFile] = useState<File | null>(null);
  const [dry, setDry] = useState<CiImport | null>(null);
  const [real, setReal] = useState<CiImport | null>(null);
  const download = useDownloadResult();
  const can = useCmdbAbilities(projectId);
  const refused = !!projectId && can.known && !can.import;

  const dryQ = useImport(dry);
  const realQ = useImport(real);
  const dryRecord = dryQ.data ?? null;
  const realRecord = realQ.data ?? null;

  const upload = useMutation({
    mutationFn: (dryRun: boolean) =>
      cmdbApi.importFile({ projectId: projectId!, typeId: typeId!, dryRun }, file!, me.csrfToken),
    onSuccess: (record) => {
      if (record.dryRun) setDry(record);
      else setReal(record);
      void qc.invalidateQueries({ queryKey: cmdbKeys.imports });
      if (!record.dryRun) void qc.invalidateQueries({ queryKey: cmdbKeys.cis });
    },
  });

  const template = (format: 'xlsx' | 'csv') => {
    if (!typeId) return;
    cmdbApi
      .template(typeId, format)
      .then((name) => message.success(t('import.templateSaved', { name })))
      .catch((e: unknown) => message.error(describeError(e)));
  };

  const reset = () => {
    setFile(null);
    setDry(null);
    setReal(null);
    upload.reset();
  };

  const step = real ? 3 : dry ? 2 : projectId && typeId ? 1 : 0;
  const type = typeId ? byId.get(typeId) : undefined;

  const choose = (
    <Card size="small" title={t('import.step1')}>
      <Form layout="vertical" style={{ maxWidth: 560 }}>
        <Form.Item label={t('fields.project')} required>
          <ProjectSelect
            aria-label={t('fields.project')}
            placeholder={t('pickers.project')}
            value={projectId ?? null}
            disabled={!!dry || !!real}
            onChange={(v) => setProjectId(v)}
          />
        </Form.Item>
        <Form.Item label={t('fields.type')} required extra={t('import.typeHint')}>
          <CiTypeSelect
            aria-label={t('fields.type')}
            placeholder={t('pickers.type')}
            value={typeId ?? null}
            disabled={!!dry || !!real}
            onChange={(v) => setTypeId(v)}
          />
        </Form.Item>
      </Form>
      {refused && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('import.notAllowed')} />
      )}
      <Space wrap>
        <Button icon={<DownloadOutlined />} disabled={!typeId} onClick={() => template('xlsx')}>
          {t('import.templateXlsx')}
        </Button>
        <Button icon={<DownloadOutlined />} disabled={!typeId} onClick={() => template('csv')}>
          {t('import.templateCsv')}
        </Button>
      </Space>
      {type && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('import.templateHint', { type: labels.type(type) })}
        </Typography.Paragraph>
      )}
    </Card>
  );

  const pick = (
    <Card size="small" title={t('import.step2')}>
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={!projectId || !typeId || !!dry || !!real || refused}
        beforeUpload={(f) => {
          setFile(f);
          upload.reset();
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.drop')}</p>
        <p className="ant-upload-hint">{t('import.dropHint')}</p>
      </Upload.Dragger>
      {file && (
        <Flex wrap gap={8} align="center" style={{ marginTop: 12 }}>
          <Typography.Text>{t('import.chosen', { name: file.name })}</Typography.Text>
          {!dry && (
            <Button type="primary" loading={upload.isPending} onClick={() => upload.mutate(true)}>
              {t('import.check')}
            </Button>
          )}
        </Flex>
      )}
      {upload.isError && (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={upload.error} />
        </div>
      )}
    </Card>
  );

  const canCommit =
    !!dryRecord && dryRecord.status === 'done' && dryRecord.created + dryRecord.updated > 0 && !real;
  const report = dryRecord && (
    <Card size="small" title={t('import.step3')}>
      <ImportReport record={dryRecord} onDownloadResult={download(dryRecord)} />
      {!real && (
        <Flex wrap gap={8} style={{ marginTop: 16 }} align="center">
          <Button onClick={reset}>{t('import.again')}</Button>
          <Button
            type="primary"
            disabled={!canCommit}
            loading={upload.isPending}
            onClick={() => upload.mutate(false)}
          >
            {t('import.commitButton', { count: dryRecord.created + dryRecord.updated })}
          </Button>
          {dryRecord.errorCount > 0 && canCommit && (
            <Typography.Text type="secondary">{t('import.skipHint')}</Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );

  const result = realRecord && (
    <Card size="small" title={t('import.step4')}>
      <ImportReport record={realRecord} onDownloadResult={download(realRecord)} />
      {!importRunning(realRecord) && (
        <Flex wrap gap={8} style={{ marginTop: 16 }}>
          <Button
            type="primary"
            onClick={() =>
              void navigate(
                `/cis?${new URLSearchParams({ projectId: realRecord.projectId, typeId: realRecord.typeId }).toString()}`,
              )
            }
          >
            {t('import.viewCis')}
          </Button>
          <Button onClick={reset}>{t('import.another')}</Button>
        </Flex>
      )}
    </Card>
  );

  return (
    <>
      <DetailHeader backTo="/cis" title={t('import.title')} />
      <Steps
        current={step}
        status={realRecord && !importRunning(realRecord) ? 'finish' : 'process'}
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          { title: t('import.step1') },
          { title: t('import.step2') },
          { title: t('import.step3') },
          { title: t('import.step4') },
        ]}
      />
      <Flex vertical gap={16}>
        {choose}
        {pick}
        {report}
        {dryQ.isError && <ErrorAlert error={dryQ.error} />}
        {result}
        {realQ.isError && <ErrorAlert error={realQ.error} />}
        {!projectId && <Alert type="info" showIcon title={t('import.chooseProject')} />}
        {projectId && <RecentImports projectId={projectId} />}
      </Flex>
    </>
  );
}
