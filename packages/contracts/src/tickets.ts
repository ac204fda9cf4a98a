import { z } from 'zod';
import {
  ACTOR_RELATIONS,
  DESK_TICKET_KINDS,
  PENDING_REASONS,
  STATE_CATEGORIES,
  TICKET_CHANNELS,
  TICKET_KINDS,
} from '@opsdesk/domain';
import { Name, QueryBool, Timestamp, listQuery, page } from './common.js';
import { defineRules } from './messages.js';
import { defineNotificationKinds } from './notifications.js';

defineRules({
  'rule.notAContactOfCustomer': {
    'zh-CN': '报障人须为该项目客户的联系人',
    en: "The requester must be a contact of the project's customer",
  },
  'rule.notProjectStaff': { 'zh-CN': '处理人须为该项目的成员', en: 'The assignee must work on the project' },
  'rule.categoryOfOtherProject': {
    'zh-CN': '分类不属于该项目',
    en: 'The category belongs to another project',
  },
  'rule.ticketOfOtherProject': {
    'zh-CN': '工单须属于同一项目',
    en: 'The ticket must be in the same project',
  },
  'rule.missingTransitionField': { 'zh-CN': '此操作需要填写该项', en: 'This action needs this field' },
  'rule.invalidTransitionField': {
    'zh-CN': '取值无效，可选：{allowed}',
    en: 'Invalid value; one of: {allowed}',
  },
  'rule.notYourTicket': { 'zh-CN': '只能以本人身份报障', en: 'Contacts raise tickets as themselves' },
  'rule.internalNotAllowed': { 'zh-CN': '无权添加内部备注', en: 'You cannot add internal notes' },
  'rule.mergeIntoSelf': { 'zh-CN': '不能合并到自身', en: 'A ticket cannot be merged into itself' },
  'rule.mergeTargetClosed': { 'zh-CN': '目标工单已关闭', en: 'The target ticket is closed' },
  'rule.parentCycle': { 'zh-CN': '父子关系不能成环', en: 'Parent and child links cannot form a cycle' },
  'rule.groupNotFound': { 'zh-CN': '处理组不存在', en: 'The group does not exist' },
});

defineNotificationKinds({
  'ticket.assigned': {
    'zh-CN': '工单 {number}「{title}」已分派给您',
    en: 'Ticket {number} "{title}" was assigned to you',
  },
  'ticket.groupAssigned': {
    'zh-CN': '工单 {number}「{title}」已分派到您的处理组',
    en: 'Ticket {number} "{title}" was routed to your group',
  },
  'ticket.reply': {
    'zh-CN': '工单 {number}「{title}」有新回复（{author}）',
    en: 'New reply on ticket {number} "{title}" ({author})',
  },
  'ticket.resolved': {
    'zh-CN': '工单 {number}「{title}」已解决，请确认',
    en: 'Ticket {number} "{title}" was resolved; please confirm',
  },
  'ticket.reopened': {
    'zh-CN': '工单 {number}「{title}」已被重新打开',
    en: 'Ticket {number} "{title}" was reopened',
  },
  'sla.escalation': {
    'zh-CN': '工单 {number}「{title}」的{metricLabel}已用去 {threshold}%（截止 {due}）',
    en: 'Ticket {number} "{title}": {metricLabel} {threshold}% used (due {due})',
  },
  'sla.breached': {
    'zh-CN': '工单 {number}「{title}」的{metricLabel}已超时',
    en: 'Ticket {number} "{title}": {metricLabel} breached',
  },
  'ticket.emergencyPlan': {
    'zh-CN': '工单 {number}「{title}」系统瘫痪已超过 12 小时未解决，请在 {due} 前提交应急方案',
    en: 'Ticket {number} "{title}": business stopped for 12 hours; an emergency plan is due by {due}',
  },
});

export const TicketKindSchema = z.enum(TICKET_KINDS);
export const TicketChannelSchema = z.enum(TICKET_CHANNELS);
const Level = z.number().int().min(1).max(4);
const Tag = z.string().trim().min(1).max(40);
const Markdown = (max: number) => z.string().max(max);

export const PersonRef = z.object({ id: z.uuid(), displayName: z.string() });
export const TicketRef = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  state: z.string(),
  stateCategory: z.enum(STATE_CATEGORIES),
});

export const TicketAbilitiesSchema = z.object({
  update: z.boolean(),
  reply: z.boolean(),
  internalNotes: z.boolean(),
  assign: z.boolean(),
  merge: z.boolean(),
  link: z.boolean(),
  manageWatchers: z.boolean(),
  rate: z.boolean(),
  attach: z.boolean(),
});

