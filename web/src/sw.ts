// The service worker: the site's files are cached when it installs, so the page works offline after the
// first load. scripts/build-web.js fills in the file list and a version that changes with any file.
declare const PRECACHE: string[];
declare const VERSION: string;

interface InstallEvent extends Event { waitUntil(p: Promise<unknown>): void }
interface FetchEvent extends InstallEvent { request: Request; respondWith(r: Promise<Response>): void }
const sw = self as unknown as {
  addEventListener(type: 'install' | 'activate', f: (e: InstallEvent) => void): void;
  addEventListener(type: 'fetch', f: (e: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
};

const CACHE = `chainrule-${VERSION}`;

sw.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (e) => {
  const old = caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('chainrule-') && k !== CACHE).map((k) => caches.delete(k))));
  e.waitUntil(old.then(() => sw.clients.claim()));
});

// The site's own files from the cache; anything else beside the page (an assignment) from the network
// while it answers, else from the cache of an earlier visit.
sw.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== sw.location.origin) return;
  e.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(e.request, { ignoreSearch: url.pathname.endsWith('/') || url.pathname.endsWith('.html') });
      if (cached && PRECACHE.some((p) => new URL(p, sw.location.href).pathname === url.pathname)) return cached;
      try {
        const response = await fetch(e.request);
        if (response.ok) await cache.put(e.request, response.clone());
        return response;
      } catch (err) {
        if (cached) return cached;
        throw err;
      }
    }),
  );
});
