import { ruleMessage } from '@opsdesk/contracts';
import type { Lang } from '@opsdesk/contracts';
import { AppError } from '../../http/app-error.js';
import { matchHeader, readCsv, readXlsx } from './ci-import.columns.js';
import type { Column, SheetRows } from './ci-import.columns.js';
import type { ImportError, Mapped } from './ci-import.rows.js';

/** An uploaded or stored file as rows of cells (a file that cannot be read is a field error on `file`). */
export async function readSheet(format: 'xlsx' | 'csv', buffer: Buffer): Promise<SheetRows> {
  try {
    return format === 'xlsx' ? await readXlsx(buffer) : await readCsv(buffer);
  } catch {
    throw AppError.field('file', 'rule.import.unreadable');
  }
}

/** The header row mapped onto the type's columns, with the problems of the header itself. */
export function mapHeader(
  columns: readonly Column[],
  headers: readonly string[],
  lang: Lang,
): { mapped: Mapped[]; errors: ImportError[]; fatal: boolean } {
  const mapped: Mapped[] = [];
  const errors: ImportError[] = [];
  const err = (column: string | null, rule: string, params?: Record<string, unknown>): ImportError => ({
    row: 1,
    column,
    field: null,
    message: ruleMessage(rule, lang, params) ?? rule,
  });
  headers.forEach((header, index) => {
    if (!header.trim()) return;
    const column = matchHeader(columns, header);
    if (!column) errors.push(err(header, 'rule.import.unknownColumn', { column: header }));
    else if (mapped.some((m) => m.column === column))
      errors.push(err(header, 'rule.import.duplicateColumn', { column: header }));
    else mapped.push({ index, column, header });
  });
  if (!mapped.length) return { mapped, errors: [err(null, 'rule.import.noHeader')], fatal: true };
  const name = columns.find((c) => c.kind === 'field' && c.field === 'name')!;
  if (!mapped.some((m) => m.column === name))
    return {
      mapped,
      errors: [...errors, err(name.label[lang], 'rule.import.missingColumn', { column: name.label[lang] })],
      fatal: true,
    };
  return { mapped, errors, fatal: false };
}
