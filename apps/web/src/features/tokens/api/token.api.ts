import type { z } from 'zod';
import type { OkSchema, TokenCreateSchema, TokenCreatedSchema, TokenList } from '@opsdesk/contracts';
import { api, seg } from '../../../app/api/client';

export const tokenKeys = { all: ['tokens'] as const };

/** The signed-in user's personal API tokens. */
export const tokenApi = {
  list: (signal?: AbortSignal) => api.get<z.infer<typeof TokenList>>('/tokens', undefined, signal),
  create: (body: z.output<typeof TokenCreateSchema>) =>
    api.post<z.infer<typeof TokenCreatedSchema>>('/tokens', body),
  revoke: (id: string) => api.delete<z.infer<typeof OkSchema>>(`/tokens/${seg(id)}`),
};
