import { z } from 'zod';

export const Id = z.uuid();
export const IdParams = z.strictObject({ id: z.uuid() });
export const Timestamp = z.iso.datetime({ offset: true });
export const DateOnly = z.iso.date();

/** A trimmed, non-empty, bounded line of text. */
export const Name = (max = 200) => z.string().trim().min(1).max(max);
/** Optional free text; empty strings become null. */
export const OptionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
export const Phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9+\-() ]*$/, { message: 'rule.phoneFormat' })
  .nullish()
  .transform((v) => (v ? v : null));
export const Email = z
  .union([z.email(), z.literal('')])
  .nullish()
  .transform((v) => (v ? v : null));

export const LIMIT_DEFAULT = 50;
export const LIMIT_MAX = 200;

/**
 * Common list query: keyset pagination with an opaque cursor, a sort key (a leading `-` sorts
 * descending) and a free-text filter. Each list adds its own filters.
 */
export function listQuery<const S extends readonly [string, ...string[]]>(sorts: S) {
  const sortValues = [...sorts, ...sorts.map((s) => `-${s}`)] as [string, ...string[]];
  return z.strictObject({
    limit: z.coerce.number().int().min(1).max(LIMIT_MAX).default(LIMIT_DEFAULT),
    cursor: z.string().max(500).optional(),
    sort: z.enum(sortValues).optional(),
    q: z.string().trim().max(200).optional(),
  });
}

/** A page of a list: the items and the cursor of the next page (null on the last). */
export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    /** Total rows matching the filter, where counting is cheap; absent otherwise. */
    total: z.number().int().optional(),
  });
}

export const OkSchema = z.object({ ok: z.literal(true) });

/** Query boolean: `true`/`false`/`1`/`0`. */
export const QueryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
