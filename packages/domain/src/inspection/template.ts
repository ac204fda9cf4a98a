import type { LocalisedText } from '../lifecycle/types.js';
import { INSPECTION_CI_TYPE_KEYS } from './ci-types.js';

/**
 * Inspection templates (巡检模板): check items grouped by CI type. Everything here is plain JSON so
 * the server stores a template version as it is and an administrator edits it as data.
 */

/** How bad an abnormal reading of an item is, mildest first. */
export const INSPECTION_SEVERITIES = ['info', 'minor', 'major', 'critical'] as const;
export type InspectionSeverity = (typeof INSPECTION_SEVERITIES)[number];

/** Severities whose abnormal readings raise an incident on submit unless a template says otherwise. */
export const DEFAULT_AUTO_INCIDENT_SEVERITIES: readonly InspectionSeverity[] = Object.freeze([
  'major',
  'critical',
]);

/**
 * A measured number. `unit` is a symbol shown after the value (`'%'`, `'°C'`, `'%RH'`, `'V'`, `'ms'`,
 * `'s'`, `'min'`, `'d'`, `''` for a plain count). The normal range is inclusive: with `max: 80` a
 * reading of 80 is normal and 80.1 is not. Without `min` and `max` every number is normal (a
 * counter read for the record). `null` means the same as leaving the bound out.
 */
export interface NumberReading {
  type: 'number';
  unit: string;
  min?: number | null;
  max?: number | null;
}

/** Yes or no. `title` is phrased as a statement (风扇运转正常); `normal` is the answer that is fine. */
export interface BooleanReading {
  type: 'boolean';
  normal: boolean;
}

export interface ChoiceOption {
  /** Stable value stored in results: `^[a-z][a-z0-9_]*$`. */
  value: string;
  label: LocalisedText;
}

/** One option out of a list; the options in `normal` are fine, any other is abnormal. */
export interface ChoiceReading {
  type: 'choice';
  options: readonly ChoiceOption[];
  normal: readonly string[];
}

/**
 * Free text (an observation, a version string). Never abnormal by its value: only the engineer's
 * flag makes a text reading abnormal. `required: false` (default) lets it stay empty.
 */
export interface TextReading {
  type: 'text';
  required?: boolean;
}

export type ReadingSpec = NumberReading | BooleanReading | ChoiceReading | TextReading;
export const READING_TYPES = ['number', 'boolean', 'choice', 'text'] as const;
export type ReadingType = (typeof READING_TYPES)[number];

/**
 * When a reading must carry at least one photo: `never` (not required — photos are still
 * accepted), `always`, or `when_abnormal`.
 */
export const PHOTO_RULES = ['never', 'always', 'when_abnormal'] as const;
export type PhotoRule = (typeof PHOTO_RULES)[number];

/** One check item. `(ciTypeKey, key)` is unique in a template and stays the same across versions. */
export interface InspectionItem {
  /** `^[a-z][a-z0-9_]*$`, at most 64 characters. The item's identity across versions. */
  key: string;
  /** The CI type the item applies to (see `INSPECTION_CI_TYPE_KEYS`). */
  ciTypeKey: string;
  /** What to check. */
  title: LocalisedText;
  /** How to check it (command, menu path, what to look at). */
  method: LocalisedText;
  reading: ReadingSpec;
  photo: PhotoRule;
  /** How bad an abnormal reading is; with `autoIncidentSeverities` it decides automatic incidents. */
  severity: InspectionSeverity;
}

/**
 * One version of a template. Versions are immutable: `reviseTemplate` returns a new, frozen
 * version and leaves the old one as it was.
 *
 * Results stay valid: every stored result references `(templateId, templateVersion, ciTypeKey,
 * itemKey)` and is judged once, when it is entered, against that exact version (see
 * `findTemplateItem`). A later version — a tighter range, a new severity, a removed item — never
 * re-judges, re-words or orphans past results, and reports print them with the item as it was. A
 * task pins the versions current when it is generated, so the form on an engineer's phone does not
 * change under a half-finished inspection.
 */
