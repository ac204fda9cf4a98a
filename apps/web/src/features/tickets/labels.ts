import { useTranslation } from 'react-i18next';
import { splitMinutes } from './sla';

type Group =
  | 'kind'
  | 'channel'
  | 'state'
  | 'stateCategory'
  | 'pendingReason'
  | 'resolutionCode'
  | 'action'
  | 'metric'
  | 'pauseReason'
  | 'priority'
  | 'impact'
  | 'urgency'
  | 'field';

/**
 * Labels of the values tickets carry (kinds, channels, states, reasons, codes). Lifecycles are data,
 * so a value the texts do not know yet shows as it is rather than failing.
 */
export function useTicketLabels() {
  const { t } = useTranslation(['tickets', 'common']);
  const enums = t('tickets:enums', { returnObjects: true }) as unknown as Record<
    Group,
    Record<string, string>
  >;
  const pick = (group: Group) => (key: string | number | null | undefined) =>
    key === null || key === undefined || key === ''
      ? t('common:empty')
      : (enums[group]?.[String(key)] ?? String(key));
  const duration = (minutes: number) => {
    const { d, h, m } = splitMinutes(minutes);
    if (d) return t('tickets:duration.dh', { d, h });
    if (h) return m ? t('tickets:duration.hm', { h, m }) : t('tickets:duration.h', { h });
    return t('tickets:duration.m', { m });
  };
  return {
    kind: pick('kind'),
    channel: pick('channel'),
    state: pick('state'),
    stateCategory: pick('stateCategory'),
    pendingReason: pick('pendingReason'),
    resolutionCode: pick('resolutionCode'),
    action: pick('action'),
    metric: pick('metric'),
    pauseReason: pick('pauseReason'),
    priority: pick('priority'),
    impact: pick('impact'),
    urgency: pick('urgency'),
    field: pick('field'),
    /** Business or wall-clock minutes as `3小时20分` / `3h 20m`. */
    duration,
  };
}
export type TicketLabels = ReturnType<typeof useTicketLabels>;
