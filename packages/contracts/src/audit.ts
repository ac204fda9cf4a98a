import { z } from 'zod';
import { Timestamp, page } from './common.js';

export const AUDIT_RESULTS = ['success', 'failure'] as const;

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: Timestamp,
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    ip: z.string().nullable(),
    action: z.string(),
    objectType: z.string().nullable(),
    objectId: z.string().nullable(),
    result: z.enum(AUDIT_RESULTS),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
    requestId: z.string().nullable(),
    sealed: z.boolean(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  objectType: z.string().max(60).optional(),
  objectId: z.string().max(100).optional(),
  result: z.enum(AUDIT_RESULTS).optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  q: z.string().trim().max(200).optional(),
});
export const AuditPage = page(AuditEntrySchema);

export const AuditVerifySchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    /** Rows written but not yet sealed into the chain. */
    unsealed: z.number().int(),
    /** Unsealed rows older than the sealing interval: the sealer is behind or stopped. */
    staleUnsealed: z.number().int(),
    /** The first row whose hash or link does not match, if any. */
    firstBroken: z
      .object({
        id: z.number().int(),
        sealSeq: z.number().int(),
        reason: z.enum(['hash_mismatch', 'link_mismatch', 'sequence_gap']),
      })
      .nullable(),
  })
  .meta({ id: 'AuditVerify' });
export type AuditVerify = z.infer<typeof AuditVerifySchema>;
