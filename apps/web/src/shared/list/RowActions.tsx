import type { ReactNode } from 'react';
import { Button, Space } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useConfirmAction } from '../components/useConfirmAction';

/** What deleting the row needs: the confirmation names the row, then the list it came from refreshes. */
export interface RowRemove {
  name: string;
  /** A line under the question (default none). */
  content?: string;
  action: () => Promise<unknown>;
  invalidate: readonly unknown[];
}

/**
 * The actions cell of a list row: any row-specific buttons first, then Edit (when `onEdit` is given)
 * and Delete with a confirmation (when `remove` is given) — each only when the caller may.
 */
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
              title: t('confirm.deleteTitle', { name: remove.name }),
              content: remove.content,
              okText: t('actions.delete'),
              action: remove.action,
              invalidate: remove.invalidate,
              success: t('form.deleted'),
            })
          }
        >
          {t('actions.delete')}
        </Button>
      )}
    </Space>
  );
}
