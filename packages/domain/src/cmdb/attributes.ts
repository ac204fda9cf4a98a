import { isUuid } from '../ids.js';
import { normaliseIp, normaliseMac } from './net.js';

/**
 * CI types are data: each type lists its attributes, and every write of a CI is checked against
 * them here. Values arrive either as JSON (the API: numbers are numbers) or as text (an import
 * cell: `1,234.5`, `是`, `2024/3/5`); both give the same stored, normalised value.
 */
export const ATTRIBUTE_KINDS = [
  'text',
  'number',
  'integer',
  'date',
  'boolean',
  'enum',
  'ip',
  'mac',
  'reference',
] as const;
export type AttributeKind = (typeof ATTRIBUTE_KINDS)[number];

export interface CiLabel {
  'zh-CN': string;
  en: string;
}

export interface EnumOption {
  value: string;
  label: CiLabel;
}

export interface AttributeDef {
  /** Stable key, `snake_case` (the jsonb key and the API name). */
  key: string;
  label: CiLabel;
  kind: AttributeKind;
  required?: boolean;
  /** Unique among the live CIs of the same type in one project. */
  unique?: boolean;
  /** number/integer: the unit shown beside the value and in import headers, e.g. `GB`. */
  unit?: string | null;
  /** number/integer bounds, inclusive. */
  min?: number | null;
  max?: number | null;
  /** text: maximum length (default 500). */
  maxLength?: number | null;
  /** enum: the allowed values. */
  options?: EnumOption[];
  /** reference: the type keys a referenced CI may have (empty or absent: every type). */
  refTypes?: string[];
  /** Built into a system type: cannot be removed or change kind. */
  system?: boolean;
}

export type AttributeValue = string | number | boolean;

export type AttributeProblemCode =
  | 'required'
  | 'unknown_attribute'
  | 'not_text'
  | 'too_long'
  | 'not_number'
  | 'not_integer'
  | 'below_min'
  | 'above_max'
  | 'not_date'
  | 'not_boolean'
  | 'not_option'
  | 'not_ip'
  | 'not_mac'
  | 'not_reference';

export interface AttributeProblem {
  key: string;
  code: AttributeProblemCode;
  params?: Record<string, string | number>;
}

/** A reference the caller must resolve: `value` is a CI id (JSON) or a CI's name/serial (text). */
export interface ReferenceCheck {
  key: string;
  value: string;
  by: 'id' | 'text';
  refTypes: readonly string[];
}

export interface AttributeCheck {
  /** Normalised values of the attributes that are set (absent and empty ones are left out). */
  values: Record<string, AttributeValue>;
  problems: AttributeProblem[];
  /** Unique attributes with the text their uniqueness is decided on. */
  uniques: { key: string; norm: string }[];
  references: ReferenceCheck[];
}

export const DEFAULT_TEXT_MAX = 500;
const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是', '有', '对', '√']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', '否', '无', '不', '×']);

