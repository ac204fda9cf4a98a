import { z } from 'zod';
import { INSPECTION_SEVERITIES } from '@opsdesk/domain';
import { DateOnly, Name, Timestamp, listQuery, page } from '../common.js';
import { PersonRef, TicketRef } from '../tickets.js';
import {
  FINDING_DISPOSITIONS,
  FINDING_STATUSES,
  InspectionSeveritySchema,
  csv,
} from './inspection-shared.js';
import { InspectionTaskSchema, ReadingValueSchema } from './inspection-tasks.js';

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
export type InspectionFinding = z.infer<typeof InspectionFindingSchema>;
