import type { Customer } from '@opsdesk/contracts';
import { useTranslation } from 'react-i18next';
import { EntitySelect } from '../../../shared/components/EntitySelect';
import type { EntitySelectProps } from '../../../shared/components/EntitySelect';
import { customerApi, customerKeys } from '../api/customer.api';

type Props = Omit<EntitySelectProps<Customer>, 'queryKey' | 'search' | 'fetchOne' | 'toOption'>;

export const customerOption = (c: Customer) => ({
  value: c.id,
  label: c.shortName ? `${c.name}（${c.shortName}）` : c.name,
});

/** Pick a customer by searching `/customers?q=`. */
export function CustomerSelect(props: Props) {
  const { t } = useTranslation('customers');
  return (
    <EntitySelect<Customer>
      queryKey={customerKeys.all}
      search={(q, signal) => customerApi.list({ q: q || undefined, limit: 20 }, signal).then((p) => p.items)}
      fetchOne={customerApi.get}
      toOption={customerOption}
      placeholder={t('picker.placeholder')}
      {...props}
    />
  );
}
