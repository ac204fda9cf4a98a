import { z } from 'zod';
import { Name, Timestamp, page } from '../common.js';
import { TicketListItemSchema, TicketListQuery, TicketSchema } from '../tickets.js';
import { LocalisedTextOut } from './inspections.js';

const Level = z.number().int().min(1).max(4);
const Tag = z.string().trim().min(1).max(40);
const Ref = z.object({ id: z.uuid(), name: z.string() });

// ── Work orders (工单): tickets of kind `work_order` with their own fields ───
export const CheckInLocationSchema = z.strictObject({
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  accuracyM: z.number().min(0).max(100_000).optional(),
  note: z.string().trim().max(500).optional(),
});

export const WorkOrderFieldsSchema = z.object({
  site: Ref.nullable(),
  /** The arrival area (from the site, or chosen) and its target. */
  area: z.object({ key: z.string(), label: z.string(), minutes: z.number().int() }).nullable(),
  plannedStart: Timestamp.nullable(),
  plannedEnd: Timestamp.nullable(),
  instructions: z.string(),
  workPerformed: z.string().nullable(),
  timeSpentMinutes: z.number().int().nullable(),
  partsUsed: z.string().nullable(),
  dispatchedTo: Ref.nullable(),
  dispatchedAt: Timestamp.nullable(),
  checkedInAt: Timestamp.nullable(),
  checkInLocation: z
    .object({
      lat: z.number().optional(),
      lng: z.number().optional(),
      accuracyM: z.number().optional(),
      note: z.string().optional(),
    })
    .nullable(),
  completedAt: Timestamp.nullable(),
  rejectReason: z.string().nullable(),
  rejectedAt: Timestamp.nullable(),
  signOff: z
    .object({ signerName: z.string(), signedAt: Timestamp, signatureAttachmentId: z.uuid().nullable() })
    .nullable(),
  findingId: z.uuid().nullable(),
  cis: z.array(z.object({ id: z.uuid(), name: z.string(), typeKey: z.string() })),
  /** The on-site arrival clock (dispatch → check-in) on the SLA engine; null without a target. */
  arrival: z
    .object({
      targetMinutes: z.number().int(),
      state: z.enum(['running', 'paused', 'met', 'breached']),
      dueAt: Timestamp.nullable(),
    })
    .nullable(),
  abilities: z.object({ plan: z.boolean(), recordWork: z.boolean() }),
});
export const WorkOrderSchema = TicketSchema.extend({ workOrder: WorkOrderFieldsSchema }).meta({
  id: 'WorkOrder',
});
export type WorkOrder = z.infer<typeof WorkOrderSchema>;

export const WorkOrderListItemSchema = TicketListItemSchema.extend({
  workOrder: z.object({
    site: Ref.nullable(),
    plannedStart: Timestamp.nullable(),
    plannedEnd: Timestamp.nullable(),
    dispatchedTo: Ref.nullable(),
    checkedInAt: Timestamp.nullable(),
    signedAt: Timestamp.nullable(),
  }),
}).meta({ id: 'WorkOrderListItem' });
export const WorkOrderPage = page(WorkOrderListItemSchema);
export const WorkOrderListQuery = TicketListQuery.omit({ kind: true });

export const WorkOrderCreateSchema = z.strictObject({
  projectId: z.uuid(),
  title: Name(300),
  description: z.string().max(50_000).default(''),
  /** The incident or request the work is for (the work order becomes its child). */
  parentId: z.uuid().nullish(),
  ciIds: z.array(z.uuid()).max(100).default([]),
  siteId: z.uuid().nullish(),
  /** The arrival area; default: the area the site belongs to, else the project's default. */
  areaKey: z.string().max(64).nullish(),
  plannedStart: Timestamp.nullish(),
  plannedEnd: Timestamp.nullish(),
  instructions: z.string().max(20_000).default(''),
  impact: Level.default(3),
  urgency: Level.default(3),
  tags: z.array(Tag).max(20).default([]),
  groupId: z.uuid().nullish(),
  /** Dispatch at once to this engineer (staff or a subcontractor's field engineer). */
  assigneeId: z.uuid().nullish(),
  /** Dispatched to this subcontractor (its field engineers see it); default: the assignee's company. */
  subcontractorId: z.uuid().nullish(),
});
export const WorkOrderUpdateSchema = z.strictObject({
  title: Name(300).optional(),
  description: z.string().max(50_000).optional(),
  ciIds: z.array(z.uuid()).max(100).optional(),
  siteId: z.uuid().nullable().optional(),
  areaKey: z.string().max(64).nullable().optional(),
  plannedStart: Timestamp.nullable().optional(),
  plannedEnd: Timestamp.nullable().optional(),
  instructions: z.string().max(20_000).optional(),
  workPerformed: z.string().max(20_000).nullable().optional(),
  timeSpentMinutes: z.number().int().min(0).max(100_000).nullable().optional(),
  partsUsed: z.string().max(4000).nullable().optional(),
});

export const WorkOrderDispatchSchema = z.strictObject({
  assigneeId: z.uuid(),
  subcontractorId: z.uuid().nullish(),
  reason: z.string().trim().max(2000).optional(),
});
export const WorkOrderReasonSchema = z.strictObject({ reason: Name(2000) });
/** A rejected order is back in dispatch and no longer the rejecting engineer's: just what happened. */
export const WorkOrderRejectedSchema = z
  .object({ id: z.uuid(), number: z.string(), state: z.string(), rejectReason: z.string() })
  .meta({ id: 'WorkOrderRejected' });
export const WorkOrderCheckInSchema = z.strictObject({
  /** When the engineer arrived (default: now); the desk records an arrival reported by phone. */
  at: Timestamp.optional(),
  location: CheckInLocationSchema.optional(),
});
export const WorkOrderCompleteSchema = z.strictObject({
  workPerformed: Name(20_000),
  timeSpentMinutes: z.number().int().min(0).max(100_000).nullish(),
  partsUsed: z.string().trim().max(4000).nullish(),
});
/** The customer's sign-off: their name and the signature drawn on the phone, as a PNG data URL. */
export const WorkOrderSignOffSchema = z.strictObject({
  signerName: Name(100),
  signature: z.string().max(1_500_000),
});
export const EmptyBodySchema = z.strictObject({});

// ── Arrival targets (现场限时服务) per project ───────────────────────────────
export const ArrivalTargetSchema = z.object({
  areaKey: z.string(),
  label: LocalisedTextOut,
  minutes: z.number().int(),
  isDefault: z.boolean(),
  siteIds: z.array(z.uuid()),
});
export const ArrivalTargetsSchema = z
  .object({
    projectId: z.uuid(),
    targets: z.array(ArrivalTargetSchema),
    /** The calendar arrival clocks count on: the work-order SLA policy's, else the service calendar. */
    calendar: Ref.nullable(),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'ArrivalTargets' });
export const ArrivalTargetsUpdateSchema = z.strictObject({
  targets: z
    .array(
      z.strictObject({
        areaKey: z.string().max(64),
        label: z.strictObject({ 'zh-CN': z.string().trim().max(100), en: z.string().trim().max(100) }),
        minutes: z.number().int(),
        isDefault: z.boolean().default(false),
        siteIds: z.array(z.uuid()).max(500).default([]),
      }),
    )
    .max(20),
});

/** A work order for an inspection finding: on the finding's CI and site, child of its incident. */
export const FindingWorkOrderSchema = WorkOrderCreateSchema.omit({
  projectId: true,
  parentId: true,
  ciIds: true,
}).extend({
  title: Name(300).optional(),
  description: z.string().max(50_000).optional(),
});
