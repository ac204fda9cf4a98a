import { useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { hasCsrfToken, setAuthLostHandler, setCsrfToken } from './api/client';
import { LocaleProvider } from './LocaleProvider';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { loginPath } from './session/login-path';

function createApp() {
  const queryClient = createQueryClient();
  const router = createAppRouter();
  // A lost session (expired, revoked) anywhere: to the login page, then back to where the user was.
  setAuthLostHandler((code) => {
    const { pathname, search } = router.state.location;
    if (pathname === '/login' || pathname === '/setup') return;
    // SESSION_EXPIRED says so itself; UNAUTHENTICATED is an expiry only if this tab had a session.
    const expired = code === 'SESSION_EXPIRED' || hasCsrfToken();
    setCsrfToken(null);
    // Leave first, then drop what the signed-in pages had cached (the login page's own queries stay).
    void router
      .navigate(loginPath(pathname + search, expired ? 'expired' : undefined), { replace: true })
      .then(() => queryClient.removeQueries({ type: 'inactive' }));
  });
  return { queryClient, router };
}

export function App() {
  const [{ queryClient, router }] = useState(createApp);
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <RouterProvider router={router} />
      </LocaleProvider>
    </QueryClientProvider>
  );
}
