import { z } from 'zod';
import { DateOnly, Name, QueryBool, Timestamp, listQuery, page } from '../common.js';
import { PersonRef } from '../tickets.js';
import { InspectionTaskStatusSchema, LocalisedTextOut } from './inspection-shared.js';

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
