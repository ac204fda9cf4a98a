import { z } from 'zod';
import { ATTRIBUTE_KINDS, CI_CATEGORIES, CI_STATUSES, KEY_PATTERN, RELATION_TYPES } from '@opsdesk/domain';
import type { CiStatus } from '@opsdesk/domain';
import { DateOnly, Name, OptionalText, QueryBool, Timestamp, listQuery, page } from './common.js';
import type { Messages } from './i18n.js';
import { defineRules } from './messages.js';
import { defineNotificationKinds } from './notifications.js';

// ── Messages ────────────────────────────────────────────────────────────────
defineRules({
  // Attribute values (codes of checkAttributes in @opsdesk/domain, as `rule.ci.<code>`)
  'rule.ci.required': { 'zh-CN': '必填', en: 'Required' },
  'rule.ci.unknown_attribute': { 'zh-CN': '该类型没有此属性', en: 'This type has no such attribute' },
  'rule.ci.not_text': { 'zh-CN': '应为文本', en: 'Must be text' },
  'rule.ci.too_long': { 'zh-CN': '最多 {max} 个字符', en: 'At most {max} characters' },
  'rule.ci.not_number': { 'zh-CN': '应为数字', en: 'Must be a number' },
  'rule.ci.not_integer': { 'zh-CN': '应为整数', en: 'Must be a whole number' },
  'rule.ci.below_min': { 'zh-CN': '不能小于 {min}', en: 'Must be at least {min}' },
  'rule.ci.above_max': { 'zh-CN': '不能大于 {max}', en: 'Must be at most {max}' },
  'rule.ci.not_date': { 'zh-CN': '应为日期（YYYY-MM-DD）', en: 'Must be a date (YYYY-MM-DD)' },
  'rule.ci.not_boolean': { 'zh-CN': '应为“是”或“否”', en: 'Must be yes or no' },
  'rule.ci.not_option': { 'zh-CN': '必须是以下之一：{options}', en: 'Must be one of: {options}' },
  'rule.ci.not_ip': { 'zh-CN': '不是有效的 IP 地址', en: 'Not a valid IP address' },
  'rule.ci.not_mac': { 'zh-CN': '不是有效的 MAC 地址', en: 'Not a valid MAC address' },
  'rule.ci.not_reference': { 'zh-CN': '应引用一个配置项', en: 'Must refer to a configuration item' },
  'rule.ci.referenceNotFound': {
    'zh-CN': '本项目中没有引用的配置项',
    en: 'No such configuration item in this project',
  },
  'rule.ci.referenceType': {
    'zh-CN': '引用的配置项类型不符（应为：{types}）',
    en: 'The referenced item has the wrong type (expected: {types})',
  },
  'rule.ci.referenceAmbiguous': {
    'zh-CN': '有多个配置项名为“{value}”，请填写其序列号',
    en: 'Several items are named "{value}"; use the serial number',
  },
  'rule.ci.ownerNotFound': { 'zh-CN': '找不到该负责人', en: 'No such owner' },
  'rule.ci.siteOfOtherCustomer': {
    'zh-CN': '该站点不属于本项目的客户',
    en: "This site does not belong to the project's customer",
  },
  'rule.ci.projectNotFound': { 'zh-CN': '项目不存在或无权访问', en: 'No such project' },
  'rule.ci.typeNotFound': { 'zh-CN': '配置项类型不存在', en: 'No such CI type' },
  'rule.ci.sameProject': {
    'zh-CN': '关系两端的配置项须属于同一项目',
    en: 'Both items of a relation must belong to one project',
  },
  'rule.ci.relationSelf': { 'zh-CN': '配置项不能与自身建立关系', en: 'An item cannot be related to itself' },
  'rule.ci.deleted': { 'zh-CN': '该配置项已删除', en: 'This item is deleted' },
  // Type definitions (codes of validateAttributeDefs / attributeChangeProblems, as `rule.ciType.<code>`)
  'rule.ciType.bad_key': {
    'zh-CN': '标识只能包含小写字母、数字和下划线，且以字母开头（最多 40 位）',
    en: 'A key has lower-case letters, digits and underscores, starting with a letter (at most 40)',
  },
  'rule.ciType.duplicate_key': { 'zh-CN': '属性标识重复', en: 'This attribute key is used twice' },
  'rule.ciType.blank_label': {
    'zh-CN': '中文和英文名称都必填',
    en: 'Both the Chinese and the English label are required',
  },
  'rule.ciType.unknown_kind': { 'zh-CN': '不支持的属性类型', en: 'Unknown attribute kind' },
  'rule.ciType.unit_for_non_number': { 'zh-CN': '只有数字属性可以有单位', en: 'Only numbers have a unit' },
  'rule.ciType.bounds_for_non_number': {
    'zh-CN': '只有数字属性可以设置范围',
    en: 'Only numbers have bounds',
  },
  'rule.ciType.min_above_max': { 'zh-CN': '最小值不能大于最大值', en: 'The minimum is above the maximum' },
  'rule.ciType.no_options': { 'zh-CN': '枚举属性至少需要一个选项', en: 'An enum needs at least one option' },
  'rule.ciType.duplicate_option': { 'zh-CN': '选项值重复', en: 'An option value is used twice' },
  'rule.ciType.options_for_non_enum': { 'zh-CN': '只有枚举属性可以有选项', en: 'Only enums have options' },
  'rule.ciType.ref_types_for_non_reference': {
    'zh-CN': '只有引用属性可以限定类型',
    en: 'Only references name types',
  },
  'rule.ciType.unknown_ref_type': { 'zh-CN': '引用了不存在的配置项类型', en: 'Refers to an unknown CI type' },
  'rule.ciType.unique_kind': {
    'zh-CN': '日期和是/否属性不能设为唯一',
    en: 'Dates and yes/no attributes cannot be unique',
  },
  'rule.ciType.too_many': { 'zh-CN': '属性过多（最多 100 个）', en: 'Too many attributes (at most 100)' },
  'rule.ciType.kind_changed': {
    'zh-CN': '已有属性不能改变类型，请新增一个属性',
    en: 'An existing attribute cannot change kind; add a new one',
  },
  'rule.ciType.system_attribute_removed': {
    'zh-CN': '内置属性不能删除',
    en: 'Built-in attributes cannot be removed',
  },
  'rule.ciType.uniqueConflict': {
    'zh-CN': '现有配置项中该属性有重复值（{value}），不能设为唯一',
    en: 'Existing items repeat this value ({value}); it cannot be unique',
  },
  // Imports
  'rule.import.unreadable': {
    'zh-CN': '无法读取文件（支持 .xlsx 和 .csv）',
    en: 'The file cannot be read (.xlsx and .csv are supported)',
  },
  'rule.import.noHeader': { 'zh-CN': '第一行应为表头', en: 'The first row must be the header' },
  'rule.import.missingColumn': {
    'zh-CN': '缺少必填列“{column}”',
    en: 'The required column "{column}" is missing',
  },
  'rule.import.unknownColumn': { 'zh-CN': '无法识别的列“{column}”', en: 'Unknown column "{column}"' },
  'rule.import.duplicateColumn': { 'zh-CN': '列“{column}”重复', en: 'The column "{column}" appears twice' },
  'rule.import.tooManyRows': { 'zh-CN': '最多导入 {max} 行', en: 'At most {max} rows can be imported' },
  'rule.import.duplicateInFile': { 'zh-CN': '与第 {row} 行是同一配置项', en: 'The same item as row {row}' },
  'rule.import.serialOtherType': {
    'zh-CN': '该序列号已被其他类型的配置项使用',
    en: 'This serial number belongs to an item of another type',
  },
  'rule.import.nameAmbiguous': {
    'zh-CN': '有多个同名配置项，请填写序列号',
    en: 'Several items have this name; give the serial number',
  },
  'rule.import.failed': { 'zh-CN': '写入失败：{reason}', en: 'Could not be written: {reason}' },
});

