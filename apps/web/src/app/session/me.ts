import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '@opsdesk/contracts';
import { setCsrfToken } from '../api/client';
import { authApi } from '../../features/auth/api/auth.api';

export const ME_KEY = ['me'] as const;

/** `GET /me`: who is signed in, their abilities, and the CSRF token kept in memory for writes. */
export const meQuery = queryOptions({
  queryKey: ME_KEY,
  queryFn: async ({ signal }) => {
    const me = await authApi.me(signal);
    setCsrfToken(me.csrfToken);
    return me;
  },
  staleTime: 5 * 60_000,
  retry: false,
});

export function useMeQuery() {
  return useQuery(meQuery);
}

/** The signed-in user. Only under `RequireSession`, which renders nothing until `/me` is loaded. */
export function useMe(): Me {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error('useMe() used outside RequireSession');
  return data;
}
