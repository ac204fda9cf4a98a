import type { Subcontractor } from '@opsdesk/contracts';
import { useTranslation } from 'react-i18next';
import { EntitySelect } from '../../../shared/components/EntitySelect';
import type { EntitySelectProps } from '../../../shared/components/EntitySelect';
import { subcontractorApi, subcontractorKeys } from '../api/subcontractor.api';

type Props = Omit<EntitySelectProps<Subcontractor>, 'queryKey' | 'search' | 'fetchOne' | 'toOption'>;

/** Pick a subcontractor by searching `/subcontractors?q=`. */
export function SubcontractorSelect(props: Props) {
  const { t } = useTranslation('subcontractors');
  return (
    <EntitySelect<Subcontractor>
      queryKey={subcontractorKeys.all}
      search={(q, signal) =>
        subcontractorApi.list({ q: q || undefined, limit: 20 }, signal).then((p) => p.items)
      }
      fetchOne={subcontractorApi.get}
      toOption={(s) => ({ value: s.id, label: s.name })}
      placeholder={t('picker.placeholder')}
      {...props}
    />
  );
}
