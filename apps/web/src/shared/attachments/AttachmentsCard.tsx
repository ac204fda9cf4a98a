import { Button, Card, Flex, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can } from '../abilities/useAbilities';
import { ErrorAlert } from '../components/ErrorAlert';
import { useConfirmAction } from '../components/useConfirmAction';
import { formatDateTime } from '../format';
import { AttachmentUpload } from './AttachmentUpload';
import { attachmentApi, attachmentKeys, formatSize } from './attachments.api';
import type { AttachmentOwner } from './attachments.api';

/**
 * The files of one object as a small card (a ticket's side panel): open or download, upload
 * several at once when allowed, remove when the server says so. For a full list with categories,
 * use {@link AttachmentList}.
 */
export function AttachmentsCard({
  owner,
  canUpload,
  title,
  emptyText,
}: {
  owner: AttachmentOwner;
  canUpload: boolean;
  title?: string;
  emptyText?: string;
}) {
  const { t } = useTranslation(['documents', 'common']);
  const confirm = useConfirmAction();
  const key = attachmentKeys.of(owner);
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => attachmentApi.list(owner, signal) });
  const items = query.data?.items ?? [];

  return (
    <Card
      size="small"
      title={title ?? t('title')}
      extra={
        canUpload && (
          <AttachmentUpload
            owner={owner}
            multiple
            label={t('uploadShort')}
            buttonProps={{ size: 'small', type: 'link' }}
          />
        )
      }
    >
      {query.isError && <ErrorAlert error={query.error} />}
      {items.length === 0 && !query.isPending && (
        <Typography.Text type="secondary">{emptyText ?? t('empty')}</Typography.Text>
      )}
      <Flex vertical gap={6}>
        {items.map((a) => (
          <Flex key={a.id} gap={8} align="center" justify="space-between" style={{ minWidth: 0 }}>
            <div style={{ minWidth: 0 }}>
              <a
                href={attachmentApi.href(a, true)}
                target={a.inline ? '_blank' : undefined}
                download={a.inline ? undefined : a.fileName}
                rel="noopener noreferrer"
                style={{ overflowWrap: 'anywhere' }}
              >
                <PaperClipOutlined /> {a.fileName}
              </a>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatSize(a.sizeBytes)} · {a.uploadedBy?.displayName ?? t('common:empty')} ·{' '}
                  {formatDateTime(a.createdAt)}
                </Typography.Text>
              </div>
            </div>
            {can(a, 'delete') && (
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
