import type { z } from 'zod';
import type { AuditListQuery, AuditPage, AuditVerify } from '@opsdesk/contracts';
import { api } from '../../../app/api/client';

export const auditKeys = { all: ['audit'] as const };

export const auditApi = {
  list: (query: z.output<typeof AuditListQuery>, signal?: AbortSignal) =>
    api.get<z.infer<typeof AuditPage>>('/audit', query, signal),
  verify: (signal?: AbortSignal) => api.get<AuditVerify>('/audit/verify', undefined, signal),
};
