const SCRIPT = '/offline-sw.js';

/**
 * Lets the inspection page open again without a network (a reload in a basement machine room): a
 * small service worker keeps the app shell and the task's last answer, and is told which files the
 * page loaded before it took control (files, and the answers it needs to draw itself: `data`). The readings themselves live in IndexedDB (draft-store.ts).
 * Best effort: without service workers (an old browser, plain http on another host) nothing changes.
 */
export async function keepAppShellOffline(data: string[] = []): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  try {
    const registration = await navigator.serviceWorker.register(SCRIPT, { scope: '/' });
    const worker = registration.active ?? (await navigator.serviceWorker.ready).active;
    const assets = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => u.startsWith(`${location.origin}/assets/`));
    worker?.postMessage({
      type: 'opsdesk:keep',
      assets: [...new Set(assets)],
      data: ['/api/v1/me', ...data],
    });
  } catch {
    // Not available here: the page still keeps every reading in IndexedDB.
  }
}
