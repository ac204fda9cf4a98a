import { z } from 'zod';
import { CI_STATUSES, RELATION_TYPES } from '@opsdesk/domain';
import { DateOnly, OptionalText, Timestamp, listQuery, page } from '../common.js';
import { CiSchema } from './cis.js';
import { CiTypeRefSchema } from './types.js';

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
