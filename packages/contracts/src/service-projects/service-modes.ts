import { z } from 'zod';
import { BOOLEAN_FACTS, SERVICE_MODES, SERVICE_MODE_VARIANTS } from '@opsdesk/domain';
import { Timestamp } from '../common.js';
import { LocalisedTextSchema } from './fields.js';

/** One test on a project's facts (see packages/domain/src/service-mode/rules.ts). */
export const ModeConditionSchema = z.discriminatedUnion('fact', [
  z.strictObject({ fact: z.enum(BOOLEAN_FACTS), op: z.literal('is'), value: z.boolean() }),
  z.strictObject({
    fact: z.enum(['businessLine', 'renewal']),
    op: z.literal('in'),
    values: z.array(z.string().trim().min(1).max(40)).min(1).max(20).readonly(),
  }),
  z.strictObject({
    fact: z.literal('contractValue'),
    op: z.enum(['gt', 'gte', 'lt', 'lte']),
    value: z.number().min(0).max(1e14),
  }),
]);

export const ModeImplicationsSchema = z.strictObject({
  customerManager: z.boolean(),
  subcontractor: z.boolean(),
  supplies: z.strictObject({ spares: z.boolean(), consumables: z.boolean(), repairCosts: z.boolean() }),
  qualityMonitoring: z.strictObject({
    periodicChecks: z.boolean(),
    onSiteReturnVisits: z.boolean(),
    phoneReturnVisits: z.boolean(),
    onSiteManagement: z.boolean(),
  }),
});

export const ServiceModeRuleSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    /** Rules are tried in this order; the first whose conditions all hold suggests the mode. */
    position: z.number().int(),
    mode: z.enum(SERVICE_MODES),
    variant: z.enum(SERVICE_MODE_VARIANTS),
    when: z.array(ModeConditionSchema),
    reason: z.object({ 'zh-CN': z.string(), en: z.string() }),
    implies: ModeImplicationsSchema,
    updatedAt: Timestamp,
    abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'ServiceModeRule' });
export type ServiceModeRuleDto = z.infer<typeof ServiceModeRuleSchema>;

const ruleFields = {
  key: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9_.-]+$/, { message: 'rule.invalidValue' }),
  mode: z.enum(SERVICE_MODES),
  variant: z.enum(SERVICE_MODE_VARIANTS),
  when: z.array(ModeConditionSchema).max(10),
  reason: LocalisedTextSchema,
  implies: ModeImplicationsSchema,
  /** 0-based place in the list; absent: at the end (create) or unchanged (update). */
  position: z.number().int().min(0).max(1000).optional(),
};
export const ServiceModeRuleCreateSchema = z.strictObject(ruleFields);
export const ServiceModeRuleUpdateSchema = z.strictObject(ruleFields).partial();
export const ServiceModeRuleList = z.object({ items: z.array(ServiceModeRuleSchema) });

export const ModeSuggestionSchema = z
  .object({
    projectId: z.uuid(),
    /** The day the facts are judged on: the handover date, else today. */
    asOf: z.string(),
    facts: z.object({
      businessLine: z.string(),
      contractValue: z.number(),
      inWarranty: z.boolean(),
      equipmentOurs: z.boolean(),
      software: z.boolean(),
      customerSelfMaintains: z.boolean(),
      renewal: z.string(),
      soldThroughReseller: z.boolean(),
    }),
    /** Facts the project does not record, taken at a stated default: the UI asks for them. */
    assumed: z.array(z.enum(['businessLine', 'contractValue', 'inWarranty', 'equipmentOurs'])),
    suggestion: z
      .object({
        mode: z.enum(SERVICE_MODES),
        variant: z.enum(SERVICE_MODE_VARIANTS),
        ruleKey: z.string(),
        reason: z.object({ 'zh-CN': z.string(), en: z.string() }),
        /** The reason in the caller's language. */
        reasonText: z.string(),
        implies: ModeImplicationsSchema,
      })
      .nullable(),
  })
  .meta({ id: 'ModeSuggestion' });
export type ModeSuggestion = z.infer<typeof ModeSuggestionSchema>;
