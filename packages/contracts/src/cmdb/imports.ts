import { z } from 'zod';
import { CI_CATEGORIES, CI_STATUSES } from '@opsdesk/domain';
import { DateOnly, QueryBool, Timestamp, listQuery, page } from '../common.js';
import { CiTypeRefSchema, FileFormat } from './types.js';

const LabelSchema = CiTypeRefSchema.shape.label;

// ── Import and export ───────────────────────────────────────────────────────
export const ImportErrorSchema = z.object({
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  /** The column header as written in the file (the template's are Chinese), or null for the row. */
  column: z.string().nullable(),
  field: z.string().nullable(),
  message: z.string(),
});
export const CiImportSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    typeId: z.uuid(),
    fileName: z.string(),
    format: FileFormat,
    dryRun: z.boolean(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errorCount: z.number().int(),
    /** The first 1,000 errors; the result file lists every row. */
    errors: z.array(ImportErrorSchema),
    /** An attachment with the outcome of every row (download through /attachments/:id/content). */
    resultAttachmentId: z.uuid().nullable(),
    failure: z.string().nullable(),
    createdAt: Timestamp,
    startedAt: Timestamp.nullable(),
    finishedAt: Timestamp.nullable(),
  })
  .meta({ id: 'CiImport' });
export type CiImport = z.infer<typeof CiImportSchema>;
export const CiImportQuery = z.strictObject({
  projectId: z.uuid(),
  typeId: z.uuid(),
  /** Check every row and report, writing nothing (the default). */
  dryRun: QueryBool.default(true),
});
export const CiImportListQuery = listQuery(['createdAt']).extend({ projectId: z.uuid().optional() });
export const CiImportPage = page(CiImportSchema);

// ── Asset statistics (资产统计) ──────────────────────────────────────────────
const Count = z.number().int();
export const AssetStatsQuery = z.strictObject({ projectId: z.uuid().optional() });
export const AssetStatsSchema = z
  .object({
    /** The day the warranty windows and ages are counted from (China time). */
    today: DateOnly,
    projectId: z.uuid().nullable(),
    total: Count,
    byType: z.array(
      z.object({
        typeId: z.uuid(),
        key: z.string(),
        label: LabelSchema,
        category: z.enum(CI_CATEGORIES),
        count: Count,
      }),
    ),
    byStatus: z.array(z.object({ status: z.enum(CI_STATUSES), count: Count })),
    byVendor: z.array(z.object({ vendor: z.string().nullable(), count: Count })),
    bySite: z.array(z.object({ siteId: z.uuid().nullable(), name: z.string().nullable(), count: Count })),
    byProject: z.array(z.object({ projectId: z.uuid(), name: z.string(), count: Count })),
    warranty: z.object({
      expired: Count,
      within30: Count,
      within60: Count,
      within90: Count,
      later: Count,
      unknown: Count,
    }),
    /** CIs by purchase year (null: no purchase date), oldest first. */
    ageByPurchaseYear: z.array(z.object({ year: z.number().int().nullable(), count: Count })),
  })
  .meta({ id: 'AssetStats' });
export type AssetStats = z.infer<typeof AssetStatsSchema>;
export const AssetStatsExportQuery = AssetStatsQuery.extend({ format: FileFormat.default('xlsx') });
