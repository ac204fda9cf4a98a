import { and, asc, desc, isNull, or, sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';
import { AppError } from './app-error.js';

/**
 * Keyset pagination with opaque cursors. A cursor holds the sort key and the last row's sort
 * value and id; the next page starts strictly after that row. Every sort ends on the id, so the
 * order is total and stable, and each sort has a (column, id) index (checked with EXPLAIN).
 */
export interface SortColumn {
  column: AnyColumn;
  /** Nullable columns sort NULLS LAST in both directions. */
  nullable?: boolean;
  /** Turns the column's JS value into the cursor's JSON value. */
  toCursor?: (v: unknown) => unknown;
}

export interface KeysetInput {
  sort?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface Keyset<Row> {
  where: SQL | undefined;
  orderBy: SQL[];
  limit: number;
  /** Given the rows fetched (limit + 1), the page and the next cursor. */
  page(rows: Row[]): { items: Row[]; nextCursor: string | null };
}

function encode(parts: unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

function decode(cursor: string): unknown[] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 3) return v;
  } catch {
    /* fall through */
  }
  throw AppError.field('cursor', 'rule.invalidCursor');
}

const toJson = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

export function keyset<Row extends Record<string, unknown>>(
  input: KeysetInput,
  columns: Record<string, SortColumn>,
  idColumn: AnyColumn,
  options: {
    defaultSort: string;
    rowKey: (row: Row, sortKey: string) => unknown;
    rowId: (row: Row) => string | number;
  },
): Keyset<Row> {
  const sortParam = input.sort ?? options.defaultSort;
  const descending = sortParam.startsWith('-');
  const key = descending ? sortParam.slice(1) : sortParam;
  const spec = columns[key];
  if (!spec) throw AppError.field('sort', 'rule.invalidValue');
  const col = spec.column;
  const dir = descending ? desc : asc;
  const orderBy = spec.nullable
    ? [sql`${col} ${sql.raw(descending ? 'DESC' : 'ASC')} NULLS LAST`, dir(idColumn)]
    : [dir(col), dir(idColumn)];

  let where: SQL | undefined;
  if (input.cursor) {
    const [cKey, value, id] = decode(input.cursor);
    if (cKey !== sortParam) throw AppError.field('cursor', 'rule.invalidCursor');
    // Cursor values are JSON (a timestamp is an ISO string): compare them as raw parameters so the
    // column's own driver mapping (which expects a Date for timestamps) is never applied to them.
    const op = sql.raw(descending ? '<' : '>');
    if (value === null) {
      where = and(isNull(col), sql`${idColumn} ${op} ${id}`);
    } else if (spec.nullable) {
      where = or(
        sql`${col} ${op} ${value}`,
        and(sql`${col} = ${value}`, sql`${idColumn} ${op} ${id}`),
        isNull(col),
      );
    } else {
      where = sql`(${col}, ${idColumn}) ${op} (${value}, ${id})`;
    }
  }

  return {
    where,
    orderBy,
    limit: input.limit + 1,
    page(rows) {
      const items = rows.slice(0, input.limit);
      const last = items[items.length - 1];
      const nextCursor =
        rows.length > input.limit && last
          ? encode([
              sortParam,
              toJson((spec.toCursor ?? ((v) => v))(options.rowKey(last, key))),
              options.rowId(last),
            ])
          : null;
      return { items, nextCursor };
    },
  };
}
