import type { Ci } from '@opsdesk/contracts';
import { EntitySelect } from '../../../shared/components/EntitySelect';
import { cmdbApi, cmdbKeys } from '../api/cmdb.api';
import { useCmdbLabels } from '../labels';

/** `核心交换机 · 交换机 · SN123`: name, type and serial number, to tell namesakes apart. */
export function ciOptionLabel(ci: Ci, typeLabel: string): string {
  return [ci.name, typeLabel, ci.serialNo].filter(Boolean).join(' · ');
}

/** A live CI of one project, searched by name, serial number, asset tag or model. */
export function CiSelect(props: {
  id?: string;
  projectId: string | null | undefined;
  /** Only CIs of this type. */
  typeId?: string | undefined;
  /** Leave this CI out (the one being related). */
  excludeId?: string;
  value?: string | null;
  onChange?: (value: string | undefined, ci: Ci | undefined) => void;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
}) {
  const labels = useCmdbLabels();
  return (
    <EntitySelect<Ci>
      id={props.id}
      aria-label={props['aria-label']}
      queryKey={[...cmdbKeys.cis, 'picker', props.projectId ?? '', props.typeId ?? '', props.excludeId ?? '']}
      search={(q, signal) =>
        cmdbApi
          .list(
            { q: q || undefined, projectId: props.projectId ?? undefined, typeId: props.typeId, limit: 20 },
            signal,
          )
          .then((p) => p.items.filter((c) => c.id !== props.excludeId))
      }
      fetchOne={cmdbApi.get}
      toOption={(c) => ({ value: c.id, label: ciOptionLabel(c, labels.type(c.type)) })}
      value={props.value ?? null}
      onChange={(v, items) => props.onChange?.(typeof v === 'string' ? v : undefined, items[0])}
      placeholder={props.placeholder}
      disabled={props.disabled || !props.projectId}
    />
  );
}
