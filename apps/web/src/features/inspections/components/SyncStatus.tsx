import { Alert, Button, Flex, Typography } from 'antd';
import {
  CheckCircleOutlined,
  CloudUploadOutlined,
  DisconnectOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { pendingCount } from '../offline/draft-store';
import type { TaskDraft } from '../offline/draft-store';

/** The offline banner and where the queue stands: what waits on the phone, syncing, all sent. */
export function SyncStatus(props: {
  online: boolean;
  draft: TaskDraft | undefined;
  stored: boolean;
  syncing: boolean;
  onSync: () => void;
}) {
  const { t } = useTranslation('inspections');
  const pending = pendingCount(props.draft);
  return (
    <Flex vertical gap={8}>
      {!props.online && (
        <Alert
          type="warning"
          banner
          icon={<DisconnectOutlined />}
          role="status"
          data-testid="offline-banner"
          title={t('task.offline')}
        />
      )}
      <Flex
        justify="space-between"
        align="center"
        gap={8}
        data-testid="sync-state"
        data-pending={pending}
        data-stored={props.stored}
      >
        {props.syncing ? (
          <Typography.Text type="secondary">
            <SyncOutlined spin /> {t('task.syncing')}
          </Typography.Text>
        ) : pending > 0 ? (
          <Typography.Text type="warning">
            <CloudUploadOutlined /> {t('task.pending', { count: pending })}
          </Typography.Text>
        ) : (
          <Typography.Text type="success">
            <CheckCircleOutlined /> {t('task.synced')}
          </Typography.Text>
        )}
        {props.online && pending > 0 && !props.syncing && (
          <Button size="small" onClick={props.onSync}>
            {t('task.syncNow')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
