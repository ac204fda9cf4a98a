import type { ReactNode } from 'react';

/** One page of a keyset-paginated list: `{ items, nextCursor, total? }` (contracts `page()`). */
export interface PageResult<T> {
  items: T[];
  nextCursor: string | null;
  total?: number | undefined;
}

/** What a list sends to the API: `limit`, `cursor`, `sort`, `q` and its filters. */
export type ListParams = Record<string, string | number | undefined>;

export type FetchPage<T> = (params: ListParams, signal?: AbortSignal) => Promise<PageResult<T>>;

export type CellValue = string | number | boolean | null | undefined;

export interface ListColumn<T> {
  /** Unique within the list; also the property read when `value` is not given. */
  key: string;
  title: string;
  /** Cell content; defaults to the value. */
  render?: (row: T) => ReactNode;
  /** The plain value, for the CSV export and the default cell; defaults to `row[key]`. */
  value?: (row: T) => CellValue;
  /** The server's sort key: makes the column sortable (`sort=key` / `sort=-key` in the URL). */
  sortKey?: string;
  width?: number | string;
  fixed?: 'left' | 'right';
  ellipsis?: boolean;
  align?: 'left' | 'right' | 'center';
  /** Hidden until the user shows it in the column settings. */
  defaultHidden?: boolean;
  /** Cannot be hidden (the name that identifies a row). */
  alwaysVisible?: boolean;
  /** Left out of the CSV export (action buttons). */
  noExport?: boolean;
}

export interface ListFilter {
  /** URL parameter and, by default, API parameter name. */
  name: string;
  label: string;
  /** Fixed choices: rendered as a Select. Without options or render: a text box. */
  options?: { value: string; label: string }[];
  /** A custom control (entity picker, date range) bound to the URL value. */
  render?: (value: string | undefined, onChange: (value: string | undefined) => void) => ReactNode;
  /** URL value → API parameters; defaults to `{ [name]: value }`. */
  toQuery?: (value: string) => Record<string, string>;
  width?: number;
}
