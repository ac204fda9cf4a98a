import { useTranslation } from 'react-i18next';
import type { Lang } from '@opsdesk/contracts';
import { formatMoneyWithHint } from '../money';

/** An amount as text: `¥35,000,000.00（3500万）`; the empty sign for none. */
export function MoneyText({ value }: { value: string | number | null | undefined }) {
  const { t, i18n } = useTranslation('common');
  return <>{formatMoneyWithHint(value, i18n.language as Lang) ?? t('empty')}</>;
}