/** An action the caller may take now, with the fields it needs (for the form). */
export const TicketActionSchema = z.object({
  action: z.string(),
  to: z.string(),
  label: z.string(),
  requiredFields: z.array(
    z.object({ name: z.string(), type: z.string(), values: z.array(z.string()).optional() }),
  ),
});

const TicketBase = {
  id: z.uuid(),
  number: z.string(),
  kind: TicketKindSchema,
  projectId: z.uuid(),
  requester: PersonRef.nullable(),
  channel: TicketChannelSchema,
  category: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  impact: Level,
  urgency: Level,
  priority: Level,
  businessStopped: z.boolean(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  stateCategory: z.enum(STATE_CATEGORIES),
  pendingReason: z.string().nullable(),
  group: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  assignee: PersonRef.nullable(),
  tags: z.array(z.string()),
  slaDueAt: Timestamp.nullable(),
  slaBreached: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const TicketListItemSchema = z.object(TicketBase).meta({ id: 'TicketListItem' });
export type TicketListItem = z.infer<typeof TicketListItemSchema>;

export const TicketSchema = z
  .object({
    ...TicketBase,
    /** Markdown source as written. */
    description: z.string(),
    /** The description rendered to HTML and sanitised (safe to insert). */
    descriptionHtml: z.string(),
    parent: TicketRef.nullable(),
    children: z.array(TicketRef),
    mergedInto: TicketRef.nullable(),
    links: z.array(z.object({ id: z.uuid(), type: z.enum(['related', 'duplicate']), ticket: TicketRef })),
    watchers: z.array(PersonRef),
    resolutionCode: z.string().nullable(),
    resolutionText: z.string().nullable(),
    respondedAt: Timestamp.nullable(),
    resolvedAt: Timestamp.nullable(),
    closedAt: Timestamp.nullable(),
    satisfaction: z
      .object({ rating: z.number().int(), comment: z.string().nullable(), ratedAt: Timestamp })
      .nullable(),
    /** The caller's relations to the ticket (lifecycle roles). */
    relations: z.array(z.enum(ACTOR_RELATIONS)),
    actions: z.array(TicketActionSchema),
    abilities: TicketAbilitiesSchema,
  })
  .meta({ id: 'Ticket' });
export type Ticket = z.infer<typeof TicketSchema>;

export const TicketCreateSchema = z.strictObject({
  kind: z.enum(DESK_TICKET_KINDS).default('incident'),
  projectId: z.uuid(),
  title: Name(300),
  description: Markdown(50_000).default(''),
  /** Default: `portal` for customer contacts, `phone` for staff. */
  channel: TicketChannelSchema.optional(),
  /** Staff name the contact who called; a contact raises as themselves. */
  requesterId: z.uuid().nullish(),
  categoryId: z.uuid().nullish(),
  impact: Level.default(3),
  urgency: Level.default(3),
  /** 系统瘫痪，业务系统不能运转. */
  businessStopped: z.boolean().default(false),
  tags: z.array(Tag).max(20).default([]),
  parentId: z.uuid().nullish(),
  /** Staff only; otherwise routing rules pick the group. */
  groupId: z.uuid().nullish(),
  assigneeId: z.uuid().nullish(),
  watcherIds: z.array(z.uuid()).max(50).default([]),
});
export type TicketCreate = z.input<typeof TicketCreateSchema>;

export const TicketUpdateSchema = z.strictObject({
  title: Name(300).optional(),
  description: Markdown(50_000).optional(),
  categoryId: z.uuid().nullable().optional(),
  impact: Level.optional(),
  urgency: Level.optional(),
  businessStopped: z.boolean().optional(),
  tags: z.array(Tag).max(20).optional(),
  parentId: z.uuid().nullable().optional(),
  groupId: z.uuid().nullable().optional(),
  requesterId: z.uuid().nullable().optional(),
});

export const TICKET_QUEUES = ['mine', 'my_groups', 'unassigned', 'breaching_soon', 'all'] as const;
const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(400)
    .transform((s) => s.split(',').filter((x) => x !== ''))
    .pipe(z.array(z.enum(values)).max(values.length));

export const TicketListQuery = listQuery(['createdAt', 'updatedAt', 'priority', 'slaDueAt']).extend({
  queue: z.enum(TICKET_QUEUES).optional(),
  /** For `breaching_soon`: due within this many minutes (default 120). */
  withinMinutes: z.coerce.number().int().min(1).max(100_000).optional(),
  projectId: z.uuid().optional(),
  kind: csv(TICKET_KINDS).optional(),
  state: z.string().max(40).optional(),
  stateCategory: csv(STATE_CATEGORIES).optional(),
  /** Not resolved and not final. */
  open: QueryBool.optional(),
  priority: z.coerce.number().int().min(1).max(4).optional(),
  assigneeId: z.uuid().optional(),
  groupId: z.uuid().optional(),
  requesterId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  channel: TicketChannelSchema.optional(),
  businessStopped: QueryBool.optional(),
  breached: QueryBool.optional(),
  tag: Tag.optional(),
  createdFrom: Timestamp.optional(),
  createdTo: Timestamp.optional(),
});
export type TicketListQueryInput = z.input<typeof TicketListQuery>;
export const TicketPage = page(TicketListItemSchema);

/** Body of every action: the fields its transition asks for (see the ticket's `actions`), all optional here so the lifecycle names what is missing. */
export const TransitionBodySchema = z.strictObject({
  assigneeId: z.string().max(64).optional(),
  groupId: z.uuid().nullable().optional(),
  reason: z.string().trim().max(2000).optional(),
  pendingReason: z.string().max(40).optional(),
  resolutionCode: z.string().max(40).optional(),
  resolutionText: z.string().max(20_000).optional(),
  reopenReason: z.string().max(2000).optional(),
  cancelReason: z.string().max(2000).optional(),
  answerText: z.string().max(20_000).optional(),
});
export const ActionParams = z.strictObject({ id: z.uuid(), action: z.string().min(1).max(40) });
export { PENDING_REASONS };

export const CommentSchema = z
  .object({
    id: z.uuid(),
    visibility: z.enum(['public', 'internal']),
    body: z.string(),
    bodyHtml: z.string(),
    timeSpentMinutes: z.number().int().nullable(),
    author: PersonRef.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'TicketComment' });
export const CommentCreateSchema = z.strictObject({
  visibility: z.enum(['public', 'internal']).default('public'),
  body: Markdown(20_000).refine((s) => s.trim().length > 0, { message: 'rule.required' }),
  timeSpentMinutes: z.number().int().min(0).max(10_000).optional(),
});
export const CommentList = z.object({ items: z.array(CommentSchema) });

export const TicketEventSchema = z.object({
  id: z.uuid(),
  at: Timestamp,
  actor: z.object({ id: z.uuid().nullable(), name: z.string().nullable() }),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export const TicketHistory = z.object({ items: z.array(TicketEventSchema) });

export const WatcherCreateSchema = z.strictObject({ userId: z.uuid() });
export const WatcherParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });
export const LinkCreateSchema = z.strictObject({
  otherId: z.uuid(),
  type: z.enum(['related', 'duplicate']).default('related'),
});
export const LinkParams = z.strictObject({ id: z.uuid(), linkId: z.uuid() });
export const MergeSchema = z.strictObject({
  targetId: z.uuid(),
  reason: z.string().trim().max(2000).optional(),
});
export const RatingSchema = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});

