import ExcelJS from 'exceljs';
import { CI_FIELD_COLUMNS, CI_STATUS_LABELS } from '@opsdesk/contracts';
import type { CiFieldColumn, Lang } from '@opsdesk/contracts';
import { CI_STATUSES } from '@opsdesk/domain';
import type { AttributeDef } from '@opsdesk/domain';
import { forEachInTurns } from '../../lib/turns.js';
import { csvRows, decodeCsv } from './csv.js';

/**
 * The columns of a CI type's import file and export: the common fields (名称, 状态, 序列号 …)
 * then the type's attributes, headed in Chinese (or English) with the unit, required ones marked
 * with `*`. Reading accepts either language, the field or attribute key, with or without the mark
 * and the unit.
 */
export type Column =
  | { kind: 'field'; field: CiFieldColumn; label: Record<Lang, string>; required: boolean }
  | { kind: 'attribute'; def: AttributeDef; label: Record<Lang, string>; required: boolean };

export function columnsOf(attributes: readonly AttributeDef[]): Column[] {
  return [
    ...CI_FIELD_COLUMNS.map((c) => ({
      kind: 'field' as const,
      field: c.field,
      label: c.label,
      required: c.required,
    })),
    ...attributes.map((def) => ({
      kind: 'attribute' as const,
      def,
      label: {
        'zh-CN': def.unit ? `${def.label['zh-CN']}（${def.unit}）` : def.label['zh-CN'],
        en: def.unit ? `${def.label.en} (${def.unit})` : def.label.en,
      },
      required: Boolean(def.required),
    })),
  ];
}

export function headerOf(c: Column, lang: Lang): string {
  return `${c.required ? '*' : ''}${c.label[lang]}`;
}

export const columnKey = (c: Column) => (c.kind === 'field' ? c.field : `attributes.${c.def.key}`);

const norm = (h: string) =>
  h
    .normalize('NFKC')
    .trim()
    .replace(/^\*+|\*+$/g, '')
    .replace(/\s*[(（][^)）]*[)）]\s*$/, '')
    .trim()
    .toLowerCase();

/** Which column a header names, or null. */
export function matchHeader(columns: readonly Column[], header: string): Column | null {
  const h = norm(header);
  if (!h) return null;
  return (
    columns.find(
      (c) =>
        norm(c.label['zh-CN']) === h ||
        norm(c.label.en) === h ||
        (c.kind === 'field' ? c.field.toLowerCase() : c.def.key) === h,
    ) ?? null
  );
}

/** A status cell: the value or its label in either language. */
export function parseStatus(v: string): (typeof CI_STATUSES)[number] | null {
  const s = v.trim().toLowerCase();
  return (
    CI_STATUSES.find(
      (k) =>
        k === s || CI_STATUS_LABELS[k]['zh-CN'] === v.trim() || CI_STATUS_LABELS[k].en.toLowerCase() === s,
    ) ?? null
  );
}

export type Cell = string | number | boolean | Date | null;

export interface SheetRows {
  headers: string[];
  /** Data rows with the row number a spreadsheet shows (the header is row 1). */
  rows: { row: number; cells: Cell[] }[];
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
    if ('error' in v) return null;
  }
  return String(v);
}

const isBlank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');

/** Reads the first sheet of an .xlsx file. Throws when it is not one. */
export async function readXlsx(buf: Buffer): Promise<SheetRows> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { headers: [], rows: [] };
  let headers: string[] = [];
  const rows: SheetRows['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const values = (r.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
    if (rowNumber === 1)
      headers = values.map((v) => (v === null ? '' : v instanceof Date ? v.toISOString() : String(v)));
    else if (!values.every(isBlank)) rows.push({ row: rowNumber, cells: values });
  });
  return { headers, rows };
}

/** Reads a CSV file, parsing it in slices (a 500,000-row file parsed at once held the node ~1.6 s). */
export async function readCsv(buf: Buffer): Promise<SheetRows> {
  let headers: string[] = [];
  const rows: SheetRows['rows'] = [];
  await forEachInTurns(
    csvRows(decodeCsv(buf)),
    (cells, i) => {
      if (i === 0) headers = cells;
      else if (!cells.every((c) => c.trim() === '')) rows.push({ row: i + 1, cells });
    },
    2000,
  );
  return { headers, rows };
}

export function formatOf(fileName: string, head: Buffer): 'xlsx' | 'csv' | null {
  const zip = head[0] === 0x50 && head[1] === 0x4b;
  if (/\.xlsx$/i.test(fileName)) return zip ? 'xlsx' : null;
  if (/\.(csv|txt)$/i.test(fileName)) return zip ? null : 'csv';
  return null;
}
