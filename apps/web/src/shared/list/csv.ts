import type { CellValue, FetchPage, ListColumn, ListParams } from './types';

/** Most rows one export walks; past that the user narrows the filter. */
export const EXPORT_CAP = 10_000;
/** The API's largest page (contracts LIMIT_MAX). */
export const EXPORT_PAGE_SIZE = 200;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (`=`, `@`, `+`/`-` not followed by
 * a plain number, tab, CR) gets a leading apostrophe — audit and user data are typed by others.
 */
export function csvCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=@\t\r]/.test(s)) s = `'${s}`;
  else if (typeof value === 'string' && /^[+-]/.test(s) && !/^[+-][\d\s().-]*$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The file's text: a UTF-8 BOM (so Excel reads Chinese correctly), CRLF line ends. */
export function buildCsv(header: readonly string[], rows: readonly (readonly CellValue[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Walks the cursor pages of a filtered list, up to `cap` rows. */
export async function collectAll<T>(
  fetchPage: FetchPage<T>,
  params: ListParams,
  options: {
    cap?: number;
    pageSize?: number;
    signal?: AbortSignal;
    onProgress?: (rows: number) => void;
  } = {},
): Promise<{ rows: T[]; capped: boolean }> {
  const cap = options.cap ?? EXPORT_CAP;
  const rows: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    options.signal?.throwIfAborted();
    const limit = Math.min(options.pageSize ?? EXPORT_PAGE_SIZE, cap - rows.length);
    const page = await fetchPage({ ...params, limit, cursor }, options.signal);
    rows.push(...page.items);
    options.onProgress?.(rows.length);
    if (!page.nextCursor) return { rows, capped: false };
    if (rows.length >= cap) return { rows: rows.slice(0, cap), capped: true };
    cursor = page.nextCursor;
  }
}

export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A column's plain value in a row: what the CSV export writes, and a cell shows without `render`. */
export function columnValue<T>(col: ListColumn<T>, row: T): CellValue {
  if (col.value) return col.value(row);
  const v = (row as Record<string, unknown>)[col.key];
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? v
    : v == null
      ? null
      : String(v);
}
