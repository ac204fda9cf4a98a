import { z } from 'zod';
import { INSPECTION_SEVERITIES } from '@opsdesk/domain';

// ── Shared pieces ────────────────────────────────────────────────────────────
/** A text in both languages, as stored (templates, findings). */
export const LocalisedTextOut = z.object({ 'zh-CN': z.string(), en: z.string() });
/** Both languages; blanks are reported by the domain's validators as `required`. */
export const LocalisedInput = z.strictObject({
  'zh-CN': z.string().trim().max(500),
  en: z.string().trim().max(500),
});
export const Key = z.string().max(64);
export const InspectionSeveritySchema = z.enum(INSPECTION_SEVERITIES);
export const TASK_STATUSES = ['open', 'in_progress', 'submitted', 'cancelled'] as const;
export const InspectionTaskStatusSchema = z.enum(TASK_STATUSES);
export const FINDING_STATUSES = ['open', 'resolved'] as const;
export const FINDING_DISPOSITIONS = ['open', 'incident', 'work_order'] as const;
export const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(400)
    .transform((s) => s.split(',').filter((x) => x !== ''))
    .pipe(z.array(z.enum(values)).max(values.length));