/** `YYYY-MM-DD` when `s` is a real calendar date, else null. Also reads `2024/3/5` and `2024年3月5日`. */
export function normaliseDate(s: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

type One =
  | { ok: true; value: AttributeValue }
  | { ok: false; code: AttributeProblemCode; params?: Record<string, string | number> };

function parseNumber(raw: unknown, mode: 'json' | 'text'): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (mode === 'text' && typeof raw === 'string') {
    const s = raw.trim().replace(/[,，\s]/g, '');
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
    const n = Number(s);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function checkOne(def: AttributeDef, raw: unknown, mode: 'json' | 'text'): One {
  switch (def.kind) {
    case 'text': {
      if (
        typeof raw !== 'string' &&
        !(mode === 'text' && (typeof raw === 'number' || typeof raw === 'boolean'))
      )
        return { ok: false, code: 'not_text' };
      const s = String(raw).trim();
      const max = def.maxLength ?? DEFAULT_TEXT_MAX;
      return s.length > max ? { ok: false, code: 'too_long', params: { max } } : { ok: true, value: s };
    }
    case 'number':
    case 'integer': {
      const n = parseNumber(raw, mode);
      if (n === null) return { ok: false, code: def.kind === 'integer' ? 'not_integer' : 'not_number' };
      if (def.kind === 'integer' && !Number.isSafeInteger(n)) return { ok: false, code: 'not_integer' };
      if (def.min != null && n < def.min) return { ok: false, code: 'below_min', params: { min: def.min } };
      if (def.max != null && n > def.max) return { ok: false, code: 'above_max', params: { max: def.max } };
      return { ok: true, value: n };
    }
    case 'date': {
      const d = typeof raw === 'string' ? normaliseDate(raw) : null;
      // JSON takes only YYYY-MM-DD; the other spellings are for import cells.
      if (!d || (mode === 'json' && d !== raw)) return { ok: false, code: 'not_date' };
      return { ok: true, value: d };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (mode === 'text' && (typeof raw === 'string' || typeof raw === 'number')) {
        const w = String(raw).trim().toLowerCase();
        if (TRUE_WORDS.has(w)) return { ok: true, value: true };
        if (FALSE_WORDS.has(w)) return { ok: true, value: false };
      }
      return { ok: false, code: 'not_boolean' };
    }
    case 'enum': {
      const options = def.options ?? [];
      const list = options.map((o) => o.value).join(', ');
      if (typeof raw !== 'string') return { ok: false, code: 'not_option', params: { options: list } };
      const s = raw.trim();
      const hit =
        options.find((o) => o.value === s) ??
        (mode === 'text'
          ? options.find(
              (o) =>
                o.label['zh-CN'] === s ||
                o.label.en.toLowerCase() === s.toLowerCase() ||
                o.value.toLowerCase() === s.toLowerCase(),
            )
          : undefined);
      return hit
        ? { ok: true, value: hit.value }
        : { ok: false, code: 'not_option', params: { options: list } };
    }
    case 'ip': {
      const ip = typeof raw === 'string' ? normaliseIp(raw) : null;
      return ip ? { ok: true, value: ip } : { ok: false, code: 'not_ip' };
    }
    case 'mac': {
      const mac = typeof raw === 'string' ? normaliseMac(raw) : null;
      return mac ? { ok: true, value: mac } : { ok: false, code: 'not_mac' };
    }
    case 'reference': {
      if (typeof raw !== 'string') return { ok: false, code: 'not_reference' };
      const s = raw.trim();
      if (mode === 'json' && !isUuid(s)) return { ok: false, code: 'not_reference' };
      return { ok: true, value: isUuid(s) ? s.toLowerCase() : s };
    }
  }
}

const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * Checks a CI's attribute values against its type. `mode` says where they come from: `json`
 * (the API: typed values) or `text` (import cells: strings, with the spellings people use).
 * Empty values count as absent; a required attribute that is absent is a problem; a key the type
 * does not define is a problem. References are returned for the caller to resolve (they need
 * the database): by id from JSON, by the referenced CI's name or serial from text.
 */
export function checkAttributes(
  defs: readonly AttributeDef[],
  input: Record<string, unknown>,
  mode: 'json' | 'text' = 'json',
): AttributeCheck {
  const out: AttributeCheck = { values: {}, problems: [], uniques: [], references: [] };
  const byKey = new Map(defs.map((d) => [d.key, d]));
  for (const key of Object.keys(input))
    if (!byKey.has(key)) out.problems.push({ key, code: 'unknown_attribute' });
  for (const def of defs) {
    const raw = input[def.key];
    if (isEmpty(raw)) {
      if (def.required) out.problems.push({ key: def.key, code: 'required' });
      continue;
    }
    const r = checkOne(def, raw, mode);
    if (!r.ok) {
      out.problems.push({ key: def.key, code: r.code, ...(r.params ? { params: r.params } : {}) });
      continue;
    }
    out.values[def.key] = r.value;
    if (def.kind === 'reference') {
      const v = String(r.value);
      out.references.push({
        key: def.key,
        value: v,
        by: isUuid(v) ? 'id' : 'text',
        refTypes: def.refTypes ?? [],
      });
    }
    if (def.unique) out.uniques.push({ key: def.key, norm: uniqueNorm(r.value) });
  }
  return out;
}

/** The text a unique attribute's uniqueness is decided on (case-insensitive for text). */
export function uniqueNorm(v: AttributeValue): string {
  return typeof v === 'string' ? v.toLowerCase() : String(v);
}

/**
 * The attributes after a patch: keys set to null are removed, other keys replaced, keys not in
 * the patch kept. Keys the current type no longer defines are dropped (the type changed since the
 * CI was last written; see docs/decisions/0300-cmdb-types-as-data.md).
 */
export function mergeAttributes(
  defs: readonly AttributeDef[],
  current: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const known = new Set(defs.map((d) => d.key));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(current)) if (known.has(k)) out[k] = v;
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** How a value is written in an export cell or an import template example. */
export function formatAttribute(def: AttributeDef, v: unknown, lang: keyof CiLabel): string {
  if (v === null || v === undefined) return '';
  if (def.kind === 'boolean') return v ? (lang === 'zh-CN' ? '是' : 'yes') : lang === 'zh-CN' ? '否' : 'no';
  if (def.kind === 'enum') return def.options?.find((o) => o.value === v)?.label[lang] ?? String(v);
  return String(v);
}
