import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CI_STATUS_LABELS } from '@opsdesk/contracts';
import type { CiExportQuery, Lang } from '@opsdesk/contracts';
import { formatAttribute } from '@opsdesk/domain';
import type { AttributeDef } from '@opsdesk/domain';
import type { z } from 'zod';
import { cis } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { keyset } from '../../http/pagination.js';
import { recordAudit } from '../audit/audit.record.js';
import { findCiType } from './ci-type.repository.js';
import { CI_SORT_COLUMNS, ciFilterSql, pageOfCis } from './ci.repository.js';
import type { CiView } from './ci.repository.js';
import { columnsOf, headerOf } from './ci-import.columns.js';
import type { Column } from './ci-import.columns.js';
import { csvLine, UTF8_BOM } from './csv.js';
import iconv from 'iconv-lite';

export interface FileOut {
  fileName: string;
  contentType: string;
  stream: Readable;
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PAGE = 1000;

/** The text of one cell of an exported CI (the same spelling the import reads back). */
function cellOf(c: Column, row: CiView, lang: Lang): string | number {
  if (c.kind === 'attribute') {
    const v = row.attributes[c.def.key];
    return c.def.kind === 'number' || c.def.kind === 'integer'
      ? ((v as number | undefined) ?? '')
      : formatAttribute(c.def, v, lang);
  }
  switch (c.field) {
    case 'status':
      return CI_STATUS_LABELS[row.status][lang];
    case 'owner':
      return row.ownerName ?? '';
    case 'site':
      return row.siteName ?? '';
    case 'tags':
      return row.tags.join(', ');
    case 'price':
      return row.price === null ? '' : Number(row.price);
    default:
      return (row[c.field] as string | null) ?? '';
  }
}

/** Attributes of a mixed-type export in one cell: `label: value; …`. */
function attributesCell(row: CiView, defs: Map<string, AttributeDef[]>, lang: Lang): string {
  const list = defs.get(row.typeId) ?? [];
  return list
    .filter((d) => row.attributes[d.key] !== undefined)
    .map((d) => `${d.label[lang]}: ${formatAttribute(d, row.attributes[d.key], lang)}`)
    .join('; ');
}

/** Writes rows to a spreadsheet or CSV stream, waiting when the reader is slow. */
interface Sink {
  row(values: readonly (string | number)[]): Promise<void>;
  end(): Promise<void>;
}

function xlsxSink(out: PassThrough, sheetName: string, header: readonly string[]): Sink {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h) => ({ header: h, width: Math.min(40, Math.max(10, h.length * 2 + 2)) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  return {
    async row(values) {
      ws.addRow([...values]).commit();
      if (out.writableNeedDrain) await once(out, 'drain');
    },
    async end() {
      ws.commit();
      await wb.commit();
    },
  };
}

function csvSink(out: PassThrough, header: readonly string[], encoding: 'utf-8' | 'gb18030'): Sink {
  const write = async (text: string) => {
    if (!out.write(encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030')))
      await once(out, 'drain');
  };
  let started = false;
  return {
    async row(values) {
      if (!started) {
        started = true;
        await write((encoding === 'utf-8' ? UTF8_BOM : '') + csvLine(header));
      }
      await write(csvLine(values));
    },
    async end() {
      if (!started) await write((encoding === 'utf-8' ? UTF8_BOM : '') + csvLine(header));
      out.end();
    },
  };
}

/** Runs `produce` after the stream is handed to the reply; a failure ends the stream with the error. */
function streamed(produce: (out: PassThrough) => Promise<void>): PassThrough {
  const out = new PassThrough();
  setImmediate(() => {
    produce(out).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  });
  return out;
}

const stamp = (ctx: Ctx) => ctx.now.toISOString().slice(0, 10).replace(/-/g, '');

/**
 * Streams the filtered CI list as .xlsx (exceljs streaming writer) or CSV, page by page in keyset
 * order, never holding the list in memory. With one type, the columns are that type's import
 * columns (the file can be edited and imported back); across types the attributes share a column.
 */
export async function exportCis(ctx: Ctx, query: z.output<typeof CiExportQuery>): Promise<FileOut> {
  const lang = ctx.lang;
  const type = query.typeId ? await findCiType(ctx.db, query.typeId) : null;
  if (query.typeId && !type) throw AppError.field('typeId', 'rule.ci.typeNotFound');
  const columns = columnsOf(type?.attributes ?? []);
  const mixed = !type;
  const zh = lang === 'zh-CN';
  const header = [
    ...(mixed ? [zh ? '项目' : 'Project', zh ? '类型' : 'Type'] : []),
    ...columns.map((c) => headerOf(c, lang)),
    ...(mixed ? [zh ? '属性' : 'Attributes'] : []),
  ];
  const defs = new Map<string, AttributeDef[]>();
  const filter = ciFilterSql(ctx.actor, query);
  await recordAudit(ctx.db, ctx, { action: 'ci.export', objectType: 'ci', detail: { query: { ...query } } });
  const name = `${zh ? '配置项' : 'cis'}${type ? `-${zh ? type.labelZh : type.labelEn}` : ''}-${stamp(ctx)}.${query.format}`;
  const stream = streamed(async (out) => {
    const sink =
      query.format === 'xlsx'
        ? xlsxSink(out, type ? (zh ? type.labelZh : type.labelEn) : zh ? '配置项' : 'CIs', header)
        : csvSink(out, header, query.encoding);
    let cursor: string | undefined;
    for (;;) {
      const ks = keyset<CiView>({ sort: query.sort, cursor, limit: PAGE }, CI_SORT_COLUMNS, cis.id, {
        defaultSort: 'name',
        rowKey: (r, k) => r[k as keyof CiView],
        rowId: (r) => r.id,
      });
      const rows = await pageOfCis(ctx.db, filter, ks);
      const page = ks.page(rows);
      for (const row of page.items) {
        if (mixed && !defs.has(row.typeId))
          defs.set(row.typeId, (await findCiType(ctx.db, row.typeId))?.attributes ?? []);
        await sink.row([
          ...(mixed ? [row.projectName, zh ? row.typeLabelZh : row.typeLabelEn] : []),
          ...columns.map((c) => cellOf(c, row, lang)),
          ...(mixed ? [attributesCell(row, defs, lang)] : []),
        ]);
      }
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    await sink.end();
  });
  return {
    fileName: name,
    contentType:
      query.format === 'xlsx'
        ? XLSX
        : 'text/csv; charset=' + (query.encoding === 'utf-8' ? 'utf-8' : 'gb18030'),
    stream,
  };
}

const KIND_NOTES: Record<AttributeDef['kind'], Record<Lang, string>> = {
  text: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'number' },
  integer: { 'zh-CN': '整数', en: 'whole number' },
  date: { 'zh-CN': '日期，如 2024-03-05', en: 'date, e.g. 2024-03-05' },
  boolean: { 'zh-CN': '是 / 否', en: 'yes / no' },
  enum: { 'zh-CN': '从下拉选项中选择', en: 'one of the options' },
  ip: { 'zh-CN': 'IP 地址，如 192.168.1.10', en: 'IP address, e.g. 192.168.1.10' },
  mac: { 'zh-CN': 'MAC 地址，如 00:1A:2B:3C:4D:5E', en: 'MAC address, e.g. 00:1A:2B:3C:4D:5E' },
  reference: {
    'zh-CN': '本项目中另一个配置项的序列号或名称',
    en: 'serial number or name of another CI of the project',
  },
};

const FIELD_NOTES: Record<string, Record<Lang, string>> = {
  name: {
    'zh-CN': '必填；没有序列号时按“类型+名称”匹配已有配置项',
    en: 'Required; without a serial number, rows match existing CIs by type and name',
  },
  status: {
    'zh-CN': '计划中 / 在用 / 维护中 / 故障 / 已退役；留空为“在用”或保持不变',
    en: 'Planned / In use / Under maintenance / Faulty / Retired; blank keeps it (new: In use)',
  },
  serialNo: {
    'zh-CN': '项目内唯一；填写后按序列号匹配已有配置项',
    en: 'Unique in the project; rows with one match existing CIs by it',
  },
  assetTag: { 'zh-CN': '项目内唯一', en: 'Unique in the project' },
  owner: { 'zh-CN': '用户名或姓名', en: 'Username or name' },
  site: { 'zh-CN': '客户站点名称', en: "Name of one of the customer's sites" },
  tags: { 'zh-CN': '多个标签用逗号分隔', en: 'Separate tags with commas' },
  purchaseDate: { 'zh-CN': '日期，如 2024-03-05', en: 'Date, e.g. 2024-03-05' },
  warrantyEnd: { 'zh-CN': '日期，如 2027-03-04', en: 'Date, e.g. 2027-03-04' },
  price: { 'zh-CN': '金额（元）', en: 'Amount in yuan' },
};

/** The import template of a type: its header (Chinese by default), drop-downs for choices, and a sheet of notes. */
export async function templateFor(
  ctx: Ctx,
  typeId: string,
  format: 'xlsx' | 'csv',
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const type = await findCiType(ctx.db, typeId);
  if (!type) throw AppError.notFound();
  const lang = ctx.lang;
  const zh = lang === 'zh-CN';
  const columns = columnsOf(type.attributes);
  const header = columns.map((c) => headerOf(c, lang));
  const label = zh ? type.labelZh : type.labelEn;
  const fileName = `${zh ? '配置项导入模板' : 'ci-import-template'}-${label}.${format}`;
  if (format === 'csv')
    return {
      fileName,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(UTF8_BOM + csvLine(header), 'utf8'),
    };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(label.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h) => ({ header: h, width: Math.min(40, Math.max(12, h.length * 2 + 2)) }));
  ws.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    if (c.required) ws.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
    const list =
      c.kind === 'field' && c.field === 'status'
        ? Object.values(CI_STATUS_LABELS).map((m) => m[lang])
        : c.kind === 'attribute' && c.def.kind === 'enum'
          ? (c.def.options ?? []).map((o) => o.label[lang])
          : c.kind === 'attribute' && c.def.kind === 'boolean'
            ? zh
              ? ['是', '否']
              : ['yes', 'no']
            : null;
    const formulae = list ? [`"${list.join(',').replace(/"/g, '')}"`] : null;
    if (formulae && formulae[0]!.length <= 255) {
      const letter = ws.getColumn(i + 1).letter;
      for (let r = 2; r <= 1001; r++)
        ws.getCell(`${letter}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae };
    }
  });
  const notes = wb.addWorksheet(zh ? '填写说明' : 'Notes');
  notes.columns = [
    { header: zh ? '列' : 'Column', width: 24 },
    { header: zh ? '必填' : 'Required', width: 8 },
    { header: zh ? '说明' : 'Notes', width: 70 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of columns) {
    const note =
      c.kind === 'field'
        ? (FIELD_NOTES[c.field]?.[lang] ?? '')
        : [
            KIND_NOTES[c.def.kind][lang],
            c.def.kind === 'enum' ? (c.def.options ?? []).map((o) => o.label[lang]).join(' / ') : '',
            c.def.unique ? (zh ? '项目内唯一' : 'unique in the project') : '',
          ]
            .filter(Boolean)
            .join('；');
    notes.addRow([c.label[lang], c.required ? (zh ? '是' : 'yes') : '', note]);
  }
  return { fileName, contentType: XLSX, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
