import { useState } from 'react';
import { App, Button, Flex, Select, Upload } from 'antd';
import type { ButtonProps } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@opsdesk/contracts';
import { describeError } from '../errors';
import { attachmentApi, attachmentKeys } from './attachments.api';
import type { AttachmentOwner } from './attachments.api';

/**
 * Uploads files to one owner: one at a time, or several (each its own request, each reported).
 * With `categories`, the kind of document is chosen first. The owner's list is refreshed after
 * each file.
 */
export function AttachmentUpload({
  owner,
  categories,
  categoryLabel = (c) => c,
  multiple = false,
  label,
  buttonProps,
  onUploaded,
}: {
  owner: AttachmentOwner;
  categories?: readonly string[] | undefined;
  categoryLabel?: (category: string) => string;
  multiple?: boolean;
  /** The button's text; "上传文件" by default. */
  label?: string;
  buttonProps?: Omit<ButtonProps, 'loading' | 'icon'>;
  onUploaded?: (attachment: Attachment) => void;
}) {
  const { t } = useTranslation('documents');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [category, setCategory] = useState<string | undefined>(categories?.[0]);
  const [busy, setBusy] = useState(0);

  const upload = async (file: File) => {
    setBusy((n) => n + 1);
    try {
      const saved = await attachmentApi.upload({ ...owner, category }, file);
      message.success(t('uploaded', { name: file.name }));
      void qc.invalidateQueries({ queryKey: attachmentKeys.of(owner) });
      onUploaded?.(saved);
    } catch (e) {
      message.error(t('failed', { name: file.name, message: describeError(e) }));
    } finally {
      setBusy((n) => n - 1);
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
        multiple={multiple}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button {...buttonProps} icon={<UploadOutlined />} loading={busy > 0}>
          {label ?? t('upload')}
        </Button>
      </Upload>
    </Flex>
  );
}
