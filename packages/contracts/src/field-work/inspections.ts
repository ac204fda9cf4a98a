import { z } from 'zod';
import { INSPECTION_SEVERITIES, PHOTO_RULES } from '@opsdesk/domain';
import { DateOnly, Name, QueryBool, Timestamp, listQuery, page } from '../common.js';
import { PersonRef, TicketRef } from '../tickets.js';

// ── Shared pieces ────────────────────────────────────────────────────────────
/** A text in both languages, as stored (templates, findings). */
export const LocalisedTextOut = z.object({ 'zh-CN': z.string(), en: z.string() });
/** Both languages; blanks are reported by the domain's validators as `required`. */
const LocalisedInput = z.strictObject({
  'zh-CN': z.string().trim().max(500),
  en: z.string().trim().max(500),
});
const Key = z.string().max(64);
export const InspectionSeveritySchema = z.enum(INSPECTION_SEVERITIES);
export const TASK_STATUSES = ['open', 'in_progress', 'submitted', 'cancelled'] as const;
export const InspectionTaskStatusSchema = z.enum(TASK_STATUSES);
export const FINDING_STATUSES = ['open', 'resolved'] as const;
export const FINDING_DISPOSITIONS = ['open', 'incident', 'work_order'] as const;
const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(400)
    .transform((s) => s.split(',').filter((x) => x !== ''))
    .pipe(z.array(z.enum(values)).max(values.length));

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

// ── Plans ────────────────────────────────────────────────────────────────────
export const InspectionScheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('monthly'), day: z.number().int() }),
  z.strictObject({ kind: z.literal('weekly'), weekday: z.number().int() }),
  z.strictObject({ kind: z.literal('quarterly'), month: z.number().int(), day: z.number().int() }),
  z.strictObject({ kind: z.literal('cron'), expression: z.string().trim().max(120) }),
]);
export const PlanSelectionSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('explicit'), ciIds: z.array(z.uuid()).max(5000) }),
  z.strictObject({
    mode: z.literal('filter'),
    /** Evaluated when each task is generated; every given criterion must hold, any listed value matches. */
    filter: z.strictObject({
      ciTypeKeys: z.array(z.string().max(40)).max(50).optional(),
      siteIds: z.array(z.uuid()).max(500).optional(),
      tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
    }),
  }),
]);
export const InspectionPlanCreateSchema = z.strictObject({
  name: Name(200),
  templateIds: z.array(z.string().min(1).max(64)).max(20),
  selection: PlanSelectionSchema,
  schedule: InspectionScheduleSchema,
  assigneeId: z.uuid().nullish(),
  teamId: z.uuid().nullish(),
  /** Days a task may take, counting its scheduled day (1 = that day). */
  dueDays: z.number().int(),
  /** The first period considered is the first scheduled on or after this day (default: today). */
  startsOn: DateOnly.optional(),
  endsOn: DateOnly.nullish(),
  active: z.boolean().default(true),
});
export const InspectionPlanUpdateSchema = z.strictObject({
  name: Name(200).optional(),
  templateIds: z.array(z.string().min(1).max(64)).max(20).optional(),
  selection: PlanSelectionSchema.optional(),
  schedule: InspectionScheduleSchema.optional(),
  assigneeId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  dueDays: z.number().int().optional(),
  endsOn: DateOnly.nullable().optional(),
  active: z.boolean().optional(),
});
const TaskRef = z.object({
  id: z.uuid(),
  title: z.string(),
  periodKey: z.string(),
  scheduledDate: DateOnly,
  dueAt: Timestamp,
  status: InspectionTaskStatusSchema,
});
export const InspectionPlanSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    name: z.string(),
    templates: z.array(z.object({ id: z.string(), version: z.number().int(), name: LocalisedTextOut })),
    selection: PlanSelectionSchema,
    schedule: InspectionScheduleSchema,
    timeZone: z.string(),
    assignee: PersonRef.nullable(),
    team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    dueDays: z.number().int(),
    startsOn: DateOnly,
    endsOn: DateOnly.nullable(),
    active: z.boolean(),
    archived: z.boolean(),
    /** When the next task is generated; null when paused, archived or ended. */
    nextRunAt: Timestamp.nullable(),
    lastTask: TaskRef.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'InspectionPlan' });
export const InspectionPlanPage = page(InspectionPlanSchema);
export const InspectionPlanListQuery = listQuery(['name', 'createdAt']).extend({
  active: QueryBool.optional(),
  includeArchived: QueryBool.optional(),
});

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

const ReadingValueSchema = z.union([z.number(), z.boolean(), z.string()]).nullable();
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

// ── Findings ─────────────────────────────────────────────────────────────────
export const InspectionFindingSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    ci: z.object({ id: z.uuid(), name: z.string(), typeKey: z.string() }),
    templateId: z.string(),
    templateVersion: z.number().int(),
    itemKey: z.string(),
    severity: InspectionSeveritySchema,
    autoIncident: z.boolean(),
    title: z.string(),
    quote: z.string(),
    value: ReadingValueSchema,
    abnormalReason: z.string().nullable(),
    remark: z.string().nullable(),
    photos: z.array(z.uuid()),
    status: z.enum(FINDING_STATUSES),
    disposition: z.enum(FINDING_DISPOSITIONS),
    incident: TicketRef.nullable(),
    workOrder: TicketRef.nullable(),
    raisedTask: z.object({ id: z.uuid(), title: z.string(), scheduledDate: DateOnly }),
    lastTaskId: z.uuid(),
    occurrences: z.number().int(),
    lastSeenAt: Timestamp,
    resolvedAt: Timestamp.nullable(),
    resolvedBy: PersonRef.nullable(),
    resolution: z.enum(['reading', 'manual', 'ticket_closed']).nullable(),
    resolutionNote: z.string().nullable(),
    createdAt: Timestamp,
    abilities: z.object({ convert: z.boolean(), resolve: z.boolean() }),
  })
  .meta({ id: 'InspectionFinding' });
