import type { ReactNode } from 'react';
import { Button, Space } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useConfirmAction } from '../components/useConfirmAction';

/** What deleting the row needs: the confirmation names the row, then the list it came from refreshes. */
export interface RowRemove {
  name: string;
  /** `delete` (删除, the default) destroys the row; `remove` (移除) takes it off a list it belongs to. */
  verb?: 'delete' | 'remove';
  /** A line under the question (default none). */
  content?: string;
  action: () => Promise<unknown>;
  invalidate: readonly unknown[];
}

/**
 * The actions cell of a list row: the row-specific buttons first, then Edit (when `onEdit` is given)
 * and Delete or Remove with a confirmation (when `remove` is given) — each only when the caller may.
 */
const WORDS = {
  delete: { title: 'confirm.deleteTitle', button: 'actions.delete', done: 'form.deleted' },
  remove: { title: 'confirm.removeTitle', button: 'actions.remove', done: 'form.removed' },
} as const;

export function RowActions({
  onEdit,
  remove,
  wrap,
  children,
}: {
  onEdit?: (() => void) | false;
  remove?: RowRemove | false;
  wrap?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation('common');
  const confirm = useConfirmAction();
  const words = WORDS[(remove && remove.verb) || 'delete'];
  return (
    <Space size={0} wrap={wrap}>
      {children}
      {onEdit && (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit}>
          {t('actions.edit')}
        </Button>
      )}
      {remove && (
        <Button
          type="link"
          size="small"
          danger
          icon={<DeleteOutlined />}
          onClick={() =>
            confirm({
              title: t(words.title, { name: remove.name }),
              content: remove.content,
              okText: t(words.button),
              action: remove.action,
              invalidate: remove.invalidate,
              success: t(words.done),
            })
          }
        >
          {t(words.button)}
        </Button>
      )}
    </Space>
  );
}
