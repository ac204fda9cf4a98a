import { z } from 'zod';

export const SecurityPolicySchema = z
  .object({
    passwordMinLength: z.number().int().min(8).max(64),
    passwordMinClasses: z.number().int().min(1).max(4),
    lockoutThreshold: z.number().int().min(3).max(20),
    lockoutMinutes: z.number().int().min(1).max(1440),
    idleTimeoutMinutes: z.number().int().min(5).max(480),
    sessionMaxHours: z.number().int().min(1).max(72),
  })
  .meta({ id: 'SecurityPolicy' });
export type SecurityPolicyDto = z.infer<typeof SecurityPolicySchema>;
export const SecurityPolicyUpdateSchema = z.strictObject(SecurityPolicySchema.shape).partial();