export const InspectionFindingPage = page(InspectionFindingSchema);
export const InspectionFindingListQuery = listQuery(['createdAt']).extend({
  projectId: z.uuid().optional(),
  ciId: z.uuid().optional(),
  taskId: z.uuid().optional(),
  status: z.enum(FINDING_STATUSES).optional(),
  severity: csv(INSPECTION_SEVERITIES).optional(),
});
export const InspectionSubmitResultSchema = z
  .object({
    task: InspectionTaskSchema,
    findings: z.object({
      created: z.array(InspectionFindingSchema),
      recurring: z.array(InspectionFindingSchema),
      resolved: z.array(InspectionFindingSchema),
    }),
    /** Incidents raised at once for findings whose severity calls for it. */
    incidents: z.array(TicketRef),
  })
  .meta({ id: 'InspectionSubmitResult' });
export const FindingIncidentSchema = z.strictObject({
  title: Name(300).optional(),
  impact: z.number().int().min(1).max(4).optional(),
  urgency: z.number().int().min(1).max(4).optional(),
  groupId: z.uuid().nullish(),
  assigneeId: z.uuid().nullish(),
});
export const FindingResolveSchema = z.strictObject({ note: Name(2000) });

// ── Monthly report ───────────────────────────────────────────────────────────
export const InspectionReportQuery = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'rule.monthFormat' }),
});
const ReportFinding = z.object({
  id: z.uuid(),
  ciName: z.string(),
  title: z.string(),
  severity: InspectionSeveritySchema,
  quote: z.string(),
  status: z.enum(FINDING_STATUSES),
  disposition: z.enum(FINDING_DISPOSITIONS),
  ticketNumber: z.string().nullable(),
  createdAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
});
export const InspectionReportSchema = z
  .object({
    projectId: z.uuid(),
    projectName: z.string(),
    month: z.string(),
    from: Timestamp,
    to: Timestamp,
    generatedAt: Timestamp,
    summary: z.object({
      plans: z.number().int(),
      tasksDue: z.number().int(),
      tasksDone: z.number().int(),
      tasksOnTime: z.number().int(),
      /** Done on time ÷ due (0–1); null when nothing was due. */
      onTimeRate: z.number().nullable(),
      tasksOverdue: z.number().int(),
      cisInspected: z.number().int(),
      cisSkipped: z.number().int(),
      readings: z.number().int(),
      abnormal: z.number().int(),
      findingsOpened: z.number().int(),
      findingsClosed: z.number().int(),
      findingsCarriedOver: z.number().int(),
      photos: z.number().int(),
    }),
    plans: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        tasksDue: z.number().int(),
        tasksDone: z.number().int(),
        tasksOnTime: z.number().int(),
      }),
    ),
    tasks: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        planName: z.string(),
        scheduledDate: DateOnly,
        dueAt: Timestamp,
        status: InspectionTaskStatusSchema,
        submittedAt: Timestamp.nullable(),
        onTime: z.boolean(),
        assignee: z.string().nullable(),
        counts: TaskCountsSchema.nullable(),
      }),
    ),
    /** Every CI's results, task by task. */
    cis: z.array(
      z.object({
        taskId: z.uuid(),
        ciId: z.uuid(),
        name: z.string(),
        typeKey: z.string(),
        siteName: z.string().nullable(),
        skipReason: z.string().nullable(),
        results: z.array(
          z.object({
            itemKey: z.string(),
            title: z.string(),
            value: z.string(),
            normalRange: z.string().nullable(),
            normal: z.boolean(),
            remark: z.string().nullable(),
            photos: z.array(z.uuid()),
          }),
        ),
      }),
    ),
    abnormal: z.array(
      z.object({
        taskId: z.uuid(),
        ciName: z.string(),
        itemKey: z.string(),
        title: z.string(),
        severity: InspectionSeveritySchema,
        value: z.string(),
        normalRange: z.string().nullable(),
        remark: z.string().nullable(),
        photos: z.array(z.uuid()),
      }),
    ),
    findings: z.object({
      opened: z.array(ReportFinding),
      closed: z.array(ReportFinding),
      /** Still open at the end of the month: they carry over to the next round. */
      carriedOver: z.array(ReportFinding),
    }),
    photos: z.array(
      z.object({
        attachmentId: z.uuid(),
        taskId: z.uuid(),
        ciName: z.string(),
        itemTitle: z.string(),
        fileName: z.string(),
      }),
    ),
  })
  .meta({ id: 'InspectionReport' });
export type InspectionReport = z.infer<typeof InspectionReportSchema>;
export type InspectionTask = z.infer<typeof InspectionTaskSchema>;
export type InspectionFinding = z.infer<typeof InspectionFindingSchema>;
