import { z } from 'zod';
import { SERVICE_MODES, SERVICE_MODE_VARIANTS } from '@opsdesk/domain';
import { DateOnly, Name, OptionalText, Timestamp } from '../common.js';
import { ModeImplicationsSchema, ModeSuggestionSchema } from './service-modes.js';

const Person = z.object({ id: z.uuid(), displayName: z.string() }).nullable();
export const HANDOVER_STANDINGS = ['upcoming', 'in_window', 'overdue', 'decided'] as const;

export const HandoverSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    projectCode: z.string(),
    projectName: z.string(),
    plannedDate: DateOnly,
    /** T−30: when the regional manager starts learning the project. */
    startDate: DateOnly,
    standing: z.enum(HANDOVER_STANDINGS),
    regionalManager: Person,
    divisionManager: Person,
    /** 分/子公司服务主管: decides on the customer manager. */
    serviceLead: Person,
    customerManager: Person,
    /** What the rules suggest now (before a decision) or suggested when the mode was decided. */
    suggestion: ModeSuggestionSchema.shape.suggestion,
    decision: z
      .object({
        mode: z.enum(SERVICE_MODES),
        variant: z.enum(SERVICE_MODE_VARIANTS),
        implies: ModeImplicationsSchema,
        suggestedRuleKey: z.string().nullable(),
        /** The chosen mode differs from the suggestion. */
        overridesSuggestion: z.boolean(),
        decidedBy: Person,
        decidedAt: Timestamp,
        reason: z.string(),
      })
      .nullable(),
    subcontractorDecision: z
      .object({ needed: z.boolean(), decidedBy: Person, decidedAt: Timestamp, reason: z.string() })
      .nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: z.object({
      update: z.boolean(),
      decideMode: z.boolean(),
      assignCustomerManager: z.boolean(),
      decideSubcontractor: z.boolean(),
    }),
  })
  .meta({ id: 'Handover' });
export type Handover = z.infer<typeof HandoverSchema>;

const people = {
  /** Default: the one staff user managing the project's region. */
  regionalManagerId: z.uuid().nullish(),
  /** Default: the one staff user managing the project's division. */
  divisionManagerId: z.uuid().nullish(),
  serviceLeadId: z.uuid().nullish(),
};
export const HandoverCreateSchema = z.strictObject({ plannedDate: DateOnly, ...people });
export const HandoverUpdateSchema = z.strictObject({ plannedDate: DateOnly.optional(), ...people });

export const ModeDecisionSchema = z.strictObject({
  mode: z.enum(SERVICE_MODES),
  variant: z.enum(SERVICE_MODE_VARIANTS),
  /** Why (required: the procedure records who decided and why). */
  reason: Name(2000),
});
export const CustomerManagerAssignSchema = z.strictObject({ userId: z.uuid(), note: OptionalText(2000) });
export const SubcontractorDecisionSchema = z.strictObject({ needed: z.boolean(), reason: Name(2000) });

export const HANDOVER_VIEWS = ['starting', 'overdue', 'missing_customer_manager'] as const;
export const HandoverViewQuery = z.strictObject({
  view: z.enum(HANDOVER_VIEWS),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const HandoverViewItemSchema = z
  .object({
    projectId: z.uuid(),
    projectCode: z.string(),
    projectName: z.string(),
    customerName: z.string(),
    region: z.string().nullable(),
    division: z.string().nullable(),
    handoverId: z.uuid().nullable(),
    plannedDate: DateOnly.nullable(),
    startDate: DateOnly.nullable(),
    standing: z.enum(HANDOVER_STANDINGS).nullable(),
    suggestion: ModeSuggestionSchema.shape.suggestion,
    decision: z.object({ mode: z.enum(SERVICE_MODES), variant: z.enum(SERVICE_MODE_VARIANTS) }).nullable(),
  })
  .meta({ id: 'HandoverViewItem' });
export const HandoverViewList = z.object({ items: z.array(HandoverViewItemSchema) });
