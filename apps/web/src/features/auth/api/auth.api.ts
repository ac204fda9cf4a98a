import type { z } from 'zod';
import type {
  Login,
  Me,
  OkSchema,
  PasswordChangeSchema,
  SetupSchema,
  SetupStatusSchema,
} from '@opsdesk/contracts';
import { api } from '../../../app/api/client';

type Ok = z.infer<typeof OkSchema>;

/** Auth endpoints (apps/server/src/modules/auth/auth.routes.ts). */
export const authApi = {
  /** A 401 here is the form's answer (INVALID_CREDENTIALS), not a lost session. */
  login: (body: Login) => api.post<Me>('/auth/login', body, { authRedirect: false }),
  logout: () => api.post<Ok>('/auth/logout', {}, { authRedirect: false }),
  me: (signal?: AbortSignal) => api.get<Me>('/me', undefined, signal),
  changePassword: (body: z.output<typeof PasswordChangeSchema>) => api.post<Ok>('/me/password', body),
  setupStatus: (signal?: AbortSignal) =>
    api.get<z.infer<typeof SetupStatusSchema>>('/setup', undefined, signal),
  setup: (body: z.output<typeof SetupSchema>) => api.post<Ok>('/setup', body, { authRedirect: false }),
};
