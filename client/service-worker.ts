/**
 * Registers the service worker that vite-plugin-pwa generates (sw.js at the root; it skips waiting and
 * claims the open pages, vite.config.ts) and reloads the page once an updated app has taken it over, so
 * the page never runs an old script against a new cache. This is what the plugin's `registerSW` in
 * autoUpdate mode did through workbox-window (a 2.8 kB gzip chunk every tablet precached): reload when
 * a worker takes over a page that already had one (an update, also one another tab installed), never on
 * the first install.
 */
export const SERVICE_WORKER_URL = '/sw.js';

export function registerServiceWorker(
  container: ServiceWorkerContainer | undefined = navigator.serviceWorker,
): void {
  if (!container) return;
  // the first install also takes the page over (clientsClaim), and that must not reload it
  let controlled = container.controller !== null;
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    if (!controlled) {
      controlled = true;
      return;
    }
    if (reloading) return;
    reloading = true;
    window.location.reload();
  });
  container.register(SERVICE_WORKER_URL, { scope: '/' }).catch((error: unknown) => {
    console.warn('service worker registration failed', error);
  });
}
