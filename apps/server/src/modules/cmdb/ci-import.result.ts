import { Readable } from 'node:stream';
import type { Lang } from '@opsdesk/contracts';
import type { Ctx } from '../../http/context.js';
import { uuid7 } from '../../lib/ids.js';
import { insertAttachment } from '../attachments/attachment.repository.js';
import { storageFor } from '../attachments/attachment.service.js';
import type { ImportRow } from './ci-import.repository.js';
import type { ImportError } from './ci-import.rows.js';
import { csvLine, encodeCsv } from './csv.js';

/** What became of one row of an import file. */
export type Outcome = 'created' | 'updated' | 'unchanged' | 'error';
export interface RowResult {
  row: number;
  outcome: Outcome;
  ciId: string | null;
  name: string | null;
  errors: ImportError[];
}

const OUTCOME_LABELS: Record<Outcome, Record<Lang, string>> = {
  created: { 'zh-CN': '新建', en: 'created' },
  updated: { 'zh-CN': '更新', en: 'updated' },
  unchanged: { 'zh-CN': '未变', en: 'unchanged' },
  error: { 'zh-CN': '错误', en: 'error' },
};

/** The result file: one line per row with its outcome and errors, stored as an attachment of the import. */
export async function storeResult(
  ctx: Ctx,
  record: ImportRow,
  headerErrors: readonly ImportError[],
  results: readonly RowResult[],
): Promise<string> {
  const lang = record.lang;
  const zh = lang === 'zh-CN';
  const head = zh
    ? ['行号', '结果', '配置项ID', '名称', '说明']
    : ['Row', 'Outcome', 'CI id', 'Name', 'Errors'];
  const describe = (errors: readonly ImportError[]) =>
    errors.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message)).join('; ');
  let text = csvLine(head);
  if (headerErrors.length) text += csvLine([1, OUTCOME_LABELS.error[lang], '', '', describe(headerErrors)]);
  for (const r of results)
    text += csvLine([r.row, OUTCOME_LABELS[r.outcome][lang], r.ciId ?? '', r.name ?? '', describe(r.errors)]);
  const buffer = encodeCsv(text, 'utf-8');
  const blob = await storageFor(ctx).put(Readable.from([buffer]), Number.MAX_SAFE_INTEGER);
  const id = uuid7();
  const base = record.fileName.replace(/\.[^.]+$/, '');
  await insertAttachment(ctx.db, {
    id,
    ownerType: 'ci_import',
    ownerId: record.id,
    projectId: record.projectId,
    fileName: `${base}-${record.dryRun ? (zh ? '预检结果' : 'dry-run-result') : zh ? '导入结果' : 'import-result'}.csv`,
    contentType: 'text/csv',
    sizeBytes: blob.sizeBytes,
    sha256: blob.sha256,
    storageKey: blob.key,
    category: 'import_result',
    uploadedBy: ctx.actor.userId,
    createdAt: ctx.deps.now(),
  });
  return id;
}
