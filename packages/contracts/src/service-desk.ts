import { z } from 'zod';
import { TICKET_CHANNELS, TICKET_KINDS } from '@opsdesk/domain';
import { Name, Timestamp } from './common.js';
import { defineRules } from './messages.js';

// Per-project configuration of the service desk: categories, priority matrix and service hours,
// routing rules, SLA policies, breaches and the tasks the SLA rules raise; and the mail settings.

defineRules({
  'rule.matrixNotMonotone': {
    'zh-CN': '优先级矩阵须单调：影响越大或越紧急，优先级不能越低',
    en: 'The matrix must be monotone',
  },
  'rule.categoryInUse': { 'zh-CN': '该分类下还有子分类', en: 'This category has subcategories' },
  'rule.categoryCycle': { 'zh-CN': '分类不能成为自己的下级', en: 'A category cannot sit under itself' },
  'rule.calendarNotUsable': {
    'zh-CN': '日历不存在或不属于该项目',
    en: "The calendar does not exist or is another project's",
  },
  'rule.teamNotFound': { 'zh-CN': '处理组不存在', en: 'The group does not exist' },
  'rule.noTargets': {
    'zh-CN': '至少为一个优先级设置响应或解决时限',
    en: 'Set a response or resolution target for at least one priority',
  },
});

const Level = z.number().int().min(1).max(4);

// ── Categories ───────────────────────────────────────────────────────────────
export const TicketCategorySchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    parentId: z.uuid().nullable(),
    name: z.string(),
    position: z.number().int(),
    active: z.boolean(),
  })
  .meta({ id: 'TicketCategory' });
export const TicketCategoryList = z.object({ items: z.array(TicketCategorySchema) });
export const TicketCategoryCreateSchema = z.strictObject({
  parentId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  name: Name(100),
  position: z.number().int().min(0).max(10_000).default(0),
});
export const TicketCategoryUpdateSchema = z.strictObject({
  parentId: z.uuid().nullable().optional(),
  name: Name(100).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});

// ── Desk settings: priority matrix and service hours ─────────────────────────
export const PriorityMatrixSchema = z.strictObject({
  /** `cells[impact-1][urgency-1]` is the priority (1 = P1). */
  cells: z.array(z.array(Level).length(4)).length(4),
  /** A business-stopped ticket gets at least this priority; null: the flag leaves priority alone. */
  businessStoppedPriority: Level.nullable(),
});
export const DeskSettingsSchema = z
  .object({
    projectId: z.uuid(),
    priorityMatrix: PriorityMatrixSchema,
    /** The project's service hours (e.g. 5×8 on site); a P1 outside them goes to whoever is on duty. */
    serviceCalendarId: z.uuid().nullable(),
    canUpdate: z.boolean(),
  })
  .meta({ id: 'ServiceDeskSettings' });
export const DeskSettingsPutSchema = z.strictObject({
  priorityMatrix: PriorityMatrixSchema.optional(),
  serviceCalendarId: z.uuid().nullable().optional(),
});

// ── Routing rules ────────────────────────────────────────────────────────────
export const RoutingRuleSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    name: z.string(),
    position: z.number().int(),
    kinds: z.array(z.enum(TICKET_KINDS)),
    categoryId: z.uuid().nullable(),
    channels: z.array(z.enum(TICKET_CHANNELS)),
    keywords: z.array(z.string()),
    businessStopped: z.boolean().nullable(),
    groupId: z.uuid(),
    active: z.boolean(),
  })
  .meta({ id: 'RoutingRule' });
