import { Descriptions, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@opsdesk/contracts';

const WRAP = { whiteSpace: 'pre-wrap', wordBreak: 'break-all' } as const;

/** A changed value as text: strings as they are, everything else as JSON. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** An expanded audit row: before/after of each changed field, then the entry's details. */
export function AuditEntryDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('audit');
  const changes = Object.entries(entry.changes ?? {}).map(([field, c]) => ({
    field,
    before: c.before,
    after: c.after,
  }));
  return (
    <Flex vertical gap={12} style={{ width: '100%', minWidth: 0 }}>
      <Typography.Text strong>{t('changes.title')}</Typography.Text>
      {changes.length ? (
        <Table
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={changes}
          tableLayout="fixed"
          columns={[
            { key: 'field', title: t('changes.field'), dataIndex: 'field', width: '24%' },
            {
              key: 'before',
              title: t('changes.before'),
              render: (_, c) => (
                <Typography.Text type="secondary" style={WRAP}>
                  {showValue(c.before)}
                </Typography.Text>
              ),
            },
            {
              key: 'after',
              title: t('changes.after'),
              render: (_, c) => <Typography.Text style={WRAP}>{showValue(c.after)}</Typography.Text>,
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('changes.none')}</Typography.Text>
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'objectId', label: t('fields.objectId'), children: entry.objectId ?? '—' },
          { key: 'ip', label: t('fields.ip'), children: entry.ip ?? '—' },
          { key: 'requestId', label: t('fields.requestId'), children: entry.requestId ?? '—' },
          ...Object.entries(entry.detail ?? {}).map(([k, v]) => ({
            key: `detail.${k}`,
            label: k,
            children: showValue(v),
          })),
        ]}
      />
    </Flex>
  );
}
