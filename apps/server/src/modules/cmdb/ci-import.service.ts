import { Readable } from 'node:stream';
import { checkAttributes, ciChanges, cmdbAbilities, mergeAttributes } from '@opsdesk/domain';
import type { AttributeValue } from '@opsdesk/domain';
import { ruleMessage } from '@opsdesk/contracts';
import type { CiImportListQuery, CiImportQuery, Lang } from '@opsdesk/contracts';
import type { z } from 'zod';
import { and, desc, lt, or, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { projectVisible } from '../../db/scope.js';
import { ciImports } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { fromPgError } from '../../http/pg-errors.js';
import { uuid7 } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.record.js';
import { insertAttachment } from '../attachments/attachment.repository.js';
import { DiskStorage } from '../attachments/attachment.storage.js';
import { findCiType } from './ci-type.repository.js';
import type { CiTypeRow } from './ci-type.repository.js';
import type { CiRow, NewCi } from './ci.repository.js';
import { visibleProject } from './ci.resolve.js';
import type { ProjectRef } from './ci.resolve.js';
import { whoOf } from './ci.service.js';
import { ciState, insertCis, updateCi } from './ci.write.js';
import type { UniqueValue } from './ci.write.js';
import { columnsOf, formatOf, matchHeader, readCsv, readXlsx } from './ci-import.columns.js';
import type { Column, SheetRows } from './ci-import.columns.js';
import {
  cisByAssetTag,
  cisByName,
  cisBySerial,
  customerSites,
  findImport,
  insertImport,
  ownerCandidates,
  referenceCandidates,
  uniqueHolders,
  updateImport,
} from './ci-import.repository.js';
import type { ImportRow } from './ci-import.repository.js';
import { RowErrors, parseRow } from './ci-import.rows.js';
import type { ImportError, Mapped, ParsedRow } from './ci-import.rows.js';
import { csvLine, encodeCsv } from './csv.js';

/** Rows per transaction: each batch commits on its own, so progress shows and a crash loses at most one. */
export const IMPORT_BATCH = 500;
/** Errors kept on the import record (the result file has all). */
const ERRORS_KEPT = 1000;
/** Files with more data rows than this run as a background job. */
export const inlineRowLimit = () => Number(process.env.OPSDESK_IMPORT_INLINE_ROWS ?? 2000);
export const MAX_IMPORT_ROWS = 1_000_000;
export const IMPORT_JOB = 'cmdb.import';

type Outcome = 'created' | 'updated' | 'unchanged' | 'error';
interface RowResult {
  row: number;
  outcome: Outcome;
  ciId: string | null;
  name: string | null;
  errors: ImportError[];
}

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
  if (queued) sourceKey = (await storageOf(ctx).put(Readable.from(file.buffer), Number.MAX_SAFE_INTEGER)).key;
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

export async function readSheet(format: 'xlsx' | 'csv', buffer: Buffer): Promise<SheetRows> {
  try {
    return format === 'xlsx' ? await readXlsx(buffer) : readCsv(buffer);
  } catch {
    throw AppError.field('file', 'rule.import.unreadable');
  }
}

function storageOf(ctx: Ctx): DiskStorage {
  return new DiskStorage(ctx.deps.config.attachmentsDir);
}

/** The header row mapped onto the type's columns, with the problems of the header itself. */
function mapHeader(
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
        const done = await importBatch(
          ctx,
          record,
          project,
          type,
          columns,
          header.mapped,
          errs,
          state,
          batch,
        );
        for (const r of done) {
          counts[r.outcome]++;
          results.push(r);
          for (const e of r.errors) if (kept.length < ERRORS_KEPT) kept.push(e);
        }
        await updateImport(ctx.db, record.id, {
          processedRows: Math.min(i + IMPORT_BATCH, sheet.rows.length),
          createdCount: counts.created,
          updatedCount: counts.updated,
          unchangedCount: counts.unchanged,
          errorCount: counts.error + header.errors.length,
          errors: kept,
        });
      }
    }
    const resultAttachmentId = await storeResult(ctx, record, header.errors, results);
    return await updateImport(ctx.db, record.id, {
      status: 'done',
      processedRows: sheet.rows.length,
      createdCount: counts.created,
      updatedCount: counts.updated,
      unchangedCount: counts.unchanged,
      errorCount: counts.error + header.errors.length,
      errors: kept,
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

interface ImportState {
  /** Import key (serial or name) → first row, across the whole file. */
  seenKeys: Map<string, number>;
  seenTags: Map<string, number>;
  seenUniques: Map<string, number>;
  owners: Map<string, string | null>;
  sites: Map<string, string | null> | null;
}

interface Plan {
  parsed: ParsedRow;
  before: CiRow | null;
  create: NewCi | null;
  set: Partial<NewCi> | null;
  uniques: UniqueValue[];
}

const keyOf = (p: ParsedRow) => {
  const serial = p.fields.serialNo as string | null | undefined;
  return serial ? `s:${serial}` : `n:${p.fields.name as string}`;
};

async function importBatch(
  ctx: Ctx,
  record: ImportRow,
  project: ProjectRef,
  type: CiTypeRow,
  columns: readonly Column[],
  mapped: readonly Mapped[],
  errs: RowErrors,
  state: ImportState,
  batch: ParsedRow[],
): Promise<RowResult[]> {
  const colOf = (key: string) =>
    columns.find((c) => (c.kind === 'field' ? c.field === key : `attributes.${c.def.key}` === key)) ?? null;
  const attrCol = (key: string) => colOf(`attributes.${key}`);
  const lock = !record.dryRun;
  return ctx.db.transaction(async (tx) => {
    // ── Resolve against the database, in bulk ──
    const live = batch.filter((p) => !p.errors.length || p.fields.name);
    const serials = [
      ...new Set(
        live
          .map((p) => p.fields.serialNo as string | null | undefined)
          .filter((s): s is string => Boolean(s)),
      ),
    ];
    const names = [
      ...new Set(live.filter((p) => !p.fields.serialNo && p.fields.name).map((p) => p.fields.name as string)),
    ];
    const bySerial = new Map((await cisBySerial(tx, project.id, serials, lock)).map((c) => [c.serialNo!, c]));
    const byName = new Map<string, CiRow[]>();
    for (const c of await cisByName(tx, project.id, type.id, names, lock))
      byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
    await resolveOwnersAndSites(tx, project, batch, state);
    const refValues = [...new Set(batch.flatMap((p) => p.references.map((r) => r.value)))];
    const candidates = await referenceCandidates(tx, project.id, refValues);

    const plans: Plan[] = [];
    for (const p of batch) {
      const plan: Plan = { parsed: p, before: null, create: null, set: null, uniques: [] };
      plans.push(plan);
      if (!p.fields.name && !p.fields.serialNo) continue; // already an error (name required)
      const key = keyOf(p);
      const first = state.seenKeys.get(key);
      if (first !== undefined) {
        p.errors.push(
          errs.at(p.row, colOf(p.fields.serialNo ? 'serialNo' : 'name'), 'rule.import.duplicateInFile', {
            row: first,
          }),
        );
        continue;
      }
      state.seenKeys.set(key, p.row);
      if (p.fields.serialNo) {
        const hit = bySerial.get(p.fields.serialNo as string) ?? null;
        if (hit && hit.typeId !== type.id)
          p.errors.push(errs.at(p.row, colOf('serialNo'), 'rule.import.serialOtherType'));
        plan.before = hit;
      } else {
        const hits = byName.get(p.fields.name as string) ?? [];
        if (hits.length > 1) p.errors.push(errs.at(p.row, colOf('name'), 'rule.import.nameAmbiguous'));
        plan.before = hits[0] ?? null;
      }
      if (p.ownerText) {
        const id = state.owners.get(p.ownerText);
        if (!id) p.errors.push(errs.at(p.row, colOf('owner'), 'rule.ci.ownerNotFound'));
        else p.ownerId = id;
      } else if ('owner' in p.fields) p.ownerId = null;
      if (p.siteText) {
        const id = state.sites!.get(p.siteText);
        if (!id) p.errors.push(errs.at(p.row, colOf('site'), 'rule.ci.siteOfOtherCustomer'));
        else p.siteId = id;
      } else if ('site' in p.fields) p.siteId = null;
      for (const ref of p.references) {
        const byId = candidates.filter((c) => c.id === ref.value);
        const bySerialHit = candidates.filter((c) => c.serial_no === ref.value);
        const hits = byId.length
          ? byId
          : bySerialHit.length
            ? bySerialHit
            : candidates.filter((c) => c.name === ref.value);
        if (!hits.length) p.errors.push(errs.at(p.row, attrCol(ref.key), 'rule.ci.referenceNotFound'));
        else if (hits.length > 1)
          p.errors.push(errs.at(p.row, attrCol(ref.key), 'rule.ci.referenceAmbiguous', { value: ref.value }));
        else if (ref.refTypes.length && !ref.refTypes.includes(hits[0]!.type_key))
          p.errors.push(
            errs.at(p.row, attrCol(ref.key), 'rule.ci.referenceType', { types: ref.refTypes.join(', ') }),
          );
        else p.attributes[ref.key] = hits[0]!.id;
      }
      if (p.errors.length) continue;
      mergePlan(ctx, plan, project, type, errs, attrCol);
    }

    // ── Uniqueness: asset tags and unique attributes, against the database and earlier rows ──
    const tagged = plans.filter((pl) => !pl.parsed.errors.length && (pl.create ?? pl.set)?.assetTag);
    const tagHolders = await cisByAssetTag(
      tx,
      project.id,
      tagged.map((pl) => (pl.create ?? pl.set)!.assetTag as string),
    );
    for (const pl of tagged) {
      const tag = (pl.create ?? pl.set)!.assetTag as string;
      const holder = tagHolders.get(tag);
      const first = state.seenTags.get(tag);
      if ((holder && holder !== pl.before?.id) || first !== undefined)
        pl.parsed.errors.push(
          errs.at(
            pl.parsed.row,
            colOf('assetTag'),
            first !== undefined ? 'rule.import.duplicateInFile' : 'rule.unique',
            { row: first },
          ),
        );
      else state.seenTags.set(tag, pl.parsed.row);
    }
    const withUniques = plans.filter((pl) => !pl.parsed.errors.length && pl.uniques.length);
    const holders = await uniqueHolders(
      tx,
      project.id,
      type.id,
      withUniques.flatMap((pl) => pl.uniques),
    );
    for (const pl of withUniques) {
      for (const u of pl.uniques) {
        const k = `${u.key}\u001f${u.norm}`;
        const holder = holders.get(k);
        const first = state.seenUniques.get(k);
        if ((holder && holder !== pl.before?.id) || first !== undefined)
          pl.parsed.errors.push(
            errs.at(
              pl.parsed.row,
              attrCol(u.key),
              first !== undefined ? 'rule.import.duplicateInFile' : 'rule.unique',
              { row: first },
            ),
          );
        else state.seenUniques.set(k, pl.parsed.row);
      }
    }

    // ── Write (commit only) ──
    const results = new Map<ParsedRow, RowResult>();
    const result = (pl: Plan, outcome: Outcome, ciId: string | null) =>
      results.set(pl.parsed, {
        row: pl.parsed.row,
        outcome,
        ciId,
        name: (pl.parsed.fields.name as string | undefined) ?? pl.before?.name ?? null,
        errors: pl.parsed.errors,
      });
    const who = { ...whoOf(ctx), importId: record.id };
    const creates = plans.filter((pl) => !pl.parsed.errors.length && pl.create);
    const updates = plans.filter((pl) => !pl.parsed.errors.length && pl.set);
    for (const pl of plans) if (pl.parsed.errors.length) result(pl, 'error', pl.before?.id ?? null);
    for (const pl of plans)
      if (
        !pl.parsed.errors.length &&
        !pl.create &&
        !pl.set &&
        (pl.parsed.fields.name || pl.parsed.fields.serialNo)
      )
        result(pl, 'unchanged', pl.before?.id ?? null);
    if (record.dryRun) {
      for (const pl of creates) result(pl, 'created', null);
      for (const pl of updates) result(pl, 'updated', pl.before!.id);
    } else {
      const failed = (pl: Plan, e: unknown) => {
        const known = fromPgError(e);
        const reason = known?.fields[0]
          ? (ruleMessage(known.fields[0].rule, errs.lang) ?? known.code)
          : e instanceof Error
            ? e.message.slice(0, 200)
            : 'error';
        pl.parsed.errors.push(errs.at(pl.parsed.row, null, 'rule.import.failed', { reason }));
        result(pl, 'error', null);
      };
      try {
        await tx.transaction((sp) =>
          insertCis(
            sp,
            who,
            creates.map((pl) => ({ row: pl.create!, uniques: pl.uniques })),
          ),
        );
        for (const pl of creates) result(pl, 'created', pl.create!.id!);
      } catch {
        for (const pl of creates) {
          try {
            await tx.transaction((sp) => insertCis(sp, who, [{ row: pl.create!, uniques: pl.uniques }]));
            result(pl, 'created', pl.create!.id!);
          } catch (e) {
            failed(pl, e);
          }
        }
      }
      for (const pl of updates) {
        try {
          await tx.transaction((sp) => updateCi(sp, who, pl.before!, pl.set!, pl.uniques));
          result(pl, 'updated', pl.before!.id);
        } catch (e) {
          failed(pl, e);
        }
      }
      const created = creates.filter((pl) => results.get(pl.parsed)?.outcome === 'created').length;
      const updated = updates.filter((pl) => results.get(pl.parsed)?.outcome === 'updated').length;
      if (created || updated) {
        await recordAudit(tx, ctx, {
          action: 'ci.import',
          objectType: 'ci_import',
          objectId: record.id,
          detail: {
            projectId: project.id,
            type: type.key,
            rows: [batch[0]!.row, batch[batch.length - 1]!.row],
            created,
            updated,
          },
        });
      }
    }
    return batch.map((p) => results.get(p)!);
  });
}

/** The CI after the row: a new one, or the changed fields of the existing one (null when nothing changes). */
function mergePlan(
  ctx: Ctx,
  plan: Plan,
  project: ProjectRef,
  type: CiTypeRow,
  errs: RowErrors,
  attrCol: (key: string) => Column | null,
): void {
  const p = plan.parsed;
  const f = p.fields;
  const has = (k: string) => k in f;
  const before = plan.before;
  const attributes = mergeAttributes(type.attributes, before?.attributes ?? {}, p.attributes);
  const check = checkAttributes(type.attributes, attributes, 'json');
  for (const pr of check.problems)
    p.errors.push(errs.at(p.row, attrCol(pr.key), `rule.ci.${pr.code}`, pr.params));
  if (p.errors.length) return;
  plan.uniques = check.uniques;
  const values: Partial<NewCi> = { attributes: check.values as Record<string, AttributeValue> };
  if (has('name')) values.name = f.name as string;
  for (const k of [
    'serialNo',
    'assetTag',
    'vendor',
    'model',
    'supportContract',
    'supplier',
    'description',
  ] as const)
    if (has(k)) values[k] = (f[k] as string | null) ?? null;
  if (f.status) values.status = f.status as NewCi['status'];
  if (has('owner')) values.ownerId = p.ownerId ?? null;
  if (has('site')) values.siteId = p.siteId ?? null;
  if (has('tags')) values.tags = (f.tags as string[]) ?? [];
  if (has('purchaseDate')) values.purchaseDate = (f.purchaseDate as string | null) ?? null;
  if (has('warrantyEnd')) values.warrantyEnd = (f.warrantyEnd as string | null) ?? null;
  if (has('price'))
    values.price = f.price === null || f.price === undefined ? null : (f.price as number).toFixed(2);
  if (!before) {
    plan.create = {
      id: uuid7(),
      projectId: project.id,
      typeId: type.id,
      typeVersion: type.version,
      name: values.name!,
      status: 'in_use',
      tags: [],
      ...values,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.actor.userId,
    };
    return;
  }
  const after = { ...before, ...values } as CiRow;
  if (ciChanges(ciState(before), ciState(after)).length) plan.set = { ...values, typeVersion: type.version };
}

async function resolveOwnersAndSites(
  tx: DbOrTx,
  project: ProjectRef,
  batch: readonly ParsedRow[],
  state: ImportState,
): Promise<void> {
  const wanted = [
    ...new Set(batch.map((p) => p.ownerText).filter((x): x is string => Boolean(x) && !state.owners.has(x!))),
  ];
  if (wanted.length) {
    const found = await ownerCandidates(tx, wanted);
    for (const w of wanted) {
      const byUsername = found.filter((u) => u.username === w);
      const hits = byUsername.length ? byUsername : found.filter((u) => u.display_name === w);
      state.owners.set(w, hits.length === 1 ? hits[0]!.id : null);
    }
  }
  if (!state.sites) {
    const rows = await customerSites(tx, project.customerId);
    state.sites = new Map();
    for (const s of rows) state.sites.set(s.name, state.sites.has(s.name) ? null : s.id);
  }
}

const OUTCOME_LABELS: Record<Outcome, Record<Lang, string>> = {
  created: { 'zh-CN': '新建', en: 'created' },
  updated: { 'zh-CN': '更新', en: 'updated' },
  unchanged: { 'zh-CN': '未变', en: 'unchanged' },
  error: { 'zh-CN': '错误', en: 'error' },
};

/** The result file: one line per row with its outcome and errors, stored as an attachment of the import. */
async function storeResult(
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
  const blob = await storageOf(ctx).put(Readable.from([buffer]), Number.MAX_SAFE_INTEGER);
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

export async function getImport(ctx: Ctx, id: string): Promise<ImportRow> {
  const row = await findImport(ctx.db, ctx.actor, id);
  if (!row) throw AppError.notFound();
  return row;
}

export async function listImports(ctx: Ctx, query: z.output<typeof CiImportListQuery>) {
  let after: { at: string; id: string } | null = null;
  if (query.cursor) {
    try {
      const [at, id] = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')) as [
        string,
        string,
      ];
      if (
        typeof at !== 'string' ||
        Number.isNaN(Date.parse(at)) ||
        typeof id !== 'string' ||
        !/^[0-9a-f-]{36}$/.test(id)
      )
        throw new Error();
      after = { at, id };
    } catch {
      throw AppError.field('cursor', 'rule.invalidCursor');
    }
  }
  const rows = await ctx.db
    .select()
    .from(ciImports)
    .where(
      and(
        projectVisible(ctx.actor, ciImports.projectId),
        query.projectId ? eq(ciImports.projectId, query.projectId) : undefined,
        after
          ? or(
              lt(ciImports.createdAt, new Date(after.at)),
              and(eq(ciImports.createdAt, new Date(after.at)), sql`${ciImports.id} < ${after.id}`),
            )
          : undefined,
      ),
    )
    .orderBy(desc(ciImports.createdAt), desc(ciImports.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(JSON.stringify([last.createdAt.toISOString(), last.id])).toString('base64url')
        : null,
  };
}
