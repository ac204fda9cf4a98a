import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedToken } from '../forms/TokenCreateForm';

/** The secret, shown once: copy it now. Closing drops it from memory. */
export function TokenSecretModal({ token, onClose }: { token: CreatedToken | null; onClose: () => void }) {
  const { t } = useTranslation('tokens');
  return (
    <Modal
      open={token !== null}
      title={t('secret.title')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('secret.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('secret.warning')} style={{ marginBottom: 16 }} />
      {token && (
        <>
          <Typography.Text strong>{token.name}</Typography.Text>
          <Typography.Paragraph
            code
            copyable={{ text: token.token, tooltips: [undefined, t('secret.copied')] }}
            style={{ wordBreak: 'break-all', marginTop: 8 }}
          >
            {token.token}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