export const RoutingRuleList = z.object({ items: z.array(RoutingRuleSchema) });
const RuleFields = {
  name: Name(100),
  position: z.number().int().min(0).max(10_000),
  kinds: z.array(z.enum(TICKET_KINDS)).max(6),
  categoryId: z.uuid().nullable(),
  channels: z.array(z.enum(TICKET_CHANNELS)).max(5),
  keywords: z.array(z.string().trim().min(1).max(60)).max(30),
  businessStopped: z.boolean().nullable(),
  groupId: z.uuid(),
  active: z.boolean(),
};
export const RoutingRuleCreateSchema = z.strictObject({
  name: RuleFields.name,
  position: RuleFields.position.default(0),
  kinds: RuleFields.kinds.default([]),
  categoryId: RuleFields.categoryId.default(null),
  channels: RuleFields.channels.default([]),
  keywords: RuleFields.keywords.default([]),
  businessStopped: RuleFields.businessStopped.default(null),
  groupId: RuleFields.groupId,
  active: RuleFields.active.default(true),
});
export const RoutingRuleUpdateSchema = z.strictObject(
  Object.fromEntries(Object.entries(RuleFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof RuleFields]: z.ZodOptional<(typeof RuleFields)[K]>;
  },
);

// ── SLA policies ─────────────────────────────────────────────────────────────
const Minutes = z.number().int().min(1).max(525_600).nullable();
export const SlaTargetsSchema = z.strictObject({
  1: z.strictObject({ response: Minutes, resolution: Minutes }).optional(),
  2: z.strictObject({ response: Minutes, resolution: Minutes }).optional(),
  3: z.strictObject({ response: Minutes, resolution: Minutes }).optional(),
  4: z.strictObject({ response: Minutes, resolution: Minutes }).optional(),
});
export const ESCALATION_NOTIFY = ['assignee', 'group_lead', 'project_manager'] as const;
export const EscalationStepSchema = z.strictObject({
  /** Percent of the target used (100 = due; above 100 for steps after the breach). */
  threshold: z.number().int().min(1).max(1000),
  notify: z.array(z.enum(ESCALATION_NOTIFY)).max(3).default(['assignee', 'group_lead', 'project_manager']),
  /** Move the ticket to this group (and unassign it). */
  reassignGroupId: z.uuid().nullable().default(null),
  /** Raise the priority by one level (P3 → P2), not above P1. */
  raisePriority: z.boolean().default(false),
});
export const DEFAULT_ESCALATION_STEPS = [50, 80, 100].map((threshold) => ({
  threshold,
  notify: [...ESCALATION_NOTIFY],
  reassignGroupId: null,
  raisePriority: false,
}));
export const SlaPolicySchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    name: z.string(),
    kind: z.enum(TICKET_KINDS).nullable(),
    categoryId: z.uuid().nullable(),
    calendarId: z.uuid(),
    targets: SlaTargetsSchema,
    escalations: z.array(EscalationStepSchema),
    active: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'SlaPolicy' });
export const SlaPolicyList = z.object({ items: z.array(SlaPolicySchema) });
export const SlaPolicyCreateSchema = z.strictObject({
  name: Name(100),
  kind: z
    .enum(TICKET_KINDS)
    .nullish()
    .transform((v) => v ?? null),
  categoryId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  calendarId: z.uuid(),
  targets: SlaTargetsSchema,
  escalations: z.array(EscalationStepSchema).max(10).default(DEFAULT_ESCALATION_STEPS),
  active: z.boolean().default(true),
});
export const SlaPolicyUpdateSchema = z.strictObject({
  name: Name(100).optional(),
  calendarId: z.uuid().optional(),
  targets: SlaTargetsSchema.optional(),
  escalations: z.array(EscalationStepSchema).max(10).optional(),
  active: z.boolean().optional(),
});

