/** Why the user is sent to the login page; the page shows a message for each. */
export type LoginReason = 'expired' | 'signedOut';

/** `/login?next=…&reason=…`, so the user comes back where they were after signing in. */
export function loginPath(next: string | null, reason?: LoginReason): string {
  const sp = new URLSearchParams();
  if (next && next !== '/' && !next.startsWith('/login')) sp.set('next', next);
  if (reason) sp.set('reason', reason);
  const s = sp.toString();
  return s ? `/login?${s}` : '/login';
}

/** Only same-site paths: `/x` but not `//evil.example` or `https://…` (no open redirect). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login') || next.startsWith('/setup')) return '/';
  return next;
}
