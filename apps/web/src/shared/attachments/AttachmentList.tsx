import { Button, Flex, Tag } from 'antd';
import { DeleteOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@opsdesk/contracts';
import { can } from '../abilities/useAbilities';
import { useConfirmAction } from '../components/useConfirmAction';
import { formatDateTime } from '../format';
import { ListPage } from '../list/ListPage';
import type { FetchPage, ListColumn, ListFilter } from '../list/types';
import { AttachmentUpload } from './AttachmentUpload';
import { attachmentApi, attachmentKeys, formatSize } from './attachments.api';
import type { AttachmentOwner } from './attachments.api';

/**
 * The files of one object as a list page (a project's documents, a task's evidence, a tender's
 * papers): download, preview images and PDF, upload when allowed, remove when the server says so.
 * For a side panel, use {@link AttachmentsCard}.
 */
export function AttachmentList({
  owner,
  canUpload,
  categories,
  listKey,
  paramPrefix,
  emptyText,
  onChange,
}: {
  owner: AttachmentOwner;
  canUpload: boolean;
  /** Called after a file is added or removed (the owner's attachment count changed). */
  onChange?: () => void;
  /** Kinds of document (contract, service_plan…): chosen at upload, shown and filtered. */
  categories?: readonly string[];
  listKey: string;
  paramPrefix?: string;
  emptyText?: string;
}) {
  const { t } = useTranslation(['documents', 'common']);
  const confirm = useConfirmAction();
  const categoryLabel = (c: string) =>
    (categories ?? []).includes(c) ? t(`categories.${c}` as 'categories.other') : c;

  const fetchPage: FetchPage<Attachment> = async (params, signal) => {
    const { items } = await attachmentApi.list(owner, signal);
    const wanted = typeof params.category === 'string' ? params.category : undefined;
    const rows = wanted ? items.filter((a) => a.category === wanted) : items;
    return { items: rows, nextCursor: null, total: rows.length };
  };

  const columns: ListColumn<Attachment>[] = [
    {
      key: 'fileName',
      title: t('fileName'),
      alwaysVisible: true,
      render: (a) => (
        <a href={attachmentApi.href(a)} download={a.fileName}>
          {a.fileName}
        </a>
      ),
    },
    ...(categories
      ? [
          {
            key: 'category',
            title: t('category'),
            value: (a: Attachment) => (a.category ? categoryLabel(a.category) : null),
            render: (a: Attachment) =>
              a.category ? <Tag>{categoryLabel(a.category)}</Tag> : t('common:empty'),
          },
        ]
      : []),
    { key: 'size', title: t('size'), value: (a) => formatSize(a.sizeBytes) },
    { key: 'uploadedBy', title: t('uploadedBy'), value: (a) => a.uploadedBy?.displayName ?? null },
    { key: 'createdAt', title: t('uploadedAt'), value: (a) => formatDateTime(a.createdAt) },
    {
      key: 'actions',
      title: t('common:actionsColumn'),
      noExport: true,
      render: (a) => (
        <Flex gap={4} wrap>
          {a.inline && (
            <Button
              type="link"
              size="small"
              icon={<EyeOutlined />}
              href={attachmentApi.href(a, true)}
              target="_blank"
              rel="noopener"
            >
              {t('preview')}
            </Button>
          )}
          {can(a, 'delete') && (
            <Button
              type="link"
              size="small"
              danger
              icon={<DeleteOutlined />}
              onClick={() =>
                confirm({
                  title: t('common:confirm.removeTitle', { name: a.fileName }),
                  okText: t('common:actions.remove'),
                  action: () => attachmentApi.remove(a.id),
                  invalidate: attachmentKeys.of(owner),
                  success: t('common:form.removed'),
                  onDone: onChange,
                })
              }
            >
              {t('common:actions.remove')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  const filters: ListFilter[] = categories
    ? [
        {
          name: 'category',
          label: t('category'),
          width: 160,
          options: categories.map((c) => ({ value: c, label: categoryLabel(c) })),
        },
      ]
    : [];

  return (
    <ListPage<Attachment>
      listKey={listKey}
      queryKey={attachmentKeys.of(owner)}
      fetchPage={fetchPage}
      paginated={false}
      exportable={false}
      columns={columns}
      rowKey={(a) => a.id}
      filters={filters}
      paramPrefix={paramPrefix}
      emptyText={emptyText ?? t('empty')}
      extra={
        canUpload && (
          <AttachmentUpload
            owner={owner}
            categories={categories}
            categoryLabel={categoryLabel}
            onUploaded={onChange}
          />
        )
      }
    />
  );
}
