import type { z } from 'zod';
import type { FetchPage, ListParams, PageResult } from './types';

/**
 * URL parameters → the contract's list query. Values the URL got wrong (a sort that no longer
 * exists, a mistyped id) are dropped rather than failing the page with a 400.
 */
export function parseListParams<S extends z.ZodType>(schema: S, params: ListParams): z.output<S> {
  const p: Record<string, unknown> = { ...params };
  for (let round = 0; round < 5; round++) {
    const r = schema.safeParse(p);
    if (r.success) return r.data;
    for (const issue of r.error.issues) {
      if (issue.code === 'unrecognized_keys') for (const k of issue.keys) delete p[k];
      const key = issue.path[0];
      if (typeof key === 'string') delete p[key];
    }
  }
  return schema.parse(p); // throws: a caller's fixed parameters are wrong
}

/** A ListPage `fetchPage` for an endpoint with a contract list query. */
export function contractList<S extends z.ZodType, T>(
  schema: S,
  fetch: (query: z.output<S>, signal?: AbortSignal) => Promise<PageResult<T>>,
): FetchPage<T> {
  return (params, signal) => fetch(parseListParams(schema, params), signal);
}

/** A ListPage `fetchPage` for a short list the API returns whole (`{ items }`). */
export function wholeList<T>(fetch: (signal?: AbortSignal) => Promise<{ items: T[] }>): FetchPage<T> {
  return async (_params, signal) => {
    const { items } = await fetch(signal);
    return { items, nextCursor: null, total: items.length };
  };
}
