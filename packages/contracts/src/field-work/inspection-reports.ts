import { z } from 'zod';
import { DateOnly, Timestamp } from '../common.js';
import {
  FINDING_DISPOSITIONS,
  FINDING_STATUSES,
  InspectionSeveritySchema,
  InspectionTaskStatusSchema,
} from './inspection-shared.js';
import { TaskCountsSchema } from './inspection-tasks.js';

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
