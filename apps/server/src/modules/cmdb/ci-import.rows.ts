import { CI_STATUSES, checkAttributes, normaliseDate } from '@opsdesk/domain';
import type { AttributeDef, ReferenceCheck } from '@opsdesk/domain';
import { CI_STATUS_LABELS, ruleMessage } from '@opsdesk/contracts';
import type { CiFieldColumn, Lang } from '@opsdesk/contracts';
import type { Cell, Column } from './ci-import.columns.js';
import { columnKey, headerOf, parseStatus } from './ci-import.columns.js';

/**
 * One data row of an import file read into CI values (pure: no database). Only the columns the
 * file has are set; a blank cell clears the value (the file is the truth for its columns), except
 * the status, which a blank leaves as it is.
 */
export interface ImportError {
  row: number;
  column: string | null;
  field: string | null;
  message: string;
}

export interface ParsedRow {
  row: number;
  fields: Partial<Record<CiFieldColumn, unknown>>;
  /** Present attribute columns: the normalised value, or null to clear. */
  attributes: Record<string, unknown>;
  references: ReferenceCheck[];
  /** Owner and site as written, to resolve against the database. */
  ownerText: string | null;
  siteText: string | null;
  /** Owner and site resolved by the caller (undefined: the file has no such column). */
  ownerId?: string | null;
  siteId?: string | null;
  errors: ImportError[];
}

/** The columns found in the file: index in the row → column, with the header as written. */
export interface Mapped {
  index: number;
  column: Column;
  header: string;
}

export class RowErrors {
  constructor(
    readonly lang: Lang,
    private readonly mapped: readonly Mapped[],
  ) {}

  /** An error on `column` (by its header in the file, or its label when the file lacks it). */
  at(row: number, column: Column | null, rule: string, params?: Record<string, unknown>): ImportError {
    const m = column ? this.mapped.find((x) => x.column === column) : undefined;
    return {
      row,
      column: column ? (m?.header ?? headerOf(column, this.lang)) : null,
      field: column ? columnKey(column) : null,
      message: ruleMessage(rule, this.lang, params) ?? rule,
    };
  }
}

const TEXT_MAX: Partial<Record<CiFieldColumn, number>> = {
  name: 200,
  serialNo: 100,
  assetTag: 100,
  vendor: 100,
  model: 100,
  supportContract: 200,
  supplier: 200,
  description: 4000,
};

const asText = (c: Cell): string =>
  (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).trim();

/** A date cell: a real date, `2024-03-05`/`2024/3/5`/`2024年3月5日`, or an Excel day number. */
export function cellDate(c: Cell): string | null | 'bad' {
  if (c === null || (typeof c === 'string' && c.trim() === '')) return null;
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? 'bad' : c.toISOString().slice(0, 10);
  if (typeof c === 'number' && Number.isInteger(c) && c > 0 && c < 2_958_466) {
    return new Date(Date.UTC(1899, 11, 30) + c * 86_400_000).toISOString().slice(0, 10);
  }
  return normaliseDate(String(c)) ?? 'bad';
}

function cellPrice(c: Cell): number | null | 'bad' {
  if (c === null || (typeof c === 'string' && c.trim() === '')) return null;
  const n = typeof c === 'number' ? c : Number(String(c).replace(/[¥￥元,，\s]/g, ''));
  return Number.isFinite(n) && n >= 0 && n <= 999_999_999_999.99 ? Math.round(n * 100) / 100 : 'bad';
}

/** Reads one row. `defs` are the type's attributes (for required checks the caller merges first). */
export function parseRow(
  row: number,
  cells: readonly Cell[],
  mapped: readonly Mapped[],
  errs: RowErrors,
): ParsedRow {
  const out: ParsedRow = {
    row,
    fields: {},
    attributes: {},
    references: [],
    ownerText: null,
    siteText: null,
    errors: [],
  };
  const attrCells: Record<string, unknown> = {};
  const attrCols = new Map<string, Column>();
  for (const m of mapped) {
    const cell = cells[m.index] ?? null;
    const col = m.column;
    if (col.kind === 'attribute') {
      attrCols.set(col.def.key, col);
      attrCells[col.def.key] = cell instanceof Date ? cell.toISOString().slice(0, 10) : cell;
      continue;
    }
    const f = col.field;
    const text = asText(cell);
    switch (f) {
      case 'status': {
        if (!text) break;
        const s = parseStatus(text);
        if (s) out.fields.status = s;
        else
          out.errors.push(
            errs.at(row, col, 'rule.ci.not_option', {
              options: CI_STATUSES.map((k) => CI_STATUS_LABELS[k][errs.lang]).join(' / '),
            }),
          );
        break;
      }
      case 'owner':
        out.ownerText = text || null;
        out.fields.owner = text || null;
        break;
      case 'site':
        out.siteText = text || null;
        out.fields.site = text || null;
        break;
      case 'tags': {
        const tags = [
          ...new Set(
            text
              .split(/[,，;；、|]/)
              .map((x) => x.trim())
              .filter(Boolean),
          ),
        ];
        if (tags.length > 30 || tags.some((x) => x.length > 40))
          out.errors.push(errs.at(row, col, 'rule.ci.too_long', { max: 40 }));
        else out.fields.tags = tags;
        break;
      }
      case 'purchaseDate':
      case 'warrantyEnd': {
        const d = cellDate(cell);
        if (d === 'bad') out.errors.push(errs.at(row, col, 'rule.ci.not_date'));
        else out.fields[f] = d;
        break;
      }
      case 'price': {
        const p = cellPrice(cell);
        if (p === 'bad') out.errors.push(errs.at(row, col, 'rule.ci.not_number'));
        else out.fields.price = p;
        break;
      }
      default: {
        const max = TEXT_MAX[f] ?? 200;
        if (f === 'name' && !text) out.errors.push(errs.at(row, col, 'rule.ci.required'));
        else if (text.length > max) out.errors.push(errs.at(row, col, 'rule.ci.too_long', { max }));
        else out.fields[f] = text || null;
      }
    }
  }
  const defs: AttributeDef[] = [...attrCols.values()].map((c) => ({
    ...(c as Extract<Column, { kind: 'attribute' }>).def,
    required: false,
  }));
  const check = checkAttributes(defs, attrCells, 'text');
  for (const p of check.problems)
    out.errors.push(errs.at(row, attrCols.get(p.key) ?? null, `rule.ci.${p.code}`, p.params));
  for (const key of attrCols.keys()) {
    const bad = check.problems.some((p) => p.key === key);
    if (!bad) out.attributes[key] = check.values[key] ?? null;
  }
  out.references = check.references;
  return out;
}
