import { Alert, Button, Col, Flex, Progress, Row, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CiImport } from '@opsdesk/contracts';

type ImportError = CiImport['errors'][number];

/** Whether an import is still working (queued or running as a background job). */
export const importRunning = (i: Pick<CiImport, 'status'>) => i.status === 'queued' || i.status === 'running';

/**
 * The report of an import or dry run: the counts (what would be / was created, updated, left
 * unchanged), a progress bar while a background job runs, and every row and column error in
 * the user's language, as the spreadsheet numbers its rows (the header is row 1) and heads its
 * columns.
 */
export function ImportReport({
  record,
  onDownloadResult,
}: {
  record: CiImport;
  /** Downloads the result file (one line per row with its outcome). */
  onDownloadResult?: (() => void) | undefined;
}) {
  const { t } = useTranslation(['cmdb', 'common']);
  const dry = record.dryRun;
  const running = importRunning(record);
  const percent = record.totalRows ? Math.floor((record.processedRows / record.totalRows) * 100) : 0;
  const shown = record.errors.length;
  return (
    <Flex vertical gap={16} data-testid="import-report">
      {running && (
        <div>
          <Typography.Text>
            {t('import.progress', { processed: record.processedRows, total: record.totalRows })}
          </Typography.Text>
          <Progress percent={percent} status="active" aria-label={t('import.progressLabel')} />
        </div>
      )}
      {record.status === 'failed' && (
        <Alert type="error" showIcon title={t('import.failed')} description={record.failure ?? undefined} />
      )}
      {record.status === 'done' && (
        <Alert
          type={record.errorCount ? 'warning' : 'success'}
          showIcon
          title={
            dry
              ? record.errorCount
                ? t('import.dryRunWithErrors', { count: record.errorCount })
                : t('import.dryRunClean')
              : record.errorCount
                ? t('import.doneWithErrors', { count: record.errorCount })
                : t('import.doneClean')
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={12} sm={6}>
          <Statistic title={t('import.rows')} value={record.totalRows} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={dry ? t('import.willCreate') : t('import.created')} value={record.created} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={dry ? t('import.willUpdate') : t('import.updated')} value={record.updated} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={t('import.unchanged')} value={record.unchanged} />
        </Col>
      </Row>
      {record.errorCount > 0 && (
        <div>
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('import.errors', { count: record.errorCount })}
            </Typography.Title>
            {onDownloadResult && record.resultAttachmentId && (
              <Button icon={<DownloadOutlined />} onClick={onDownloadResult}>
                {t('import.resultFile')}
              </Button>
            )}
          </Flex>
          {record.errorCount > shown && (
            <Typography.Paragraph type="secondary">
              {t('import.errorsCapped', { shown, count: record.errorCount })}
            </Typography.Paragraph>
          )}
          <Table<ImportError>
            size="small"
            rowKey={(e) => `${e.row}:${e.column ?? ''}:${e.field ?? ''}:${e.message}`}
            dataSource={record.errors}
            pagination={record.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'row', title: t('import.row'), dataIndex: 'row', width: 80, align: 'right' },
              {
                key: 'column',
                title: t('import.column'),
                render: (_: unknown, e: ImportError) => e.column ?? t('import.wholeRow'),
              },
              { key: 'message', title: t('import.message'), dataIndex: 'message' },
            ]}
          />
        </div>
      )}
      {record.errorCount === 0 && onDownloadResult && record.resultAttachmentId && !running && (
        <div>
          <Button icon={<DownloadOutlined />} onClick={onDownloadResult}>
            {t('import.resultFile')}
          </Button>
        </div>
      )}
    </Flex>
  );
}
