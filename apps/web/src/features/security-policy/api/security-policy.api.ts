import type { z } from 'zod';
import type { SecurityPolicyDto, SecurityPolicyUpdateSchema } from '@opsdesk/contracts';
import { api } from '../../../app/api/client';

export const securityPolicyKeys = { all: ['security-policy'] as const };

export const securityPolicyApi = {
  get: (signal?: AbortSignal) => api.get<SecurityPolicyDto>('/security-policy', undefined, signal),
  update: (body: z.output<typeof SecurityPolicyUpdateSchema>) =>
    api.patch<SecurityPolicyDto>('/security-policy', body),
};
