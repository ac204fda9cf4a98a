import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/client';

/** Retry only what may pass on a second try: the server or the network being briefly away. */
export function shouldRetry(failures: number, error: unknown): boolean {
  if (failures >= 2) return false;
  return isApiError(error) && (error.status === 0 || error.status >= 500);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
