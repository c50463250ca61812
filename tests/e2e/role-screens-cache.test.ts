/**
 * The tablet's offline copy, by role, in Chromium against a fresh build: an enumerator's tablet, logged
 * in and through an interview's first page, holds in its caches the first load but no chunk of the staff
 * or analyst screens (role-screens.json lists them; the service worker used to precache them on every
 * tablet); a supervisor's tablet holds every chunk of the staff screens after one online login and opens
 * them offline after a reload; an analyst's holds the analyst's screen (not the staff app) and opens it
 * offline too.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_SCREENS_MANIFEST } from '../../client/role-screens.ts';
import { launchChromium } from '../helpers/browser.ts';
import { firstLoadAssets } from '../helpers/bundle.ts';
import { PASSWORD } from '../helpers/server.ts';
import { type E2E, startE2E } from './harness.ts';
import { login, openTablet } from './steps.ts';

let e2e: E2E;
let browser: Browser;
let lists: Record<'staff' | 'analyst', string[]>;
beforeAll(async () => {
  e2e = await startE2E();
  browser = await launchChromium();
  lists = await (await fetch(`${e2e.baseUrl}/${ROLE_SCREENS_MANIFEST}`)).json();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await e2e?.close();
});

// the analyst's screen, with its catalogue or without it (offline); not the app's "loading" line
const ANALYST_SCREEN = '[data-testid=analyst-screen], [data-testid=analyst-status].warn';

/** The URL paths of everything the page's Cache Storage holds, every cache (the precache too). */
const cachedPaths = (page: Page) =>
  page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });

/** Logs a staff member or analyst in and waits for the tablet to have cached their screens. */
async function loginStaff(page: Page, username: string) {
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('html[data-role-screens]');
}

describe("the tablet's offline copy, by role", () => {
  it('an enumerator caches the interview app and no staff or analyst chunk', async () => {
    const { context, page } = await openTablet(browser, e2e.baseUrl);
    await login(page, 'enum_a1');
    await page.locator('[data-testid^=assignment-] button').first().click();
    await page.getByText('Sim', { exact: true }).waitFor();
    await page.waitForSelector('html[data-role-screens="0"]');
    const cached = new Set(await cachedPaths(page));
    // the check sees the service worker's precache: the first load is there
    for (const asset of firstLoadAssets(e2e.dist)) expect(cached.has(`/${asset}`), asset).toBe(true);
    const roleChunks = [...lists.staff, ...lists.analyst];
    expect(roleChunks.length).toBeGreaterThanOrEqual(2);
    expect(roleChunks.filter((p) => cached.has(p))).toEqual([]);
    await context.close();
  }, 90_000);

  it("a supervisor's tablet holds the staff screens after one online login and opens them offline", async () => {
    const { context, page } = await openTablet(browser, e2e.baseUrl);
    await loginStaff(page, 'sup_a');
    await page.waitForSelector('[data-testid=tab-dashboard]');
    const cached = new Set(await cachedPaths(page));
    expect(lists.staff.filter((p) => !cached.has(p))).toEqual([]);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('[data-testid=tab-dashboard]');
    await page.click('[data-testid=tab-dashboard]');
    await context.close();
  }, 90_000);

  it("an analyst's tablet holds the analyst's screen, not the staff app, and opens it offline", async () => {
    const { context, page } = await openTablet(browser, e2e.baseUrl);
    await loginStaff(page, 'analyst');
    await page.waitForSelector(ANALYST_SCREEN);
    const cached = new Set(await cachedPaths(page));
    expect(lists.analyst.filter((p) => !cached.has(p))).toEqual([]);
    const staffOnly = lists.staff.filter((p) => !lists.analyst.includes(p));
    expect(staffOnly.length).toBeGreaterThanOrEqual(1);
    expect(staffOnly.filter((p) => cached.has(p))).toEqual([]);
    await context.setOffline(true);
    await page.reload();
    // offline the screen says it cannot reach the catalogue: its own words, not the loading line
    await page.waitForSelector(ANALYST_SCREEN);
    await context.close();
  }, 90_000);
});