export interface InspectionTemplate {
  /** Server-assigned id; built-in templates use `builtin.<name>`. */
  id: string;
  /** 1 for the first version, then +1 per revision. */
  version: number;
  name: LocalisedText;
  /** In display order. */
  items: readonly InspectionItem[];
  /** Abnormal readings of items with these severities raise an incident automatically. */
  autoIncidentSeverities: readonly InspectionSeverity[];
}

export type TemplateProblemCode =
  | 'required'
  | 'invalid'
  | 'invalid_key'
  | 'duplicate_key'
  | 'unknown_ci_type'
  | 'unknown_reading_type'
  | 'min_above_max'
  | 'too_few_options'
  | 'duplicate_option'
  | 'normal_not_an_option'
  | 'no_normal_option'
  | 'unknown_photo_rule'
  | 'unknown_severity'
  | 'no_items';

/** One problem of a template; `path` is dotted, e.g. `items.3.reading.min` or `name.zh-CN`. */
export interface TemplateProblem {
  path: string;
  code: TemplateProblemCode;
}

const KEY_RE = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Every problem of a template; empty when it is usable. Admin-entered JSON is checked with this, so
 * it copes with values the types forbid. `ciTypeKeys` lists the CI types the tenant knows.
 */
export function validateTemplate(
  template: InspectionTemplate,
  ciTypeKeys: readonly string[] = INSPECTION_CI_TYPE_KEYS,
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const add = (path: string, code: TemplateProblemCode) => problems.push({ path, code });
  if (!isText(template.id)) add('id', 'required');
  if (!Number.isSafeInteger(template.version) || template.version < 1) add('version', 'invalid');
  checkText(template.name, 'name', add);
  const severities: unknown = template.autoIncidentSeverities;
  if (!Array.isArray(severities)) add('autoIncidentSeverities', 'invalid');
  else
    severities.forEach((s, i) => {
      if (!isInspectionSeverity(s)) add(`autoIncidentSeverities.${i}`, 'unknown_severity');
    });
  const items: unknown = template.items;
  if (!Array.isArray(items)) return [...problems, { path: 'items', code: 'invalid' }];
  if (items.length === 0) add('items', 'no_items');
  const seen = new Set<string>();
  (items as InspectionItem[]).forEach((item, i) => {
    const at = `items.${i}`;
    if (typeof item !== 'object' || item === null) return add(at, 'invalid');
    if (typeof item.key !== 'string' || !KEY_RE.test(item.key)) add(`${at}.key`, 'invalid_key');
    if (!ciTypeKeys.includes(item.ciTypeKey)) add(`${at}.ciTypeKey`, 'unknown_ci_type');
    const identity = `${String(item.ciTypeKey)}/${String(item.key)}`;
    if (seen.has(identity)) add(`${at}.key`, 'duplicate_key');
    seen.add(identity);
    checkText(item.title, `${at}.title`, add);
    checkText(item.method, `${at}.method`, add);
    if (!(PHOTO_RULES as readonly unknown[]).includes(item.photo)) add(`${at}.photo`, 'unknown_photo_rule');
    if (!isInspectionSeverity(item.severity)) add(`${at}.severity`, 'unknown_severity');
    checkReading(item.reading, `${at}.reading`, add);
  });
  return problems;
}