// ── Clocks and breaches ──────────────────────────────────────────────────────
/** `arrival`: a work order's on-site arrival clock (dispatch → check-in, docs/decisions/0400). */
export const SLA_METRICS = ['response', 'resolution', 'arrival'] as const;
export const ExplainedIntervalSchema = z.object({
  kind: z.enum(['working', 'non_working', 'paused']),
  start: Timestamp,
  end: Timestamp,
  /** Business minutes for `working`; wall-clock minutes otherwise. */
  minutes: z.number(),
  reason: z.string().optional(),
  /** For `paused`: the working minutes the pause held back. */
  workingMinutes: z.number().optional(),
});
export const SlaClockSchema = z
  .object({
    metric: z.enum(SLA_METRICS),
    state: z.enum(['not_started', 'running', 'paused', 'met', 'breached']),
    phase: z.enum(['not_started', 'running', 'paused', 'stopped']),
    targetMinutes: z.number().int(),
    elapsedMinutes: z.number(),
    remainingMinutes: z.number(),
    percentUsed: z.number(),
    dueAt: Timestamp.nullable(),
    breachedAt: Timestamp.nullable(),
    pauseReason: z.string().nullable(),
    calendar: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }),
    from: Timestamp.nullable(),
    to: Timestamp.nullable(),
    /** Working, non-working and paused stretches from start to stop or now; the working ones sum to `elapsedMinutes`. */
    intervals: z.array(ExplainedIntervalSchema),
    escalations: z.array(z.object({ threshold: z.number().int(), crossedAt: Timestamp, firedAt: Timestamp })),
  })
  .meta({ id: 'SlaClock' });
export const TicketSlaSchema = z
  .object({ ticketId: z.uuid(), now: Timestamp, clocks: z.array(SlaClockSchema) })
  .meta({ id: 'TicketSla' });

export const BREACH_REASONS = [
  'customer_delay',
  'vendor_delay',
  'spare_parts',
  'misclassified',
  'staffing',
  'out_of_hours',
  'other',
] as const;
export const SlaBreachSchema = z
  .object({
    id: z.uuid(),
    ticketId: z.uuid(),
    ticketNumber: z.string(),
    ticketTitle: z.string(),
    metric: z.enum(SLA_METRICS),
    breachedAt: Timestamp,
    reasonCode: z.enum(BREACH_REASONS).nullable(),
    reasonText: z.string().nullable(),
    reasonAt: Timestamp.nullable(),
    canExplain: z.boolean(),
  })
  .meta({ id: 'SlaBreach' });
export const SlaBreachListQuery = z.strictObject({
  unexplained: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const SlaBreachPage = z.object({ items: z.array(SlaBreachSchema), nextCursor: z.string().nullable() });
export const BreachReasonSchema = z.strictObject({
  reasonCode: z.enum(BREACH_REASONS),
  reasonText: z.string().trim().max(2000).optional(),
});

// ── Tasks raised by the SLA rules ────────────────────────────────────────────
export const TicketTaskSchema = z
  .object({
    id: z.uuid(),
    ticketId: z.uuid(),
    ticketNumber: z.string(),
    projectId: z.uuid(),
    type: z.enum(['emergency_plan']),
    assigneeId: z.uuid().nullable(),
    dueAt: Timestamp,
    status: z.enum(['open', 'done']),
    note: z.string().nullable(),
    createdAt: Timestamp,
    doneAt: Timestamp.nullable(),
  })
  .meta({ id: 'TicketTask' });
export const TicketTaskList = z.object({ items: z.array(TicketTaskSchema) });
export const TicketTaskCompleteSchema = z.strictObject({ note: z.string().trim().min(1).max(4000) });

// ── Mail (SMTP) settings ─────────────────────────────────────────────────────
export const MailSettingsSchema = z
  .object({
    enabled: z.boolean(),
    host: z.string(),
    port: z.number().int(),
    secure: z.boolean(),
    username: z.string().nullable(),
    /** The password is never returned; this says whether one is stored. */
    passwordSet: z.boolean(),
    from: z.string(),
  })
  .meta({ id: 'MailSettings' });
export const MailSettingsPutSchema = z.strictObject({
  enabled: z.boolean(),
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65_535),
  secure: z.boolean().default(false),
  username: z
    .string()
    .trim()
    .max(255)
    .nullish()
    .transform((v) => v || null),
  /** Absent: keep the stored one; null: remove it. */
  password: z.string().max(255).nullable().optional(),
  from: z.email().max(255),
});
export const MailTestSchema = z.strictObject({ to: z.email().max(255) });
