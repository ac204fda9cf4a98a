import { z } from 'zod';
import { CI_CATEGORIES, CI_STATUSES } from '@opsdesk/domain';
import { DateOnly, Name, OptionalText, QueryBool, Timestamp, listQuery, page } from '../common.js';
import { CiTypeRefSchema, FileFormat } from './types.js';

// ── CIs ─────────────────────────────────────────────────────────────────────
export const CiAbilitiesSchema = z.object({ update: z.boolean(), delete: z.boolean() });

export const CiSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    projectName: z.string(),
    type: CiTypeRefSchema,
    typeVersion: z.number().int(),
    name: z.string(),
    status: z.enum(CI_STATUSES),
    owner: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    site: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    tags: z.array(z.string()),
    attributes: z.record(z.string(), z.unknown()),
    vendor: z.string().nullable(),
    model: z.string().nullable(),
    serialNo: z.string().nullable(),
    assetTag: z.string().nullable(),
    purchaseDate: DateOnly.nullable(),
    /** Yuan, two decimals. */
    price: z.number().nullable(),
    warrantyEnd: DateOnly.nullable(),
    supportContract: z.string().nullable(),
    supplier: z.string().nullable(),
    description: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    deletedAt: Timestamp.nullable(),
    abilities: CiAbilitiesSchema,
  })
  .meta({ id: 'Ci' });
export type Ci = z.infer<typeof CiSchema>;

const Tag = z.string().trim().min(1).max(40);
const Price = z.number().min(0).max(999_999_999_999.99);
const NullableDate = DateOnly.nullish().transform((v) => v ?? null);
const CiFields = {
  name: Name(200),
  status: z.enum(CI_STATUSES),
  ownerId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  siteId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  tags: z.array(Tag).max(30),
  /** Values by attribute key; checked against the type on every write (field errors `attributes.<key>`). */
  attributes: z.record(z.string(), z.unknown()),
  vendor: OptionalText(100),
  model: OptionalText(100),
  serialNo: OptionalText(100),
  assetTag: OptionalText(100),
  purchaseDate: NullableDate,
  price: Price.nullish().transform((v) => v ?? null),
  warrantyEnd: NullableDate,
  supportContract: OptionalText(200),
  supplier: OptionalText(200),
  description: OptionalText(4000),
};
export const CiCreateSchema = z.strictObject({
  projectId: z.uuid(),
  typeId: z.uuid(),
  ...CiFields,
  status: CiFields.status.default('in_use'),
  tags: CiFields.tags.default([]),
  attributes: CiFields.attributes.default({}),
});
export type CiCreate = z.input<typeof CiCreateSchema>;
/** A patch: absent fields stay; in `attributes`, a key set to null removes the value. */
export const CiUpdateSchema = z.strictObject(CiFields).partial();
export type CiUpdate = z.input<typeof CiUpdateSchema>;

const CiFilters = {
  projectId: z.uuid().optional(),
  typeId: z.uuid().optional(),
  category: z.enum(CI_CATEGORIES).optional(),
  status: z.enum(CI_STATUSES).optional(),
  siteId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  vendor: z.string().trim().max(100).optional(),
  tag: Tag.optional(),
  warrantyEndFrom: DateOnly.optional(),
  warrantyEndTo: DateOnly.optional(),
  /** Lists the deleted items instead of the live ones. */
  deleted: QueryBool.optional(),
};
export const CI_SORTS = ['name', 'createdAt', 'updatedAt', 'warrantyEnd'] as const;
export const CiListQuery = listQuery(CI_SORTS).extend(CiFilters);
export const CiPage = page(CiSchema)
  .extend({
    /** True when `total` stopped counting at its cap (10,000): there are at least that many. Both are on the first page only. */
    totalCapped: z.boolean().optional(),
  })
  .meta({ id: 'CiPage' });
export const CiExportQuery = CiListQuery.omit({ limit: true, cursor: true }).extend({
  format: FileFormat.default('xlsx'),
  /** CSV only: `gb18030` for old versions of Excel that read CSV as GBK. */
  encoding: z.enum(['utf-8', 'gb18030']).default('utf-8'),
});
