import { Button, Checkbox, Flex, Popover, Tooltip } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isVisible } from './column-settings';
import type { ListColumn } from './types';

/** Show or hide a list's columns; the choice is remembered per list. */
export function ColumnSettings<T>(props: {
  columns: ListColumn<T>[];
  visibility: Record<string, boolean>;
  onChange: (key: string, visible: boolean) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation('common');
  const content = (
    <Flex vertical gap={6} style={{ minWidth: 160 }}>
      {props.columns.map((col) => (
        <Checkbox
          key={col.key}
          checked={isVisible(col, props.visibility)}
          disabled={col.alwaysVisible}
          onChange={(e) => props.onChange(col.key, e.target.checked)}
        >
          {col.title}
        </Checkbox>
      ))}
      <Button
        size="small"
        type="link"
        onClick={props.onReset}
        style={{ alignSelf: 'flex-start', padding: 0 }}
      >
        {t('list.resetColumns')}
      </Button>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('list.columns')} content={content}>
      <Tooltip title={t('list.columns')}>
        <Button icon={<SettingOutlined />} aria-label={t('list.columns')} />
      </Tooltip>
    </Popover>
  );
}
