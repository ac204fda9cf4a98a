import { Readable } from 'node:stream';
import { cmdbAbilities } from '@opsdesk/domain';
import type { CiImportListQuery, CiImportQuery } from '@opsdesk/contracts';
import type { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { projectVisible } from '../../db/scope.js';
import { ciImports } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { keyset } from '../../http/pagination.js';
import { uuid7 } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.record.js';
import { storageFor } from '../attachments/attachment.service.js';
import { findCiType } from './ci-type.repository.js';
import type { CiTypeRow } from './ci-type.repository.js';
import { visibleProject } from './ci.resolve.js';
import type { ProjectRef } from './ci.resolve.js';
import { columnsOf, formatOf } from './ci-import.columns.js';
import type { SheetRows } from './ci-import.columns.js';
import { importBatch } from './ci-import.batch.js';
import type { ImportState } from './ci-import.plan.js';
import { findImport, insertImport, updateImport } from './ci-import.repository.js';
import type { ImportRow } from './ci-import.repository.js';
import { storeResult } from './ci-import.result.js';
import type { RowResult } from './ci-import.result.js';
import { RowErrors, parseRow } from './ci-import.rows.js';
import type { ImportError } from './ci-import.rows.js';
import { mapHeader, readSheet } from './ci-import.sheet.js';

/**
 * CI imports, the entry points: a file upload starts one (inline, or queued as a job when it is
 * large), `runImport` works through its rows in batches (ci-import.batch.ts) and stores the
 * result file (ci-import.result.ts); imports are read back one by one or as a list.
 */
/** Rows per transaction: each batch commits on its own, so progress shows and a crash loses at most one. */
export const IMPORT_BATCH = 500;
/** Errors kept on the import record (the result file has all). */
const ERRORS_KEPT = 1000;
/** Files with more data rows than this run as a background job. */
export const inlineRowLimit = () => Number(process.env.OPSDESK_IMPORT_INLINE_ROWS ?? 2000);
export const MAX_IMPORT_ROWS = 1_000_000;
export const IMPORT_JOB = 'cmdb.import';

/** A file upload: parse, check the header, then import inline or hand it to a job. */
export async function startImport(
  ctx: Ctx,
  query: z.output<typeof CiImportQuery>,
  file: { fileName: string; buffer: Buffer } | null,
): Promise<{ record: ImportRow; queued: boolean }> {
  const project = await visibleProject(ctx.db, ctx.actor, query.projectId);
  if (!project) throw AppError.notFound();
  if (!cmdbAbilities(ctx.actor, project.id).import) throw AppError.forbidden();
  const type = await findCiType(ctx.db, query.typeId);
  if (!type) throw AppError.field('typeId', 'rule.ci.typeNotFound');
  if (!file || !file.fileName) throw AppError.field('file', 'rule.fileRequired');
  const format = formatOf(file.fileName, file.buffer.subarray(0, 4));
  if (!format) throw AppError.field('file', 'rule.import.unreadable');
  const sheet = await readSheet(format, file.buffer);
  if (sheet.rows.length > MAX_IMPORT_ROWS)
    throw AppError.field('file', 'rule.import.tooManyRows', { max: MAX_IMPORT_ROWS });
  const queued = sheet.rows.length > inlineRowLimit();
  const id = uuid7();
  let sourceKey: string | null = null;
  if (queued)
    sourceKey = (await storageFor(ctx).put(Readable.from(file.buffer), Number.MAX_SAFE_INTEGER)).key;
  const record = await ctx.db.transaction(async (tx) => {
    const r = await insertImport(tx, {
      id,
      projectId: project.id,
      typeId: type.id,
      createdBy: ctx.actor.userId,
      fileName: file.fileName.slice(0, 255),
      format,
      dryRun: query.dryRun,
      lang: ctx.lang,
      status: 'queued',
      totalRows: sheet.rows.length,
      sourceKey,
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'ci_import.create',
      objectType: 'ci_import',
      objectId: id,
      detail: {
        projectId: project.id,
        type: type.key,
        fileName: file.fileName,
        rows: sheet.rows.length,
        dryRun: query.dryRun,
      },
    });
    return r;
  });
  if (queued) {
    await ctx.deps.jobs.send(IMPORT_JOB, { importId: id });
    return { record: (await findImport(ctx.db, null, id))!, queued: true };
  }
  return { record: await runImport(ctx, record, project, type, sheet), queued: false };
}

/**
 * Imports the rows of a parsed file into a project: a dry run (reports, writes nothing) or a
 * commit (an idempotent upsert keyed by project, type and serial number — or name when the row has
 * no serial). Batches of IMPORT_BATCH rows are transactions; within one, new CIs go in together
 * and each update is a savepoint, and when a batch insert fails each row is retried on its own
 * savepoint, so a failed row never leaves half a CI behind. Progress is written after each batch.
 */
export async function runImport(
  ctx: Ctx,
  record: ImportRow,
  project: ProjectRef,
  type: CiTypeRow,
  sheet: SheetRows,
): Promise<ImportRow> {
  const lang = record.lang;
  await updateImport(ctx.db, record.id, {
    status: 'running',
    startedAt: ctx.deps.now(),
    totalRows: sheet.rows.length,
  });
  const columns = columnsOf(type.attributes);
  const header = mapHeader(columns, sheet.headers, lang);
  const results: RowResult[] = [];
  const kept: ImportError[] = [...header.errors];
  const counts = { created: 0, updated: 0, unchanged: 0, error: 0 };
  /** The counts and kept errors as the import record stores them. */
  const tally = () => ({
    createdCount: counts.created,
    updatedCount: counts.updated,
    unchangedCount: counts.unchanged,
    errorCount: counts.error + header.errors.length,
    errors: kept,
  });
  const state: ImportState = {
    seenKeys: new Map(),
    seenTags: new Map(),
    seenUniques: new Map(),
    owners: new Map(),
    sites: null,
  };
  try {
    if (!header.fatal) {
      const errs = new RowErrors(lang, header.mapped);
      for (let i = 0; i < sheet.rows.length; i += IMPORT_BATCH) {
        const batch = sheet.rows
          .slice(i, i + IMPORT_BATCH)
          .map((r) => parseRow(r.row, r.cells, header.mapped, errs));
        const done = await importBatch(ctx, record, project, type, columns, errs, state, batch);
        for (const r of done) {
          counts[r.outcome]++;
          results.push(r);
          for (const e of r.errors) if (kept.length < ERRORS_KEPT) kept.push(e);
        }
        await updateImport(ctx.db, record.id, {
          processedRows: Math.min(i + IMPORT_BATCH, sheet.rows.length),
          ...tally(),
        });
      }
    }
    const resultAttachmentId = await storeResult(ctx, record, header.errors, results);
    return await updateImport(ctx.db, record.id, {
      status: 'done',
      processedRows: sheet.rows.length,
      ...tally(),
      resultAttachmentId,
      finishedAt: ctx.deps.now(),
    });
  } catch (err) {
    await updateImport(ctx.db, record.id, {
      status: 'failed',
      failure: err instanceof Error ? err.message.slice(0, 500) : 'failed',
      finishedAt: ctx.deps.now(),
    });
    throw err;
  }
}

export async function getImport(ctx: Ctx, id: string): Promise<ImportRow> {
  const row = await findImport(ctx.db, ctx.actor, id);
  if (!row) throw AppError.notFound();
  return row;
}

/** Imports of the projects in scope, newest first by default. */
export async function listImports(ctx: Ctx, query: z.output<typeof CiImportListQuery>) {
  const ks = keyset<ImportRow>(query, { createdAt: { column: ciImports.createdAt } }, ciImports.id, {
    defaultSort: '-createdAt',
    rowKey: (r) => r.createdAt,
    rowId: (r) => r.id,
  });
  const rows = await ctx.db
    .select()
    .from(ciImports)
    .where(
      and(
        projectVisible(ctx.actor, ciImports.projectId),
        query.projectId ? eq(ciImports.projectId, query.projectId) : undefined,
        ks.where,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(rows);
}
