import type { Site } from '@opsdesk/contracts';
import type { EntityOption } from '../../../shared/components/EntitySelect';
import { useTranslation } from 'react-i18next';
import { EntitySelect } from '../../../shared/components/EntitySelect';
import { siteApi, siteKeys } from '../../sites/api/site.api';

/** A site (地点) of one customer — a CI's location is one of its project's customer's sites. */
export function SiteSelect(props: {
  id?: string;
  customerId: string | null | undefined;
  knownOptions?: EntityOption[] | undefined;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  'aria-label'?: string;
}) {
  const { t } = useTranslation('cmdb');
  return (
    <EntitySelect<Site>
      id={props.id}
      aria-label={props['aria-label']}
      queryKey={[...siteKeys.all, 'cmdb-picker', props.customerId ?? 'any']}
      search={(q, signal) =>
        siteApi
          .list({ q: q || undefined, customerId: props.customerId ?? undefined, limit: 20 }, signal)
          .then((p) => p.items)
      }
      fetchOne={siteApi.get}
      toOption={(s) => ({ value: s.id, label: s.name })}
      knownOptions={props.knownOptions}
      value={props.value ?? null}
      onChange={(v) => props.onChange?.(typeof v === 'string' ? v : undefined)}
      placeholder={t('pickers.site')}
    />
  );
}
