import type { FieldError } from '@opsdesk/contracts';

export type FieldName = (string | number)[];

/** `members.0.role` → `['members', 0, 'role']` (antd's name path). */
export function pathToName(path: string): FieldName {
  if (!path) return [];
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

const nameKey = (name: FieldName) => JSON.stringify(name);

export interface FieldErrorMapping {
  /** Server path → form field name, where the form names a field differently. */
  fieldNames?: Record<string, string | FieldName>;
  /** Message by field error `code` (e.g. `unique`), overriding the server's text. */
  messages?: Record<string, string>;
}

/**
 * Puts field errors on the form's fields by `path`, choosing the text by `code` when the caller
 * has its own (never by reading the server's message). Errors on no field of this form come back
 * as `unmatched`, for the form-level alert.
 */
export function mapFieldErrors(
  fields: readonly FieldError[],
  registered: readonly FieldName[],
  mapping: FieldErrorMapping = {},
): { fieldData: { name: FieldName; errors: string[] }[]; unmatched: FieldError[] } {
  const known = new Set(registered.map(nameKey));
  const byField = new Map<string, { name: FieldName; errors: string[] }>();
  const unmatched: FieldError[] = [];
  for (const f of fields) {
    const alias = mapping.fieldNames?.[f.path];
    const name =
      alias === undefined ? pathToName(f.path) : typeof alias === 'string' ? pathToName(alias) : alias;
    const text = mapping.messages?.[f.code] ?? f.message;
    const key = nameKey(name);
    if (!name.length || !known.has(key)) {
      unmatched.push({ ...f, message: text });
      continue;
    }
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byField.set(key, entry);
  }
  return { fieldData: [...byField.values()], unmatched };
}
