import { z } from 'zod';
import { ATTRIBUTE_KINDS, CI_CATEGORIES, KEY_PATTERN } from '@opsdesk/domain';
import type { CiStatus } from '@opsdesk/domain';
import { Timestamp, listQuery, page } from '../common.js';
import type { Messages } from '../i18n.js';

// ── Labels shared by the API, templates and the UI ──────────────────────────
export {
  ATTRIBUTE_KINDS,
  CI_CATEGORIES,
  CI_STATUSES,
  RELATION_TYPES,
  RELATION_RULES,
  SYSTEM_CI_TYPES,
} from '@opsdesk/domain';
export type { AttributeDef, AttributeKind, CiCategory, CiStatus, RelationType } from '@opsdesk/domain';

export const CI_STATUS_LABELS: Record<CiStatus, Messages> = {
  planned: { 'zh-CN': '计划中', en: 'Planned' },
  in_use: { 'zh-CN': '在用', en: 'In use' },
  maintenance: { 'zh-CN': '维护中', en: 'Under maintenance' },
  faulty: { 'zh-CN': '故障', en: 'Faulty' },
  retired: { 'zh-CN': '已退役', en: 'Retired' },
};

/** The common CI fields of import files and exports, in column order, with their headers. */
export const CI_FIELD_COLUMNS = [
  { field: 'name', label: { 'zh-CN': '名称', en: 'Name' }, required: true },
  { field: 'status', label: { 'zh-CN': '状态', en: 'Status' }, required: false },
  { field: 'serialNo', label: { 'zh-CN': '序列号', en: 'Serial number' }, required: false },
  { field: 'assetTag', label: { 'zh-CN': '资产编号', en: 'Asset tag' }, required: false },
  { field: 'vendor', label: { 'zh-CN': '厂商', en: 'Vendor' }, required: false },
  { field: 'model', label: { 'zh-CN': '型号', en: 'Model' }, required: false },
  { field: 'owner', label: { 'zh-CN': '负责人', en: 'Owner' }, required: false },
  { field: 'site', label: { 'zh-CN': '站点', en: 'Site' }, required: false },
  { field: 'tags', label: { 'zh-CN': '标签', en: 'Tags' }, required: false },
  { field: 'purchaseDate', label: { 'zh-CN': '采购日期', en: 'Purchase date' }, required: false },
  { field: 'price', label: { 'zh-CN': '价格（元）', en: 'Price (CNY)' }, required: false },
  { field: 'warrantyEnd', label: { 'zh-CN': '保修截止日期', en: 'Warranty end' }, required: false },
  { field: 'supportContract', label: { 'zh-CN': '维保合同', en: 'Support contract' }, required: false },
  { field: 'supplier', label: { 'zh-CN': '供应商', en: 'Supplier' }, required: false },
  { field: 'description', label: { 'zh-CN': '描述', en: 'Description' }, required: false },
] as const satisfies readonly { field: string; label: Messages; required: boolean }[];
export type CiFieldColumn = (typeof CI_FIELD_COLUMNS)[number]['field'];

// ── CI types ────────────────────────────────────────────────────────────────
const LabelSchema = z.object({ 'zh-CN': z.string(), en: z.string() });
const LabelInput = z.strictObject({
  'zh-CN': z.string().trim().min(1).max(100),
  en: z.string().trim().min(1).max(100),
});
const TypeKey = z.string().regex(KEY_PATTERN, { message: 'rule.ciType.bad_key' });

const EnumOptionSchema = z.object({ value: z.string(), label: LabelSchema });
export const AttributeDefSchema = z
  .object({
    key: z.string(),
    label: LabelSchema,
    kind: z.enum(ATTRIBUTE_KINDS),
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    unit: z.string().nullish(),
    min: z.number().nullish(),
    max: z.number().nullish(),
    maxLength: z.number().int().nullish(),
    options: z.array(EnumOptionSchema).optional(),
    refTypes: z.array(z.string()).optional(),
    system: z.boolean().optional(),
  })
  .meta({ id: 'CiAttributeDef' });

export const AttributeDefInput = z.strictObject({
  key: TypeKey,
  label: LabelInput,
  kind: z.enum(ATTRIBUTE_KINDS),
  required: z.boolean().optional(),
  unique: z.boolean().optional(),
  unit: z.string().trim().max(20).nullish(),
  min: z.number().nullish(),
  max: z.number().nullish(),
  maxLength: z.number().int().min(1).max(4000).nullish(),
  options: z
    .array(z.strictObject({ value: z.string().trim().min(1).max(60), label: LabelInput }))
    .max(200)
    .optional(),
  refTypes: z.array(TypeKey).max(50).optional(),
});

export const CiTypeSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    label: LabelSchema,
    category: z.enum(CI_CATEGORIES),
    system: z.boolean(),
    sortOrder: z.number().int(),
    version: z.number().int(),
    attributes: z.array(AttributeDefSchema),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'CiType' });
export type CiType = z.infer<typeof CiTypeSchema>;

export const CiTypeCreateSchema = z.strictObject({
  key: TypeKey,
  label: LabelInput,
  category: z.enum(CI_CATEGORIES).default('other'),
  sortOrder: z.number().int().min(0).max(100000).default(1000),
  attributes: z.array(AttributeDefInput).max(200).default([]),
});
export type CiTypeCreate = z.input<typeof CiTypeCreateSchema>;
export const CiTypeUpdateSchema = z.strictObject({
  label: LabelInput.optional(),
  category: z.enum(CI_CATEGORIES).optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
  attributes: z.array(AttributeDefInput).max(200).optional(),
});
export type CiTypeUpdate = z.input<typeof CiTypeUpdateSchema>;
export const CiTypeListQuery = listQuery(['sortOrder', 'key']).extend({
  category: z.enum(CI_CATEGORIES).optional(),
});
export const CiTypePage = page(CiTypeSchema);
export const FileFormat = z.enum(['xlsx', 'csv']);
export const CiTemplateQuery = z.strictObject({ format: FileFormat.default('xlsx') });

/** A CI's type as lists, graphs and statistics name it. */
export const CiTypeRefSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  label: LabelSchema,
  category: z.enum(CI_CATEGORIES),
});
