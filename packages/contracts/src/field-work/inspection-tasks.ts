import { z } from 'zod';
import { DateOnly, Name, QueryBool, Timestamp, listQuery, page } from '../common.js';
import { PersonRef, TicketRef } from '../tickets.js';
import {
  FINDING_STATUSES,
  InspectionSeveritySchema,
  InspectionTaskStatusSchema,
  Key,
  TASK_STATUSES,
  csv,
} from './inspection-shared.js';
import { InspectionTemplateVersionSchema } from './inspection-templates.js';

// ── Tasks and readings ───────────────────────────────────────────────────────
export const TaskCountsSchema = z.object({
  cis: z.number().int(),
  cisDone: z.number().int(),
  cisSkipped: z.number().int(),
  items: z.number().int(),
  answered: z.number().int(),
  normal: z.number().int(),
  abnormal: z.number().int(),
  unanswered: z.number().int(),
});
const TaskBase = {
  id: z.uuid(),
  projectId: z.uuid(),
  plan: z.object({ id: z.uuid(), name: z.string() }),
  title: z.string(),
  periodKey: z.string(),
  scheduledDate: DateOnly,
  opensAt: Timestamp,
  dueAt: Timestamp,
  status: InspectionTaskStatusSchema,
  /** Not submitted and past its due time. */
  overdue: z.boolean(),
  assignee: PersonRef.nullable(),
  team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  subcontractorId: z.uuid().nullable(),
  ciCount: z.number().int(),
  startedAt: Timestamp.nullable(),
  submittedAt: Timestamp.nullable(),
};
export const InspectionTaskListItemSchema = z.object(TaskBase).meta({ id: 'InspectionTaskListItem' });
export const InspectionTaskPage = page(InspectionTaskListItemSchema);
export const InspectionTaskListQuery = listQuery(['dueAt', 'scheduledDate']).extend({
  projectId: z.uuid().optional(),
  planId: z.uuid().optional(),
  status: csv(TASK_STATUSES).optional(),
  /** Assigned to the caller (or to the caller's company, for subcontractor staff). */
  mine: QueryBool.optional(),
  /** Open or in progress and already open (today's work). */
  live: QueryBool.optional(),
  overdue: QueryBool.optional(),
  scheduledFrom: DateOnly.optional(),
  scheduledTo: DateOnly.optional(),
});

export const ReadingValueSchema = z.union([z.number(), z.boolean(), z.string()]).nullable();
export const InspectionReadingSchema = z
  .object({
    id: z.uuid(),
    ciId: z.uuid(),
    itemKey: z.string(),
    templateId: z.string(),
    templateVersion: z.number().int(),
    value: ReadingValueSchema,
    normal: z.boolean(),
    abnormalReason: z.string().nullable(),
    remark: z.string().nullable(),
    photos: z.array(z.uuid()),
    flagged: z.boolean(),
    enteredAt: Timestamp,
    savedAt: Timestamp,
    savedBy: PersonRef.nullable(),
  })
  .meta({ id: 'InspectionReading' });

/** A finding as shown on its CI in a task (carried over from earlier rounds). */
export const FindingBriefSchema = z.object({
  id: z.uuid(),
  itemKey: z.string(),
  templateId: z.string(),
  severity: InspectionSeveritySchema,
  title: z.string(),
  quote: z.string(),
  status: z.enum(FINDING_STATUSES),
  occurrences: z.number().int(),
  since: Timestamp,
  incident: TicketRef.nullable(),
  workOrder: TicketRef.nullable(),
});

export const InspectionTaskCiSchema = z.object({
  ciId: z.uuid(),
  name: z.string(),
  typeKey: z.string(),
  site: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  position: z.number().int(),
  skipReason: z.string().nullable(),
  /** The pinned template whose items this CI is read against (null: none covers its type). */
  templateId: z.string().nullable(),
  state: z.enum(['not_started', 'in_progress', 'done', 'skipped']),
  total: z.number().int(),
  answered: z.number().int(),
  normal: z.number().int(),
  abnormal: z.number().int(),
  readings: z.array(InspectionReadingSchema),
  /** Unresolved findings on this CI from earlier rounds (most severe first), and, once submitted, those this task raised. */
  findings: z.array(FindingBriefSchema),
});

export const InspectionTaskSchema = z
  .object({
    ...TaskBase,
    project: z.object({ id: z.uuid(), name: z.string() }),
    templates: z.array(InspectionTemplateVersionSchema),
    cis: z.array(InspectionTaskCiSchema),
    counts: TaskCountsSchema,
    /** Every item of every CI not skipped has a valid reading: ready to submit. */
    complete: z.boolean(),
    submittedBy: PersonRef.nullable(),
    cancelReason: z.string().nullable(),
    abilities: z.object({ enterReadings: z.boolean(), submit: z.boolean(), cancel: z.boolean() }),
  })
  .meta({ id: 'InspectionTask' });

/** One reading as the phone sends it; it is judged by the server against the pinned template item. */
export const ReadingInputSchema = z.strictObject({
  ciId: z.uuid(),
  itemKey: Key,
  /** A number (or its text as typed), true/false, an option's value, or text; leave it out with nothing else to clear a reading. */
  value: z.union([z.number(), z.boolean(), z.string().max(4000)]).nullish(),
  /** The reason (备注): required when the reading is abnormal. */
  remark: z.string().max(4000).nullish(),
  /** Ids of photos uploaded as attachments of this task. */
  photos: z.array(z.uuid()).max(20).optional(),
  /** Mark the reading abnormal although the template would pass it. */
  flagged: z.boolean().optional(),
  /** When the engineer entered it on the phone; an older reading never overwrites a newer one. */
  enteredAt: Timestamp.optional(),
});
export const SkipInputSchema = z.strictObject({
  ciId: z.uuid(),
  /** Why the CI was not inspected (powered off, room locked); null un-skips it. */
  reason: z.string().max(1000).nullable(),
});
/** An idempotent batch: readings upsert by (task, CI, item); nothing is saved if any is refused. */
export const ReadingsBatchSchema = z.strictObject({
  readings: z.array(ReadingInputSchema).max(3000).default([]),
  skips: z.array(SkipInputSchema).max(1000).default([]),
});
export const ReadingsSaveResultSchema = z
  .object({
    /** Readings written (new or changed) and cleared. */
    saved: z.number().int(),
    cleared: z.number().int(),
    /** Readings not written because a newer one was stored already. */
    stale: z.array(z.object({ ciId: z.uuid(), itemKey: z.string() })),
    /** The server's judgement of each reading sent (normalised value). */
    readings: z.array(
      z.object({
        ciId: z.uuid(),
        itemKey: z.string(),
        value: ReadingValueSchema,
        normal: z.boolean(),
        abnormalReason: z.string().nullable(),
      }),
    ),
    counts: TaskCountsSchema,
    complete: z.boolean(),
    status: InspectionTaskStatusSchema,
  })
  .meta({ id: 'ReadingsSaveResult' });
export const InspectionSubmitSchema = z.strictObject({
  readings: z.array(ReadingInputSchema).max(3000).default([]),
  skips: z.array(SkipInputSchema).max(1000).default([]),
});
export const InspectionTaskCancelSchema = z.strictObject({ reason: Name(1000) });
export type InspectionTask = z.infer<typeof InspectionTaskSchema>;
