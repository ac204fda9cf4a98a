import type { LocalisedText } from '../lifecycle/types.js';
import { INSPECTION_CI_TYPE_KEYS } from './ci-types.js';
import type { InspectionItem, InspectionSeverity, InspectionTemplate, TemplateProblem } from './template.js';
import { DEFAULT_AUTO_INCIDENT_SEVERITIES, validateTemplate } from './template.js';

/** What an administrator sends to create a template or revise one; left-out fields stay as they were. */
export interface TemplateChanges {
  name?: LocalisedText;
  items?: readonly InspectionItem[];
  autoIncidentSeverities?: readonly InspectionSeverity[];
}

/** An item as `(ciTypeKey, key)`: the identity that carries across versions. */
export interface ItemIdentity {
  ciTypeKey: string;
  key: string;
}

/** Items added, removed and changed (any field: wording, reading, photo, severity) between two versions. */
export interface TemplateDiff {
  added: ItemIdentity[];
  removed: ItemIdentity[];
  changed: ItemIdentity[];
  /** The order of the items common to both versions differs. */
  reordered: boolean;
  nameChanged: boolean;
  autoIncidentChanged: boolean;
}

export type TemplateRevision =
  | { ok: true; template: InspectionTemplate; changed: boolean; diff: TemplateDiff }
  | { ok: false; problems: TemplateProblem[] };

/**
 * Version 1 of a new template: validated, copied and deep-frozen. `autoIncidentSeverities` defaults
 * to `DEFAULT_AUTO_INCIDENT_SEVERITIES` (major and critical).
 */
export function createTemplate(
  id: string,
  input: Required<Pick<TemplateChanges, 'name' | 'items'>> & TemplateChanges,
  ciTypeKeys: readonly string[] = INSPECTION_CI_TYPE_KEYS,
): { ok: true; template: InspectionTemplate } | { ok: false; problems: TemplateProblem[] } {
  const template: InspectionTemplate = {
    id,
    version: 1,
    name: input.name,
    items: input.items,
    autoIncidentSeverities: input.autoIncidentSeverities ?? DEFAULT_AUTO_INCIDENT_SEVERITIES,
  };
  const problems = validateTemplate(template, ciTypeKeys);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template: frozenCopy(template) };
}

/**
 * The next version of `current` with `changes` applied: version + 1, validated, copied and
 * deep-frozen, so neither the caller's objects nor later edits can alter it. `current` is never
 * touched. When the changes change nothing (same content, whatever the key order) the result is
 * `current` itself with `changed: false` — saving an unchanged form does not mint a version.
 *
 * Past results keep pointing at the version they were judged with; see `InspectionTemplate`.
 */
export function reviseTemplate(
  current: InspectionTemplate,
  changes: TemplateChanges,
  ciTypeKeys: readonly string[] = INSPECTION_CI_TYPE_KEYS,
): TemplateRevision {
  const next: InspectionTemplate = {
    id: current.id,
    version: current.version + 1,
    name: changes.name ?? current.name,
    items: changes.items ?? current.items,
    autoIncidentSeverities: changes.autoIncidentSeverities ?? current.autoIncidentSeverities,
  };
  const problems = validateTemplate(next, ciTypeKeys);
  if (problems.length > 0) return { ok: false, problems };
  const diff = diffTemplates(current, next);
  const changed =
    diff.added.length + diff.removed.length + diff.changed.length > 0 ||
    diff.reordered ||
    diff.nameChanged ||
    diff.autoIncidentChanged;
  return changed
    ? { ok: true, template: frozenCopy(next), changed, diff }
    : { ok: true, template: current, changed, diff };
}

/** How `to` differs from `from`, item by item (matched on `(ciTypeKey, key)`). */
export function diffTemplates(from: InspectionTemplate, to: InspectionTemplate): TemplateDiff {
  const id = (i: InspectionItem) => `${i.ciTypeKey}/${i.key}`;
  const before = new Map(from.items.map((i) => [id(i), i]));
  const after = new Map(to.items.map((i) => [id(i), i]));
  const ident = (i: InspectionItem): ItemIdentity => ({ ciTypeKey: i.ciTypeKey, key: i.key });
  const common = (items: readonly InspectionItem[], other: Map<string, InspectionItem>) =>
    items.filter((i) => other.has(id(i))).map(id);
  return {
    added: to.items.filter((i) => !before.has(id(i))).map(ident),
    removed: from.items.filter((i) => !after.has(id(i))).map(ident),
    changed: to.items
      .filter((i) => before.has(id(i)) && canonical(before.get(id(i))) !== canonical(i))
      .map(ident),
    reordered: common(from.items, after).join('|') !== common(to.items, before).join('|'),
    nameChanged: canonical(from.name) !== canonical(to.name),
    autoIncidentChanged:
      canonical([...from.autoIncidentSeverities].sort()) !== canonical([...to.autoIncidentSeverities].sort()),
  };
}

/** JSON with sorted keys and without `undefined`/`null` optional bounds, so equal content compares equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v === null) return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  });
}

/** A deep copy of plain data, frozen all the way down. */
export function frozenCopy<T>(value: T): T {
  if (Array.isArray(value)) return Object.freeze(value.map((v: unknown) => frozenCopy(v))) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = frozenCopy(v);
    return Object.freeze(out) as T;
  }
  return value;
}
