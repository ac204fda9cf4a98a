import type { ListFilter, ListParams } from './types';

/**
 * A list's filters, search and sort live in the URL (shareable, survive reloads, back button);
 * the cursor stack lives in component state. Lists that share a page (tabs) use a prefix.
 */
export interface ListState {
  q: string | undefined;
  sort: string | undefined;
  limit: number;
  filters: Record<string, string | undefined>;
}

export interface ListStateConfig {
  prefix: string;
  filters: readonly Pick<ListFilter, 'name' | 'toQuery'>[];
  defaultSort?: string | undefined;
  defaultLimit: number;
}

export const PAGE_SIZES = [20, 50, 100, 200] as const;

function nonEmpty(v: string | null): string | undefined {
  return v === null || v === '' ? undefined : v;
}

export function readListState(sp: URLSearchParams, cfg: ListStateConfig): ListState {
  const p = cfg.prefix;
  const limit = Number(sp.get(`${p}limit`));
  const filters: Record<string, string | undefined> = {};
  for (const f of cfg.filters) filters[f.name] = nonEmpty(sp.get(p + f.name));
  return {
    q: nonEmpty(sp.get(`${p}q`)),
    sort: nonEmpty(sp.get(`${p}sort`)) ?? cfg.defaultSort,
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : cfg.defaultLimit,
    filters,
  };
}

export interface ListStatePatch {
  q?: string | undefined;
  sort?: string | undefined;
  limit?: number | undefined;
  filters?: Record<string, string | undefined>;
}

/** A copy of `sp` with the patch applied; other parameters (a tab, another list's) are kept. */
export function writeListState(
  sp: URLSearchParams,
  cfg: ListStateConfig,
  patch: ListStatePatch,
): URLSearchParams {
  const next = new URLSearchParams(sp);
  const p = cfg.prefix;
  const put = (name: string, v: string | undefined) => {
    if (v === undefined || v === '') next.delete(p + name);
    else next.set(p + name, v);
  };
  if ('q' in patch) put('q', patch.q?.trim());
  if ('sort' in patch) put('sort', patch.sort === cfg.defaultSort ? undefined : patch.sort);
  if ('limit' in patch)
    put(
      'limit',
      patch.limit === cfg.defaultLimit || patch.limit === undefined ? undefined : String(patch.limit),
    );
  for (const [name, v] of Object.entries(patch.filters ?? {})) put(name, v);
  return next;
}

/** Clears search and filters, keeping sort and page size. */
export function clearedListState(sp: URLSearchParams, cfg: ListStateConfig): URLSearchParams {
  const filters: Record<string, undefined> = {};
  for (const f of cfg.filters) filters[f.name] = undefined;
  return writeListState(sp, cfg, { q: undefined, filters });
}

export function hasActiveFilters(state: ListState): boolean {
  return state.q !== undefined || Object.values(state.filters).some((v) => v !== undefined);
}

/** The API query of one page: filters (through `toQuery`), `q`, `sort`, `limit`, `cursor`, fixed ones. */
export function toApiParams(
  state: ListState,
  cfg: ListStateConfig,
  options: {
    cursor?: string | undefined;
    fixed?: ListParams | undefined;
    paginated: boolean;
    limit?: number;
  },
): ListParams {
  const params: ListParams = {};
  for (const f of cfg.filters) {
    const v = state.filters[f.name];
    if (v === undefined) continue;
    Object.assign(params, f.toQuery ? f.toQuery(v) : { [f.name]: v });
  }
  if (state.q) params.q = state.q;
  if (state.sort) params.sort = state.sort;
  if (options.paginated) {
    params.limit = options.limit ?? state.limit;
    if (options.cursor) params.cursor = options.cursor;
  }
  return { ...params, ...options.fixed };
}
