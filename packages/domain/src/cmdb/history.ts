/**
 * CI history: every change of a field, an attribute or a relation is one append-only row
 * (who, when, path, before, after). The state of a CI on a past date is the current state with
 * every later change undone, newest first.
 */

/** The CI fields whose changes are recorded (attributes are recorded per key as `attributes.<key>`). */
export const TRACKED_CI_FIELDS = [
  'name',
  'typeId',
  'status',
  'ownerId',
  'siteId',
  'tags',
  'vendor',
  'model',
  'serialNo',
  'assetTag',
  'purchaseDate',
  'price',
  'warrantyEnd',
  'supportContract',
  'supplier',
  'description',
  'deletedAt',
] as const;

export interface FieldChange {
  /** `name`, `status`, `attributes.management_ip`, … */
  field: string;
  before: unknown;
  after: unknown;
}

export type CiState = Record<string, unknown> & { attributes: Record<string, unknown> };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The recorded changes between two states of a CI: tracked fields, then attributes by key. */
export function ciChanges(before: CiState, after: CiState): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of TRACKED_CI_FIELDS) {
    if (!same(before[f], after[f]))
      out.push({ field: f, before: before[f] ?? null, after: after[f] ?? null });
  }
  const keys = [
    ...new Set([...Object.keys(before.attributes ?? {}), ...Object.keys(after.attributes ?? {})]),
  ].sort();
  for (const k of keys) {
    const b = before.attributes?.[k];
    const a = after.attributes?.[k];
    if (!same(b, a)) out.push({ field: `attributes.${k}`, before: b ?? null, after: a ?? null });
  }
  return out;
}

export interface HistoryEntry {
  action: string;
  field: string | null;
  before: unknown;
  after: unknown;
}

/**
 * The CI as it was before `later` happened. `later` are the history entries after the moment
 * asked for, in any order of the caller's choosing as long as it is newest first. Returns null when
 * one of them is the creation (the CI did not exist yet). Relation entries do not change fields.
 */
export function stateBefore(current: CiState, later: readonly HistoryEntry[]): CiState | null {
  const state: CiState = { ...current, attributes: { ...current.attributes } };
  for (const e of later) {
    if (e.action === 'create') return null;
    if (!e.field || e.action.startsWith('relation')) continue;
    if (e.field.startsWith('attributes.')) {
      const k = e.field.slice('attributes.'.length);
      if (e.before === null || e.before === undefined) delete state.attributes[k];
      else state.attributes[k] = e.before;
    } else {
      state[e.field] = e.before ?? null;
    }
  }
  return state;
}
