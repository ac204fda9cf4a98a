import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SystemAbility } from './useAbilities';
import { useAbilities } from './useAbilities';

/** A page for users with one of `anyOf`; others see a 403 page (the server refuses them anyway). */
export function RequireAbility({ anyOf, children }: { anyOf: SystemAbility[]; children: ReactNode }) {
  const { t } = useTranslation('common');
  const abilities = useAbilities();
  if (anyOf.some((a) => abilities[a])) return children;
  return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbidden')} />;
}
