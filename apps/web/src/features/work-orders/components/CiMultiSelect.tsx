import type { Ci } from '@opsdesk/contracts';
import { EntitySelect } from '../../../shared/components/EntitySelect';
import type { EntityOption } from '../../../shared/components/EntitySelect';
import { cmdbApi, cmdbKeys } from '../../cmdb/api/cmdb.api';
import { ciOptionLabel } from '../../cmdb/components/CiSelect';
import { useCmdbLabels } from '../../cmdb/labels';

/** Several live CIs of one project (the CMDB's picker, many at once): a work order's or a plan's. */
export function CiMultiSelect(props: {
  id?: string;
  projectId: string | null | undefined;
  value?: string[] | null;
  onChange?: (value: string[]) => void;
  knownOptions?: EntityOption[];
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
}) {
  const labels = useCmdbLabels();
  return (
    <EntitySelect<Ci>
      id={props.id}
      aria-label={props['aria-label']}
      multiple
      queryKey={[...cmdbKeys.cis, 'picker', props.projectId ?? '', 'multi']}
      search={(q, signal) =>
        cmdbApi
          .list({ q: q || undefined, projectId: props.projectId ?? undefined, limit: 20 }, signal)
          .then((p) => p.items)
      }
      fetchOne={cmdbApi.get}
      knownOptions={props.knownOptions}
      toOption={(c) => ({ value: c.id, label: ciOptionLabel(c, labels.type(c.type)) })}
      value={props.value ?? []}
      onChange={(v) => props.onChange?.(Array.isArray(v) ? v : v ? [v] : [])}
      placeholder={props.placeholder}
      disabled={props.disabled || !props.projectId}
    />
  );
}
