import { z } from 'zod';
import { DateOnly, Name, OptionalText, Timestamp } from '../common.js';
import { MoneyOutput, OptionalMoney } from './fields.js';

/** A subcontractor tender request (分包商招标申请): draft → published → awarded. */
export const TENDER_STATUSES = ['draft', 'published', 'awarded'] as const;

const Person = z.object({ id: z.uuid(), displayName: z.string() }).nullable();
export const TenderSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    title: z.string(),
    scope: z.string().nullable(),
    budget: MoneyOutput.nullable(),
    bidDeadline: DateOnly.nullable(),
    status: z.enum(TENDER_STATUSES),
    awardedSubcontractor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    awardReason: z.string().nullable(),
    createdBy: Person,
    publishedBy: Person,
    publishedAt: Timestamp.nullable(),
    awardedBy: Person,
    awardedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: z.object({ update: z.boolean(), publish: z.boolean(), award: z.boolean() }),
  })
  .meta({ id: 'Tender' });
export type Tender = z.infer<typeof TenderSchema>;

export const TenderCreateSchema = z.strictObject({
  title: Name(200),
  scope: OptionalText(8000),
  budget: OptionalMoney,
  bidDeadline: DateOnly.nullish().transform((v) => v ?? null),
});
export const TenderUpdateSchema = z.strictObject({
  title: Name(200).optional(),
  scope: OptionalText(8000).optional(),
  budget: OptionalMoney.optional(),
  bidDeadline: DateOnly.nullish(),
});
/** Awarding engages the subcontractor on the project (if it is not already). */
export const TenderAwardSchema = z.strictObject({ subcontractorId: z.uuid(), reason: Name(2000) });
export const TenderList = z.object({ items: z.array(TenderSchema) });
