import { ATTRIBUTE_KINDS } from './attributes.js';
import type { AttributeDef } from './attributes.js';

/**
 * CI types, their categories and statuses, and the rules for editing a type's attributes.
 * Built-in (system) types are seeded by migration 0300; admins add custom types and add
 * attributes to any type without code or migrations.
 */
export const CI_STATUSES = ['planned', 'in_use', 'maintenance', 'faulty', 'retired'] as const;
export type CiStatus = (typeof CI_STATUSES)[number];

export const CI_CATEGORIES = [
  'network',
  'security',
  'host',
  'storage',
  'database',
  'middleware',
  'application',
  'business_service',
  'terminal',
  'peripheral',
  'video',
  'traffic',
  'location',
  'other',
] as const;
export type CiCategory = (typeof CI_CATEGORIES)[number];

/** The built-in type keys (migration 0300 seeds them with Chinese and English labels). */
export const SYSTEM_CI_TYPES = [
  'router',
  'switch',
  'firewall',
  'load_balancer',
  'security_device',
  'physical_server',
  'virtual_machine',
  'storage_array',
  'database_instance',
  'middleware_instance',
  'application',
  'business_service',
  'pc',
  'printer',
  'peripheral',
  'video_conference',
  'signal_controller',
  'camera',
  'site',
  'room',
  'rack',
] as const;

export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_ATTRIBUTES = 100;

export type TypeProblemCode =
  | 'bad_key'
  | 'duplicate_key'
  | 'blank_label'
  | 'unknown_kind'
  | 'unit_for_non_number'
  | 'bounds_for_non_number'
  | 'min_above_max'
  | 'no_options'
  | 'duplicate_option'
  | 'options_for_non_enum'
  | 'ref_types_for_non_reference'
  | 'unknown_ref_type'
  | 'unique_kind'
  | 'too_many'
  | 'kind_changed'
  | 'system_attribute_removed';

export interface TypeProblem {
  /** Path in the request, e.g. `attributes.2.key`. */
  path: string;
  code: TypeProblemCode;
}

/**
 * Every problem of a list of attribute definitions. `knownTypeKeys` are the CI type keys that a
 * reference may name.
 */
export function validateAttributeDefs(
  defs: readonly AttributeDef[],
  knownTypeKeys: readonly string[],
): TypeProblem[] {
  const problems: TypeProblem[] = [];
  if (defs.length > MAX_ATTRIBUTES) problems.push({ path: 'attributes', code: 'too_many' });
  const seen = new Set<string>();
  defs.forEach((d, i) => {
    const at = (f: string) => `attributes.${i}.${f}`;
    if (!KEY_PATTERN.test(d.key)) problems.push({ path: at('key'), code: 'bad_key' });
    else if (seen.has(d.key)) problems.push({ path: at('key'), code: 'duplicate_key' });
    seen.add(d.key);
    if (!d.label?.['zh-CN']?.trim() || !d.label?.en?.trim())
      problems.push({ path: at('label'), code: 'blank_label' });
    if (!(ATTRIBUTE_KINDS as readonly string[]).includes(d.kind)) {
      problems.push({ path: at('kind'), code: 'unknown_kind' });
      return;
    }
    const numeric = d.kind === 'number' || d.kind === 'integer';
    if (d.unit && !numeric) problems.push({ path: at('unit'), code: 'unit_for_non_number' });
    if ((d.min != null || d.max != null) && !numeric)
      problems.push({ path: at('min'), code: 'bounds_for_non_number' });
    if (d.min != null && d.max != null && d.min > d.max)
      problems.push({ path: at('max'), code: 'min_above_max' });
    if (d.kind === 'enum') {
      if (!d.options?.length) problems.push({ path: at('options'), code: 'no_options' });
      else if (new Set(d.options.map((o) => o.value)).size !== d.options.length)
        problems.push({ path: at('options'), code: 'duplicate_option' });
    } else if (d.options?.length) problems.push({ path: at('options'), code: 'options_for_non_enum' });
    if (d.kind === 'reference') {
      for (const t of d.refTypes ?? [])
        if (!knownTypeKeys.includes(t)) problems.push({ path: at('refTypes'), code: 'unknown_ref_type' });
    } else if (d.refTypes?.length)
      problems.push({ path: at('refTypes'), code: 'ref_types_for_non_reference' });
    // A boolean or a date that must be unique makes no sense for CIs.
    if (d.unique && (d.kind === 'boolean' || d.kind === 'date'))
      problems.push({ path: at('unique'), code: 'unique_kind' });
  });
  return problems;
}

/**
 * Problems of changing a type's attributes from `before` to `after`: a kept key may not change
 * its kind (stored values would stop meaning what they meant — add a new attribute instead), and a
 * built-in attribute may not be removed. (The `system` flag is never taken from a request.)
 */
export function attributeChangeProblems(
  before: readonly AttributeDef[],
  after: readonly AttributeDef[],
): TypeProblem[] {
  const problems: TypeProblem[] = [];
  const old = new Map(before.map((d) => [d.key, d]));
  const kept = new Set(after.map((d) => d.key));
  after.forEach((d, i) => {
    const prev = old.get(d.key);
    if (prev && prev.kind !== d.kind) problems.push({ path: `attributes.${i}.kind`, code: 'kind_changed' });
  });
  for (const d of before)
    if (d.system && !kept.has(d.key)) problems.push({ path: 'attributes', code: 'system_attribute_removed' });
  return problems;
}