defineNotificationKinds({
  'cmdb.warrantyEnding': {
    'zh-CN': '{project}：{count} 个配置项的保修将在 {days} 天内到期（{names}）',
    en: '{project}: the warranty of {count} configuration items ends within {days} days ({names})',
  },
});

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

// ── CIs ─────────────────────────────────────────────────────────────────────
export const CiTypeRefSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  label: LabelSchema,
  category: z.enum(CI_CATEGORIES),
});
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

// ── Relations, graph and impact ─────────────────────────────────────────────
export const CiNodeSchema = z
  .object({ id: z.uuid(), name: z.string(), status: z.enum(CI_STATUSES), type: CiTypeRefSchema })
  .meta({ id: 'CiNode' });
export type CiNode = z.infer<typeof CiNodeSchema>;

export const CiRelationSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    type: z.enum(RELATION_TYPES),
    from: CiNodeSchema,
    to: CiNodeSchema,
    note: z.string().nullable(),
    createdAt: Timestamp,
    deletedAt: Timestamp.nullable(),
    abilities: z.object({ delete: z.boolean() }),
  })
  .meta({ id: 'CiRelation' });
export type CiRelation = z.infer<typeof CiRelationSchema>;
export const CiRelationCreateSchema = z
  .strictObject({
    fromCiId: z.uuid(),
    toCiId: z.uuid(),
    type: z.enum(RELATION_TYPES),
    note: OptionalText(500),
  })
  .refine((v) => v.fromCiId !== v.toCiId, { message: 'rule.ci.relationSelf', path: ['toCiId'] });
