import { act } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { RouteObject } from 'react-router';
import { LocaleProvider } from '../app/LocaleProvider';

const mounted = new Set<{ unmount(): void }>();

/**
 * Unmounts everything rendered by the test (test/setup.ts, after each test), so no component's
 * timer (antd's delayed popups) fires after the test file's window is gone.
 */
export function unmountAll(): void {
  for (const root of mounted) act(() => root.unmount());
  mounted.clear();
}

/**
 * Renders into jsdom with the app's providers and a memory router. Small on purpose: the tests
 * drive the DOM the way a user would (type, click) and read what is on screen.
 */
export async function renderWithApp(ui: ReactNode, options: { route?: string; routes?: RouteObject[] } = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter([{ path: '*', element: ui }, ...(options.routes ?? [])], {
    initialEntries: [options.route ?? '/'],
  });
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  mounted.add(root);
  await act(async () => {
    root.render(
      <QueryClientProvider client={queryClient}>
        <LocaleProvider>
          <RouterProvider router={router} />
        </LocaleProvider>
      </QueryClientProvider>,
    );
  });
  return {
    container,
    router,
    queryClient,
    unmount: () => {
      mounted.delete(root);
      act(() => root.unmount());
    },
  };
}

/** Polls until `fn` stops throwing (or returns a value), like Testing Library's waitFor. */
export async function waitFor<T>(fn: () => T, timeout = 3000): Promise<T> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = fn();
      if (v !== null && v !== undefined && v !== false) return v;
      last = new Error('waitFor: condition is falsy');
    } catch (e) {
      last = e;
    }
    if (Date.now() - start > timeout) throw last;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
  }
}

/** The text of the whole page (portals included). */
export function pageText(): string {
  return document.body.textContent ?? '';
}

/** Types into a (React-controlled) input the way the browser does. */
export async function typeInto(input: Element | null, value: string) {
  if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement))
    throw new Error('not an input');
  const proto =
    input instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(el: Element | null) {
  if (!(el instanceof HTMLElement)) throw new Error('not clickable');
  await act(async () => {
    el.click();
  });
}

/** A fetch Response with a JSON body. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
