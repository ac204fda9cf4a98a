/* global self, caches */
// opsdesk's service worker, registered by the phone's inspection page (features/inspections/offline/
// shell-cache.ts) so that a reload without a network still opens the page: the readings themselves
// wait in IndexedDB. It keeps the app shell (index.html and the hashed /assets files) and the last
// answer of the few GETs the page needs to draw itself (who is signed in, the task, the CI types).
// Everything else goes to the network untouched, and nothing is served from the cache while the
// network answers. Signing out empties the data cache.
const SHELL = 'opsdesk-shell-v1';
const DATA = 'opsdesk-field-data-v1';
const DATA_PATHS = [
  /^\/api\/v1\/me$/,
  /^\/api\/v1\/inspection-tasks\/[0-9a-f-]{36}$/,
  /^\/api\/v1\/ci-types$/,
];
const isData = (url) => DATA_PATHS.some((re) => re.test(url.pathname));

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(caches.open(SHELL).then((c) => c.add('/')));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== DATA).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page names what it loaded before this worker controlled it: its files, and the answers it
// needs to draw itself again.
const fill = (name, urls) =>
  caches.open(name).then((c) => Promise.all(urls.map((u) => c.add(u).catch(() => undefined))));
self.addEventListener('message', (event) => {
  const m = event.data;
  if (!m || m.type !== 'opsdesk:keep') return;
  const assets = (Array.isArray(m.assets) ? m.assets : []).filter((u) =>
    new URL(u, self.location.origin).pathname.startsWith('/assets/'),
  );
  const data = (Array.isArray(m.data) ? m.data : []).filter((u) => isData(new URL(u, self.location.origin)));
  event.waitUntil(Promise.all([fill(SHELL, assets), fill(DATA, data)]));
});

/** The network's answer, kept in `cache` when it is good. */
function fetchAndKeep(event, cache) {
  return fetch(event.request).then((res) => {
    if (res.ok) {
      const copy = res.clone();
      event.waitUntil(caches.open(cache).then((c) => c.put(event.request, copy)));
    }
    return res;
  });
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method === 'POST' && url.pathname === '/api/v1/auth/logout') {
    event.waitUntil(caches.delete(DATA));
    return;
  }
  if (req.method !== 'GET') return;
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req).catch(() => caches.match('/', { cacheName: SHELL }).then((r) => r || Response.error())),
    );
  } else if (url.pathname.startsWith('/assets/')) {
    // Hashed names never change content: the cache first, filled as files are fetched.
    event.respondWith(
      caches.match(req, { cacheName: SHELL }).then((hit) => hit || fetchAndKeep(event, SHELL)),
    );
  } else if (isData(url)) {
    // The network first; its last answer only when there is no network.
    event.respondWith(
      fetchAndKeep(event, DATA).catch(() =>
        caches.match(req, { cacheName: DATA }).then((r) => r || Response.error()),
      ),
    );
  }
});
