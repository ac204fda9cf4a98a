import { inject } from 'vitest';

/** A signed-in API caller for setting up journeys (cookie + CSRF token). */
export async function apiAs(username: string, password: string) {
  const base = inject('baseUrl');
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const me = (await res.json()) as { csrfToken: string };
  const headers = {
    'content-type': 'application/json',
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!,
    'x-csrf-token': me.csrfToken,
  };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${base}/api/v1${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await r.text();
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
    patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
    put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  };
}

export const admin = () => apiAs(inject('adminUsername'), inject('adminPassword'));
export const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
