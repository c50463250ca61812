/**
 * Which screens, loaded on demand, each role opens: the one home of the role-to-chunks mapping. The
 * enumerator's tablet needs none (the interview app is in the first load); the staff roles open the staff
 * app (which holds the analyst's screen too) and the analyst opens the analyst's screen. The build
 * (scripts/build/role-chunks.ts) reads SCREEN_MODULES, keeps every chunk those modules alone need out of the
 * service worker's precache and lists them per screen in ROLE_SCREENS_MANIFEST; after an online login the
 * tablet puts its role's chunks into ROLE_SCREENS_CACHE (client/offline/role-screens-cache.ts), which the
 * service worker serves from. Plain data, no browser API: vite.config.ts imports it.
 */
import { STAFF_ROLES } from '../server/contract/vocabulary.ts';

/** The screens loaded on demand, by the module (path under client/) that client/app.tsx imports lazily. */
export const SCREEN_MODULES = {
  staff: 'review/staff-app.tsx',
  analyst: 'screens/analyst-screen.tsx',
} as const;
export type RoleScreen = keyof typeof SCREEN_MODULES;

const STAFF: ReadonlySet<string> = new Set(STAFF_ROLES);

/** The screen a role opens after login, or null for the enumerator (the interview app only). */
export function screenOf(role: string): RoleScreen | null {
  if (role === 'analyst') return 'analyst';
  return STAFF.has(role) ? 'staff' : null;
}

/** The build's list of each screen's chunks (URL paths), at the root of the built app. */
export const ROLE_SCREENS_MANIFEST = 'role-screens.json';
/** The Cache Storage cache holding the chunks of the screens this tablet's users opened online. */
export const ROLE_SCREENS_CACHE = 'role-screens';
