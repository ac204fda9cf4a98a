import type { AttributeDef, CiStatus, RelationType } from '@opsdesk/domain';
import {
  bigserial,
  boolean,
  customType,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

// Mirrors migrations/0300_cmdb.sql; schema-drift.test.ts checks they agree.
/** Money in yuan: numeric(14,2), read as a string (exact), spelled as PostgreSQL prints it. */
const money = customType<{ data: string; driverData: string }>({ dataType: () => 'numeric(14,2)' });

export const ciTypes = pgTable('ci_types', {
  id: uuid('id').primaryKey(),
  key: text('key').notNull(),
  labelZh: text('label_zh').notNull(),
  labelEn: text('label_en').notNull(),
  category: text('category').notNull(),
  system: boolean('system').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(1000),
  attributes: jsonb('attributes').$type<AttributeDef[]>().notNull().default([]),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const ciTypeVersions = pgTable(
  'ci_type_versions',
  {
    typeId: uuid('type_id').notNull(),
    version: integer('version').notNull(),
    attributes: jsonb('attributes').$type<AttributeDef[]>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [primaryKey({ columns: [t.typeId, t.version] })],
);

export const cis = pgTable('cis', {
  id: uuid('id').primaryKey(),
  projectId: uuid('project_id').notNull(),
  typeId: uuid('type_id').notNull(),
  typeVersion: integer('type_version').notNull(),
  name: text('name').notNull(),
  status: text('status').$type<CiStatus>().notNull().default('in_use'),
  ownerId: uuid('owner_id'),
  siteId: uuid('site_id'),
  tags: text('tags').array().notNull().default([]),
  attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
  vendor: text('vendor'),
  model: text('model'),
  serialNo: text('serial_no'),
  assetTag: text('asset_tag'),
  purchaseDate: date('purchase_date', { mode: 'string' }),
  price: money('price'),
  warrantyEnd: date('warranty_end', { mode: 'string' }),
  supportContract: text('support_contract'),
  supplier: text('supplier'),
  description: text('description'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
  deletedAt: ts('deleted_at'),
  deletedBy: uuid('deleted_by'),
});

export const ciRelations = pgTable('ci_relations', {
  id: uuid('id').primaryKey(),
  projectId: uuid('project_id').notNull(),
  fromCiId: uuid('from_ci_id').notNull(),
  toCiId: uuid('to_ci_id').notNull(),
  type: text('type').$type<RelationType>().notNull(),
  note: text('note'),
  createdAt: ts('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
  deletedAt: ts('deleted_at'),
  deletedBy: uuid('deleted_by'),
});

export const ciHistory = pgTable('ci_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  ciId: uuid('ci_id').notNull(),
  at: ts('at').notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  action: text('action')
    .$type<'create' | 'update' | 'delete' | 'restore' | 'relation_add' | 'relation_remove'>()
    .notNull(),
  field: text('field'),
  before: jsonb('before'),
  after: jsonb('after'),
  relationId: uuid('relation_id'),
  importId: uuid('import_id'),
  requestId: text('request_id'),
});

export const ciUniqueValues = pgTable(
  'ci_unique_values',
  {
    projectId: uuid('project_id').notNull(),
    typeId: uuid('type_id').notNull(),
    attrKey: text('attr_key').notNull(),
    value: text('value').notNull(),
    ciId: uuid('ci_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.typeId, t.attrKey, t.value] })],
);

export const ciImports = pgTable('ci_imports', {
  id: uuid('id').primaryKey(),
  projectId: uuid('project_id').notNull(),
  typeId: uuid('type_id').notNull(),
  createdBy: uuid('created_by'),
  fileName: text('file_name').notNull(),
  format: text('format').$type<'xlsx' | 'csv'>().notNull(),
  dryRun: boolean('dry_run').notNull(),
  lang: text('lang').$type<'zh-CN' | 'en'>().notNull(),
  status: text('status').$type<'queued' | 'running' | 'done' | 'failed'>().notNull(),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  createdCount: integer('created_count').notNull().default(0),
  updatedCount: integer('updated_count').notNull().default(0),
  unchangedCount: integer('unchanged_count').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  errors: jsonb('errors')
    .$type<{ row: number; column: string | null; field: string | null; message: string }[]>()
    .notNull()
    .default([]),
  sourceKey: text('source_key'),
  resultAttachmentId: uuid('result_attachment_id'),
  failure: text('failure'),
  createdAt: ts('created_at').notNull().defaultNow(),
  startedAt: ts('started_at'),
  finishedAt: ts('finished_at'),
});

export const ciWarrantyNotices = pgTable(
  'ci_warranty_notices',
  {
    ciId: uuid('ci_id').notNull(),
    warrantyEnd: date('warranty_end', { mode: 'string' }).notNull(),
    bucket: integer('bucket').notNull(),
    notifiedAt: ts('notified_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ciId, t.warrantyEnd, t.bucket] })],
);

// Mirrors migrations/0301_ticket_cis.sql.
export const ticketCis = pgTable(
  'ticket_cis',
  {
    ticketId: uuid('ticket_id').notNull(),
    ciId: uuid('ci_id').notNull(),
    addedAt: ts('added_at').notNull().defaultNow(),
    addedBy: uuid('added_by'),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.ciId] })],
);
