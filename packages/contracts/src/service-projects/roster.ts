import { z } from 'zod';
import { DateOnly, Name, Timestamp } from '../common.js';
import { TimeOfDay } from './fields.js';

/** The duty roster (值班表): shifts as instants, Asia/Shanghai for rotations. */
export const RosterShiftSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    user: z.object({ id: z.uuid(), displayName: z.string(), phone: z.string().nullable() }),
    label: z.string(),
    startsAt: Timestamp,
    endsAt: Timestamp,
    swaps: z.array(
      z.object({
        id: z.uuid(),
        fromUser: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
        toUser: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
        reason: z.string(),
        swappedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
        createdAt: Timestamp,
      }),
    ),
    abilities: z.object({ update: z.boolean(), delete: z.boolean(), swap: z.boolean() }),
  })
  .meta({ id: 'RosterShift' });
export type RosterShift = z.infer<typeof RosterShiftSchema>;

/** Shifts overlapping [from, to); at most 62 days. Default: the 7 days from now. */
export const RosterQuery = z.strictObject({ from: Timestamp.optional(), to: Timestamp.optional() });
export const RosterSchema = z.object({
  from: Timestamp,
  to: Timestamp,
  items: z.array(RosterShiftSchema),
  abilities: z.object({ manage: z.boolean() }),
});

export const RosterShiftCreateSchema = z
  .strictObject({ userId: z.uuid(), label: Name(40), startsAt: Timestamp, endsAt: Timestamp })
  .refine((v) => Date.parse(v.endsAt) > Date.parse(v.startsAt), {
    message: 'rule.shiftTimes',
    path: ['endsAt'],
  });
export const RosterShiftUpdateSchema = z.strictObject({
  label: Name(40).optional(),
  startsAt: Timestamp.optional(),
  endsAt: Timestamp.optional(),
});
export const RosterRotationSchema = z.strictObject({
  from: DateOnly,
  days: z.number().int().min(1).max(62),
  shifts: z
    .array(z.strictObject({ label: Name(40), start: TimeOfDay, end: TimeOfDay }))
    .min(1)
    .max(6),
  userIds: z.array(z.uuid()).min(1).max(50),
});
export const RosterSwapSchema = z.strictObject({ toUserId: z.uuid(), reason: Name(500) });
export const RosterShiftList = z.object({ items: z.array(RosterShiftSchema) });

export const OnDutyQuery = z.strictObject({ at: Timestamp.optional() });
export const OnDutySchema = z
  .object({
    projectId: z.uuid(),
    at: Timestamp,
    items: z.array(
      z.object({
        userId: z.uuid(),
        displayName: z.string(),
        phone: z.string().nullable(),
        shiftId: z.uuid(),
        label: z.string(),
        startsAt: Timestamp,
        endsAt: Timestamp,
        /** From the project's own roster, or its duty team's. */
        source: z.enum(['project', 'team']),
      }),
    ),
  })
  .meta({ id: 'OnDuty' });