export const BulkAssignSchema = z.strictObject({
  ticketIds: z.array(z.uuid()).min(1).max(100),
  assigneeId: z.uuid(),
  reason: z.string().trim().max(2000).optional(),
});
export const BulkAssignResult = z.object({
  items: z.array(z.object({ id: z.uuid(), ok: z.boolean(), code: z.string().optional() })),
});

export const TicketViewSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    query: z.record(z.string(), z.string()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'TicketView' });
export const TicketViewCreateSchema = z.strictObject({
  name: Name(100),
  /** The list query as URL parameters (validated against the ticket list's filters). */
  query: z
    .record(z.string().max(40), z.string().max(400))
    .refine((q) => TicketListQuery.safeParse(q).success && !('cursor' in q), {
      message: 'rule.invalidValue',
    }),
});
export const TicketViewUpdateSchema = TicketViewCreateSchema.partial();
export const TicketViewList = z.object({ items: z.array(TicketViewSchema) });

export const AvailabilitySchema = z.object({
  away: z.boolean(),
  awayUntil: Timestamp.nullable(),
  note: z.string().nullable(),
});
export const AvailabilityPutSchema = z.strictObject({
  away: z.boolean(),
  awayUntil: Timestamp.nullish().transform((v) => v ?? null),
  note: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v || null),
});

export const RequesterLookupQuery = z.strictObject({
  q: z.string().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const RequesterList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      displayName: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
});
