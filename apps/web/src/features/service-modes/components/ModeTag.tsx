import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceMode, ServiceModeVariant } from '@opsdesk/contracts';

/** `驻场业务支撑` / `On-site · Business support`. */
export function useModeText() {
  const { t } = useTranslation('serviceModes');
  return (m: { mode: ServiceMode; variant: ServiceModeVariant }) =>
    t('modeVariant', { mode: t(`mode.${m.mode}`), variant: t(`variant.${m.variant}`) });
}

export function ModeTag({ mode, variant }: { mode: ServiceMode; variant: ServiceModeVariant }) {
  const text = useModeText();
  return <Tag color={mode === 'on_site' ? 'geekblue' : 'purple'}>{text({ mode, variant })}</Tag>;
}
