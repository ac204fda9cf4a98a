import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HANDOVER_STANDINGS } from '@opsdesk/contracts';

type Standing = (typeof HANDOVER_STANDINGS)[number];
const COLORS: Record<Standing, string> = {
  upcoming: 'default',
  in_window: 'processing',
  overdue: 'error',
  decided: 'success',
};

/** Upcoming (before T−30), in its 30-day window, overdue (past its date undecided), decided. */
export function HandoverStandingTag({ standing }: { standing: Standing | null }) {
  const { t } = useTranslation('handovers');
  if (!standing) return <Tag>{t('standing.none')}</Tag>;
  return <Tag color={COLORS[standing]}>{t(`standing.${standing}`)}</Tag>;
}
