import { z } from 'zod';
import dayjs from 'dayjs';
import type { AttributeDef, AttributeKind } from '@opsdesk/contracts';

/**
 * CI types are data: a type lists its attributes, and the CI form renders and checks one input
 * per attribute from that list. This module is the pure half: form value ⇄ API value per kind,
 * and the browser's check of a value, which names the same `rule.ci.<code>` messages as the
 * server (`checkAttributes` in the domain), so a problem reads the same wherever it is found.
 * The server stays the judge (it also normalises IPs and MACs, and resolves references).
 */

export type AttributeProblem = { code: string; params?: Record<string, string | number> };

const DEFAULT_TEXT_MAX = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isEmptyValue = (v: unknown) =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

function isIpv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function isIpv6(s: string): boolean {
  if (!s.includes(':') || !/^[0-9a-f:.]+$/i.test(s)) return false;
  const tail = s.slice(s.lastIndexOf(':') + 1);
  if (tail.includes('.') && !isIpv4(tail)) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string) => (h ? h.split(':') : []);
  const all = [...groups(halves[0] ?? ''), ...groups(halves[1] ?? '')];
  const count = all.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  if (!all.every((g) => g.includes('.') || /^[0-9a-f]{1,4}$/i.test(g))) return false;
  return halves.length === 2 ? count < 8 : count === 8;
}

/** IPv4 (leading zeros allowed, as the server reads them) or IPv6. */
export function isIpAddress(s: string): boolean {
  const v = s.trim();
  return isIpv4(v) || isIpv6(v);
}

/** `00:1A:2B:3C:4D:5E`, `00-1a-…`, Cisco's `001a.2b3c.4d5e` or 12 bare hex digits. */
export function isMacAddress(s: string): boolean {
  const v = s.trim();
  return (
    /^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/i.test(v) ||
    /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i.test(v) ||
    /^[0-9a-f]{12}$/i.test(v)
  );
}

function isDateOnly(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = dayjs(s);
  return d.isValid() && d.format('YYYY-MM-DD') === s;
}

/** The problem of one API value (null: none). `value` is empty-checked by the caller. */
export function checkValue(def: AttributeDef, value: unknown): AttributeProblem | null {
  switch (def.kind) {
    case 'text': {
      if (typeof value !== 'string') return { code: 'not_text' };
      const max = def.maxLength ?? DEFAULT_TEXT_MAX;
      return value.trim().length > max ? { code: 'too_long', params: { max } } : null;
    }
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return { code: def.kind === 'integer' ? 'not_integer' : 'not_number' };
      if (def.kind === 'integer' && !Number.isSafeInteger(value)) return { code: 'not_integer' };
      if (def.min != null && value < def.min) return { code: 'below_min', params: { min: def.min } };
      if (def.max != null && value > def.max) return { code: 'above_max', params: { max: def.max } };
      return null;
    }
    case 'date':
      return typeof value === 'string' && isDateOnly(value) ? null : { code: 'not_date' };
    case 'boolean':
      return typeof value === 'boolean' ? null : { code: 'not_boolean' };
    case 'enum': {
      const options = def.options ?? [];
      return typeof value === 'string' && options.some((o) => o.value === value)
        ? null
        : { code: 'not_option', params: { options: options.map((o) => o.value).join(', ') } };
    }
    case 'ip':
      return typeof value === 'string' && isIpAddress(value) ? null : { code: 'not_ip' };
    case 'mac':
      return typeof value === 'string' && isMacAddress(value) ? null : { code: 'not_mac' };
    case 'reference':
      return typeof value === 'string' && UUID.test(value) ? null : { code: 'not_reference' };
  }
}

/** The problem of an attribute's value in a write: required, then the kind's own check. */
export function attributeProblem(def: AttributeDef, value: unknown): AttributeProblem | null {
  if (isEmptyValue(value)) return def.required ? { code: 'required' } : null;
  return checkValue(def, value);
}

/** The value an input holds → the API's value (null when empty). */
export function toApiValue(kind: AttributeKind, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  switch (kind) {
    case 'date':
      return dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : typeof v === 'string' && v.trim() ? v.trim() : null;
    case 'text':
    case 'ip':
    case 'mac':
    case 'enum':
    case 'reference':
      return typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : v;
    default:
      return v === '' ? null : v;
  }
}

/** The API's value → what the input holds (dayjs for dates). */
export function toFormValue(kind: AttributeKind, v: unknown): unknown {
  if (v === undefined || v === null) return undefined;
  if (kind === 'date' && typeof v === 'string') return dayjs(v);
  return v;
}

/** A CI's attribute values → the form's `attributes` object. */
export function attributesToForm(defs: readonly AttributeDef[], values: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const d of defs) out[d.key] = toFormValue(d.kind, values[d.key]);
  return out;
}

/**
 * The form's `attributes` → the API's. A new CI sends the values that are set; a patch sends
 * every attribute of the type, `null` removing a value that was cleared.
 */
export function attributesToApi(
  defs: readonly AttributeDef[],
  form: Record<string, unknown> | undefined,
  mode: 'create' | 'patch',
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const d of defs) {
    const v = toApiValue(d.kind, form?.[d.key]);
    if (v !== null) out[d.key] = v;
    else if (mode === 'patch') out[d.key] = null;
  }
  return out;
}

/**
 * The schema of a CI's `attributes` for one type: each attribute checked on its own, with the
 * `rule.ci.<code>` message and its parameters (`describeIssue` turns them into the user's
 * language), at the path `attributes.<key>` where the form has its input.
 */
export function attributesSchema(defs: readonly AttributeDef[]) {
  return z.record(z.string(), z.unknown()).superRefine((values, ctx) => {
    for (const d of defs) {
      const p = attributeProblem(d, values[d.key]);
      if (p)
        ctx.addIssue({ code: 'custom', path: [d.key], message: `rule.ci.${p.code}`, params: p.params ?? {} });
    }
  });
}