export type CiRelationCreate = z.input<typeof CiRelationCreateSchema>;
export const CiRelationListQuery = listQuery(['createdAt']).extend({
  ciId: z.uuid(),
  direction: z.enum(['out', 'in', 'both']).default('both'),
  type: z.enum(RELATION_TYPES).optional(),
});
export const CiRelationPage = page(CiRelationSchema);

export const CiGraphQuery = z.strictObject({ depth: z.coerce.number().int().min(1).max(6).default(2) });
export const CiGraphSchema = z
  .object({
    rootId: z.uuid(),
    depth: z.number().int(),
    nodes: z.array(CiNodeSchema.extend({ depth: z.number().int() })),
    edges: z.array(z.object({ id: z.uuid(), from: z.uuid(), to: z.uuid(), type: z.enum(RELATION_TYPES) })),
    /** The neighbourhood had more nodes than one answer holds (500). */
    truncated: z.boolean(),
  })
  .meta({ id: 'CiGraph' });

export const CiImpactQuery = z.strictObject({ depth: z.coerce.number().int().min(1).max(10).default(6) });
export const ImpactStepSchema = z.object({
  ciId: z.uuid(),
  relationId: z.uuid(),
  type: z.enum(RELATION_TYPES),
  /** `backward`: walked from the relation's `to` to its `from` (runs on, depends on …); `forward`: part of. */
  direction: z.enum(['forward', 'backward']),
});
export const CiImpactSchema = z
  .object({
    root: CiNodeSchema,
    depth: z.number().int(),
    /** Every CI an outage or change of the root would hit, nearest first, each with one shortest path. */
    items: z.array(z.object({ ci: CiNodeSchema, depth: z.number().int(), path: z.array(ImpactStepSchema) })),
    /** The business services among them. */
    businessServices: z.array(CiNodeSchema.extend({ depth: z.number().int() })),
    truncated: z.boolean(),
  })
  .meta({ id: 'CiImpact' });

// ── History ─────────────────────────────────────────────────────────────────
export const CI_HISTORY_ACTIONS = [
  'create',
  'update',
  'delete',
  'restore',
  'relation_add',
  'relation_remove',
] as const;
export const CiHistoryEntrySchema = z
  .object({
    id: z.number().int(),
    at: Timestamp,
    actor: z.object({ id: z.uuid().nullable(), name: z.string().nullable() }),
    action: z.enum(CI_HISTORY_ACTIONS),
    field: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    relationId: z.uuid().nullable(),
    importId: z.uuid().nullable(),
  })
  .meta({ id: 'CiHistoryEntry' });
export type CiHistoryEntry = z.infer<typeof CiHistoryEntrySchema>;
export const CiHistoryQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const CiHistoryPage = page(CiHistoryEntrySchema);
export const CiAsOfQuery = z.strictObject({ date: DateOnly });
export const CiAsOfSchema = z
  .object({
    /** The state at the end of this day (China time). */
    date: DateOnly,
    existed: z.boolean(),
    ci: CiSchema.nullable(),
    relations: z.array(CiRelationSchema),
  })
  .meta({ id: 'CiAsOf' });

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

// ── Tickets that name a CI (affected CIs) ───────────────────────────────────
export const CiTicketSchema = z
  .object({
    ticketId: z.uuid(),
    number: z.string(),
    title: z.string(),
    kind: z.string(),
    state: z.string(),
    stateCategory: z.string(),
    priority: z.number().int(),
    createdAt: Timestamp,
    /** When the CI was named on the ticket. */
    addedAt: Timestamp,
  })
  .meta({ id: 'CiTicket' });
export const CiTicketListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const CiTicketPage = page(CiTicketSchema);
export const CiTicketParams = z.strictObject({ id: z.uuid(), ticketId: z.uuid() });
