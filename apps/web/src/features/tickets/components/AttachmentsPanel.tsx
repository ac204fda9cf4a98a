import { useState } from 'react';
import { App, Button, Card, Flex, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/session/me';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { describeError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { attachmentApi, attachmentKeys } from '../api/attachments.api';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A ticket's files: download (images and PDF open in the browser), upload, remove. */
export function AttachmentsPanel({ ticketId, canAttach }: { ticketId: string; canAttach: boolean }) {
  const { t } = useTranslation(['tickets', 'common']);
  const me = useMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const confirm = useConfirmAction();
  const [uploading, setUploading] = useState(0);
  const key = attachmentKeys.of('ticket', ticketId);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => attachmentApi.list('ticket', ticketId, signal),
  });

  const upload = async (file: File) => {
    setUploading((n) => n + 1);
    try {
      await attachmentApi.upload({ ownerType: 'ticket', ownerId: ticketId }, file, me.csrfToken);
      message.success(t('attachments.uploaded', { name: file.name }));
      void qc.invalidateQueries({ queryKey: key });
    } catch (e) {
      message.error(t('attachments.failed', { name: file.name, message: describeError(e) }));
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const items = query.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('attachments.title')}
      extra={
        canAttach && (
          <Upload
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button size="small" type="link" icon={<UploadOutlined />} loading={uploading > 0}>
              {t('attachments.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {query.isError && <ErrorAlert error={query.error} />}
      {items.length === 0 && !query.isPending && (
        <Typography.Text type="secondary">{t('attachments.none')}</Typography.Text>
      )}
      <Flex vertical gap={6}>
        {items.map((a) => (
          <Flex key={a.id} gap={8} align="center" justify="space-between" style={{ minWidth: 0 }}>
            <div style={{ minWidth: 0 }}>
              <a
                href={a.inline ? `${a.downloadUrl}?inline=1` : a.downloadUrl}
                target={a.inline ? '_blank' : undefined}
                rel="noopener noreferrer"
                style={{ overflowWrap: 'anywhere' }}
              >
                <PaperClipOutlined /> {a.fileName}
              </a>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatBytes(a.sizeBytes)} · {a.uploadedBy?.displayName ?? t('common:empty')} ·{' '}
                  {formatDateTime(a.createdAt)}
                </Typography.Text>
              </div>
            </div>
            {a.abilities.delete && (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common:actions.remove')}
                onClick={() =>
                  confirm({
                    title: t('common:confirm.removeTitle', { name: a.fileName }),
                    action: () => attachmentApi.remove(a.id),
                    invalidate: key,
                    success: t('common:form.removed'),
                  })
                }
              />
            )}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
