import { useState } from 'react';
import { App, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/errors';
import { auditApi } from '../api/audit.api';

/** `GET /audit/verify`: is the sealed hash chain intact, and where does it break first? */
export function VerifyChainButton() {
  const { t } = useTranslation('audit');
  const { modal, message } = App.useApp();
  const [running, setRunning] = useState(false);

  const run = async () => {
    setRunning(true);
    try {
      const r = await auditApi.verify();
      const lines: string[] = [];
      if (r.unsealed > 0) lines.push(t('verify.unsealed', { count: r.unsealed }));
      if (r.staleUnsealed > 0) lines.push(t('verify.stale', { count: r.staleUnsealed }));
      const content = lines.length ? (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      ) : undefined;
      if (r.ok && !r.firstBroken) {
        const open = r.staleUnsealed > 0 ? modal.warning : modal.success;
        open({ title: t('verify.ok', { checked: r.checked }), content });
      } else {
        const b = r.firstBroken;
        modal.error({
          title: b
            ? t('verify.broken', { id: b.id, sealSeq: b.sealSeq, reason: t(`verify.reasons.${b.reason}`) })
            : t('verify.broken', { id: '—', sealSeq: '—', reason: '—' }),
          content,
          width: 520,
        });
      }
    } catch (e) {
      message.error(describeError(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Button icon={<SafetyCertificateOutlined />} loading={running} onClick={() => void run()}>
      {running ? t('verify.running') : t('verify.button')}
    </Button>
  );
}