function checkReading(
  reading: ReadingSpec,
  at: string,
  add: (path: string, code: TemplateProblemCode) => void,
) {
  if (typeof reading !== 'object' || reading === null) return add(at, 'unknown_reading_type');
  switch (reading.type) {
    case 'number': {
      if (typeof reading.unit !== 'string') add(`${at}.unit`, 'invalid');
      const { min, max } = reading;
      const bad = (v: unknown) =>
        v !== undefined && v !== null && !(typeof v === 'number' && Number.isFinite(v));
      if (bad(min)) add(`${at}.min`, 'invalid');
      if (bad(max)) add(`${at}.max`, 'invalid');
      if (typeof min === 'number' && typeof max === 'number' && min > max) add(`${at}.min`, 'min_above_max');
      return;
    }
    case 'boolean':
      if (typeof reading.normal !== 'boolean') add(`${at}.normal`, 'invalid');
      return;
    case 'choice': {
      const options: unknown = reading.options;
      if (!Array.isArray(options)) return add(`${at}.options`, 'invalid');
      if (options.length < 2) add(`${at}.options`, 'too_few_options');
      const values = new Set<string>();
      (options as ChoiceOption[]).forEach((o, i) => {
        if (typeof o?.value !== 'string' || !KEY_RE.test(o.value))
          add(`${at}.options.${i}.value`, 'invalid_key');
        else if (values.has(o.value)) add(`${at}.options.${i}.value`, 'duplicate_option');
        else values.add(o.value);
        checkText(o?.label, `${at}.options.${i}.label`, add);
      });
      const normal: unknown = reading.normal;
      if (!Array.isArray(normal)) return add(`${at}.normal`, 'invalid');
      if (normal.length === 0) add(`${at}.normal`, 'no_normal_option');
      normal.forEach((v, i) => {
        if (!values.has(v as string)) add(`${at}.normal.${i}`, 'normal_not_an_option');
      });
      return;
    }
    case 'text':
      if (reading.required !== undefined && typeof reading.required !== 'boolean')
        add(`${at}.required`, 'invalid');
      return;
    default:
      add(`${at}.type`, 'unknown_reading_type');
  }
}

function checkText(
  text: LocalisedText | undefined,
  at: string,
  add: (path: string, code: TemplateProblemCode) => void,
) {
  if (typeof text !== 'object' || text === null) return add(at, 'required');
  if (!isText(text['zh-CN'])) add(`${at}.zh-CN`, 'required');
  if (!isText(text.en)) add(`${at}.en`, 'required');
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

export function isInspectionSeverity(v: unknown): v is InspectionSeverity {
  return (INSPECTION_SEVERITIES as readonly unknown[]).includes(v);
}

/** Rank of a severity: info 0 … critical 3. */
export function inspectionSeverityRank(s: InspectionSeverity): number {
  return INSPECTION_SEVERITIES.indexOf(s);
}

/** The identity of an item in a template version, as results store it. */
export interface TemplateItemRef {
  templateId: string;
  templateVersion: number;
  ciTypeKey: string;
  itemKey: string;
}

/**
 * The item a stored result was judged against: looked up in the exact template version the result
 * references, never in a later one. Undefined when that version is not among `templates` or has no
 * such item — the server must load every version its results reference.
 */
export function findTemplateItem(
  templates: readonly InspectionTemplate[],
  ref: TemplateItemRef,
): InspectionItem | undefined {
  const t = templates.find((x) => x.id === ref.templateId && x.version === ref.templateVersion);
  return t?.items.find((i) => i.ciTypeKey === ref.ciTypeKey && i.key === ref.itemKey);
}

/** What a CI of one type is checked against within a task: one template version and its items for that type. */
export interface Checklist {
  template: InspectionTemplate;
  items: readonly InspectionItem[];
}

/**
 * The checklist for a CI type among a task's (or plan's) templates; null when none covers it.
 * Throws when two templates cover the type: a plan may not hold such a pair (`validatePlan`).
 */
export function checklistFor(templates: readonly InspectionTemplate[], ciTypeKey: string): Checklist | null {
  let found: Checklist | null = null;
  for (const template of templates) {
    const items = template.items.filter((i) => i.ciTypeKey === ciTypeKey);
    if (items.length === 0) continue;
    if (found)
      throw new RangeError(`CI type ${ciTypeKey} is covered by ${found.template.id} and ${template.id}`);
    found = { template, items };
  }
  return found;
}

/** The CI types a set of templates has items for, in first-seen order. */
export function coveredCiTypes(templates: readonly InspectionTemplate[]): string[] {
  return [...new Set(templates.flatMap((t) => t.items.map((i) => i.ciTypeKey)))];
}
