import { Button, Descriptions, Popover, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

const Key = ({ k }: { k: string }) => <Typography.Text keyboard>{k}</Typography.Text>;

/** The ticket page's keys; `?` opens it too. */
export function ShortcutHelp(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation('tickets');
  const content = (
    <div style={{ maxWidth: 300 }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'r', label: <Key k="R" />, children: t('shortcuts.reply') },
          { key: 'n', label: <Key k="N" />, children: t('shortcuts.note') },
          { key: 'a', label: <Key k="A" />, children: t('shortcuts.assign') },
          { key: 'send', label: <Key k="Ctrl+Enter" />, children: t('shortcuts.send') },
          { key: 'help', label: <Key k="?" />, children: t('shortcuts.help') },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('shortcuts.hint')}
      </Typography.Text>
    </div>
  );
  return (
    <Popover
      open={props.open}
      onOpenChange={props.onOpenChange}
      trigger="click"
      title={t('shortcuts.title')}
      content={content}
      placement="bottomRight"
    >
      <Tooltip title={t('shortcuts.title')}>
        <Button icon={<QuestionCircleOutlined />} aria-label={t('shortcuts.title')} />
      </Tooltip>
    </Popover>
  );
}
