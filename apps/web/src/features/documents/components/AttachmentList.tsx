import { useState } from 'react';
import { App, Button, Flex, Select, Tag, Upload } from 'antd';
import { DeleteOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@opsdesk/contracts';
import { useMe } from '../../../app/session/me';
import { can } from '../../../shared/abilities/useAbilities';
import { useConfirmAction } from '../../../shared/components/useConfirmAction';
import { describeError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { ListPage } from '../../../shared/list/ListPage';
import type { FetchPage, ListColumn, ListFilter } from '../../../shared/list/types';
import { attachmentApi, attachmentKeys } from '../api/attachment.api';
import type { DocumentOwner } from '../api/attachment.api';

/** `1.2 MB`, `35 KB`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Upload one file, with a category chosen first when the owner sorts its documents. */
function UploadControl({
  owner,
  categories,
  categoryLabel,
  onChange,
}: {
  owner: DocumentOwner;
  categories?: readonly string[];
  categoryLabel: (c: string) => string;
  onChange?: () => void;
}) {
  const { t } = useTranslation('documents');
  const { message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const [category, setCategory] = useState<string | undefined>(categories?.[0]);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      await attachmentApi.upload({ ...owner, category }, file, me.csrfToken);
      message.success(t('uploaded', { name: file.name }));
      void qc.invalidateQueries({ queryKey: attachmentKeys.all });
      onChange?.();
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex gap={8} wrap>
      {categories && (
        <Select
          aria-label={t('category')}
          value={category}
          onChange={setCategory}
          options={categories.map((c) => ({ value: c, label: categoryLabel(c) }))}
          style={{ width: 150 }}
        />
      )}
      <Upload
        showUploadList={false}
        multiple={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          {t('upload')}
        </Button>
      </Upload>
    </Flex>
  );
}

/**
 * The files of one object (a project's documents, a task's evidence, a tender's papers): download,
 * preview images and PDF, upload when allowed, remove when the server says so.
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
  owner: DocumentOwner;
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
        <a href={a.downloadUrl} download={a.fileName}>
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
              href={`${a.downloadUrl}?inline=1`}
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
                  invalidate: attachmentKeys.all,
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
          <UploadControl
            owner={owner}
            categories={categories}
            categoryLabel={categoryLabel}
            onChange={onChange}
          />
        )
      }
    />
  );
}
