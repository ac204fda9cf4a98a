import { z } from 'zod';
import {
  CHECKLIST_PHASES,
  PHASE_ACTIONS,
  PROJECT_PHASES,
  PROJECT_TASK_STATUSES,
  RECURRENCES,
  STAFF_PROJECT_ROLES,
  TASK_CATEGORIES,
  TASK_PHASES,
  TEMPLATE_CATEGORIES,
} from '@opsdesk/domain';
import { DateOnly, IdParams, Name, OptionalText, Timestamp, listQuery, page } from '../common.js';
import { LocalisedTextSchema } from './fields.js';

// ── Phases ─────────────────────────────────────────────────────────────────
export const LifecycleSchema = z
  .object({
    projectId: z.uuid(),
    phase: z.enum(PROJECT_PHASES).nullable(),
    phaseChangedAt: Timestamp.nullable(),
    /** The actions possible now (for managers; empty for everyone else). */
    actions: z.array(z.enum(PHASE_ACTIONS)),
    counts: z.object({
      open: z.number().int(),
      overdue: z.number().int(),
      awaitingApproval: z.number().int(),
      done: z.number().int(),
    }),
    abilities: z.object({ manage: z.boolean() }),
  })
  .meta({ id: 'ProjectLifecycle' });
export const PhaseActionParams = z.strictObject({ id: z.uuid(), action: z.enum(PHASE_ACTIONS) });
export const PhaseActionBody = z.strictObject({ note: OptionalText(2000) });

// ── Tasks ──────────────────────────────────────────────────────────────────
const Person = z.object({ id: z.uuid(), displayName: z.string() }).nullable();
export const ProjectTaskSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    projectCode: z.string(),
    projectName: z.string(),
    phase: z.enum(TASK_PHASES),
    category: z.enum(TASK_CATEGORIES),
    templateKey: z.string().nullable(),
    /** `'YYYY-MM'` for a recurring item, else ''. */
    period: z.string(),
    title: z.object({ 'zh-CN': z.string(), en: z.string() }),
    /** The title in the caller's language. */
    titleText: z.string(),
    description: z.string().nullable(),
    owner: Person,
    dueDate: DateOnly,
    status: z.enum(PROJECT_TASK_STATUSES),
    /** Still to do and past its due date (Asia/Shanghai). */
    overdue: z.boolean(),
    completedBy: Person,
    completedAt: Timestamp.nullable(),
    approvedBy: Person,
    approvedAt: Timestamp.nullable(),
    attachmentCount: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: z.object({
      update: z.boolean(),
      complete: z.boolean(),
      reopen: z.boolean(),
      cancel: z.boolean(),
      submit: z.boolean(),
      approve: z.boolean(),
      reject: z.boolean(),
      comment: z.boolean(),
      attach: z.boolean(),
    }),
  })
  .meta({ id: 'ProjectTask' });
export type ProjectTask = z.infer<typeof ProjectTaskSchema>;

export const ProjectTaskListQuery = listQuery(['dueDate', 'createdAt']).extend({
  phase: z.enum(TASK_PHASES).optional(),
  category: z.enum(TASK_CATEGORIES).optional(),
  status: z.enum(PROJECT_TASK_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export const PROJECT_TASK_VIEWS = ['overdue', 'mine', 'awaiting_approval', 'due_soon'] as const;
export const ProjectTaskViewQuery = z.strictObject({
  view: z.enum(PROJECT_TASK_VIEWS),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const ProjectTaskPage = page(ProjectTaskSchema);

export const ProjectTaskCreateSchema = z.strictObject({
  phase: z.enum(TASK_PHASES),
  title: LocalisedTextSchema,
  description: OptionalText(4000),
  ownerId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  dueDate: DateOnly,
  /** An approval task is approved by the customer's approver in the portal. */
  approval: z.boolean().default(false),
});
export const ProjectTaskUpdateSchema = z.strictObject({
  title: LocalisedTextSchema.optional(),
  description: OptionalText(4000).optional(),
  ownerId: z.uuid().nullish(),
  dueDate: DateOnly.optional(),
});
export const TaskNoteSchema = z.strictObject({ comment: OptionalText(4000) });
export const TaskRejectSchema = z.strictObject({ comment: Name(4000) });
export const TaskCancelSchema = z.strictObject({ comment: Name(4000) });

export const TASK_COMMENT_KINDS = [
  'comment',
  'submitted',
  'approved',
  'rejected',
  'completed',
  'reopened',
  'cancelled',
] as const;
export const ProjectTaskCommentSchema = z
  .object({
    id: z.uuid(),
    taskId: z.uuid(),
    kind: z.enum(TASK_COMMENT_KINDS),
    body: z.string().nullable(),
    author: z.object({ id: z.uuid(), displayName: z.string(), kind: z.string() }).nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'ProjectTaskComment' });
export const ProjectTaskCommentList = z.object({ items: z.array(ProjectTaskCommentSchema) });
export const ProjectTaskCommentCreateSchema = z.strictObject({ body: Name(4000) });

// ── Checklist templates (admin) ────────────────────────────────────────────
export const ChecklistTemplateSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    phase: z.enum(CHECKLIST_PHASES),
    category: z.enum(TEMPLATE_CATEGORIES),
    title: z.object({ 'zh-CN': z.string(), en: z.string() }),
    description: z.string().nullable(),
    recurrence: z.enum(RECURRENCES),
    /** Start: days after the service start; monthly: days after the month's end; closing: days from the end date. */
    dueOffsetDays: z.number().int(),
    ownerRole: z.enum(STAFF_PROJECT_ROLES).nullable(),
    position: z.number().int(),
    active: z.boolean(),
    updatedAt: Timestamp,
    abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'ChecklistTemplate' });
const templateFields = {
  key: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^[a-z0-9_.-]+$/, { message: 'rule.invalidValue' }),
  phase: z.enum(CHECKLIST_PHASES),
  category: z.enum(TEMPLATE_CATEGORIES).default('checklist'),
  title: LocalisedTextSchema,
  description: OptionalText(4000),
  /** Default: monthly for implementation, once otherwise. */
  recurrence: z.enum(RECURRENCES).optional(),
  dueOffsetDays: z.number().int().min(-366).max(366),
  ownerRole: z
    .enum(STAFF_PROJECT_ROLES)
    .nullish()
    .transform((v) => v ?? null),
  position: z.number().int().min(0).max(10_000).default(0),
  active: z.boolean().default(true),
};
export const ChecklistTemplateCreateSchema = z.strictObject(templateFields);
export const ChecklistTemplateUpdateSchema = z.strictObject({
  title: LocalisedTextSchema.optional(),
  description: OptionalText(4000).optional(),
  category: z.enum(TEMPLATE_CATEGORIES).optional(),
  dueOffsetDays: z.number().int().min(-366).max(366).optional(),
  ownerRole: z.enum(STAFF_PROJECT_ROLES).nullish(),
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});
export const ChecklistTemplateList = z.object({ items: z.array(ChecklistTemplateSchema) });
export const TaskIdParams = IdParams;
