import { z } from 'zod';
import { PHOTO_RULES } from '@opsdesk/domain';
import { QueryBool, Timestamp, listQuery, page } from '../common.js';
import { PersonRef } from '../tickets.js';
import { InspectionSeveritySchema, Key, LocalisedInput, LocalisedTextOut } from './inspection-shared.js';

// ── Templates ────────────────────────────────────────────────────────────────
const ReadingSpecInput = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('number'),
    unit: z.string().max(20),
    min: z.number().finite().nullish(),
    max: z.number().finite().nullish(),
  }),
  z.strictObject({ type: z.literal('boolean'), normal: z.boolean() }),
  z.strictObject({
    type: z.literal('choice'),
    options: z.array(z.strictObject({ value: Key, label: LocalisedInput })).max(30),
    normal: z.array(Key).max(30),
  }),
  z.strictObject({ type: z.literal('text'), required: z.boolean().optional() }),
]);
const ItemInput = z.strictObject({
  key: Key,
  ciTypeKey: z.string().max(40),
  title: LocalisedInput,
  method: LocalisedInput,
  reading: ReadingSpecInput,
  photo: z.enum(PHOTO_RULES).default('never'),
  severity: InspectionSeveritySchema,
});

export const ReadingSpecSchema = z.object({
  type: z.enum(['number', 'boolean', 'choice', 'text']),
  unit: z.string().optional(),
  min: z.number().nullish(),
  max: z.number().nullish(),
  normal: z.union([z.boolean(), z.array(z.string()).readonly()]).optional(),
  options: z
    .array(z.object({ value: z.string(), label: LocalisedTextOut }))
    .readonly()
    .optional(),
  required: z.boolean().optional(),
});
export const InspectionItemSchema = z
  .object({
    key: z.string(),
    ciTypeKey: z.string(),
    title: LocalisedTextOut,
    method: LocalisedTextOut,
    reading: ReadingSpecSchema,
    photo: z.enum(PHOTO_RULES),
    severity: InspectionSeveritySchema,
  })
  .meta({ id: 'InspectionItem' });

/** One frozen version of a template: what a task pins and results reference. */
export const InspectionTemplateVersionSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    name: LocalisedTextOut,
    items: z.array(InspectionItemSchema).readonly(),
    autoIncidentSeverities: z.array(InspectionSeveritySchema).readonly(),
  })
  .meta({ id: 'InspectionTemplateVersion' });

const TemplateAbilities = z.object({ update: z.boolean(), copy: z.boolean() });
const TemplateBase = {
  id: z.string(),
  version: z.number().int(),
  name: LocalisedTextOut,
  projectId: z.uuid().nullable(),
  builtIn: z.boolean(),
  copiedFrom: z.string().nullable(),
  archived: z.boolean(),
  /** The CI types the current version has items for. */
  ciTypeKeys: z.array(z.string()),
  itemCount: z.number().int(),
  updatedAt: Timestamp,
  abilities: TemplateAbilities,
};
export const InspectionTemplateListItemSchema = z
  .object(TemplateBase)
  .meta({ id: 'InspectionTemplateListItem' });
export const InspectionTemplateSchema = z
  .object({
    ...TemplateBase,
    items: z.array(InspectionItemSchema).readonly(),
    autoIncidentSeverities: z.array(InspectionSeveritySchema).readonly(),
    versions: z.array(
      z.object({ version: z.number().int(), createdAt: Timestamp, createdBy: PersonRef.nullable() }),
    ),
  })
  .meta({ id: 'InspectionTemplate' });
export const InspectionTemplatePage = page(InspectionTemplateListItemSchema);
export const InspectionTemplateListQuery = listQuery(['name', 'updatedAt']).extend({
  /** Templates usable in this project: every project's and the project's own. */
  projectId: z.uuid().optional(),
  ciTypeKey: z.string().max(40).optional(),
  includeArchived: QueryBool.optional(),
});
export const TemplateParams = z.strictObject({ id: z.string().min(1).max(64) });
export const TemplateVersionParams = z.strictObject({
  id: z.string().min(1).max(64),
  version: z.coerce.number().int().min(1).max(1_000_000),
});
export const InspectionTemplateCreateSchema = z.strictObject({
  /** Null or absent: a template for every project (the system admin's). */
  projectId: z.uuid().nullish(),
  name: LocalisedInput,
  items: z.array(ItemInput).max(500),
  autoIncidentSeverities: z.array(InspectionSeveritySchema).max(4).optional(),
});
/** A revision: what is left out stays; an unchanged form mints no version. */
export const InspectionTemplateReviseSchema = z.strictObject({
  name: LocalisedInput.optional(),
  items: z.array(ItemInput).max(500).optional(),
  autoIncidentSeverities: z.array(InspectionSeveritySchema).max(4).optional(),
});
export const InspectionTemplateCopySchema = z.strictObject({
  projectId: z.uuid().nullish(),
  name: LocalisedInput.optional(),
});
