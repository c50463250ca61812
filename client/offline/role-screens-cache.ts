/**
 * After an online login (or an online reopening of the app), the tablet puts the chunks of the screens
 * its user's role opens (client/role-screens.ts; the build lists them in role-screens.json) into their
 * own cache, which the service worker serves from (vite.config.ts), so a supervisor's, coordinator's or
 * analyst's screens open offline after one online visit while an enumerator's tablet, which the
 * service worker's precache gives only the interview app, downloads none of them. Chunks no screen of
 * the current build names (an older build's) are dropped. Done with the page's Cache Storage, so it
 * does not wait for the service worker to control the page.
 */
import { ROLE_SCREENS_CACHE, ROLE_SCREENS_MANIFEST, type RoleScreen, screenOf } from '../role-screens.ts';

type Manifest = Partial<Record<RoleScreen, string[]>>;

/** Caches the role's screens; resolves to the URL paths cached for it (none for an enumerator). */
export async function cacheRoleScreens(role: string): Promise<string[]> {
  if (!('caches' in globalThis)) return [];
  const res = await fetch(`${import.meta.env.BASE_URL}${ROLE_SCREENS_MANIFEST}`, { cache: 'no-cache' });
  // the dev server has no manifest (it answers index.html): nothing is precached there either
  if (!res.ok || !res.headers.get('content-type')?.includes('json')) return [];
  const manifest = (await res.json()) as Manifest;
  const cache = await caches.open(ROLE_SCREENS_CACHE);
  const screen = screenOf(role);
  const wanted = screen ? (manifest[screen] ?? []) : [];
  for (const path of wanted) {
    if (!(await cache.match(path))) await cache.add(path);
  }
  const current = new Set(Object.values(manifest).flat());
  for (const request of await cache.keys()) {
    if (!current.has(new URL(request.url).pathname)) await cache.delete(request);
  }
  return wanted;
}
