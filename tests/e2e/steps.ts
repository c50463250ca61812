/** Steps the tablet e2e tests share: open a fresh tablet, log in, fill the e2e household roster. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { APP_LANGUAGES, MESSAGES } from '../../client/i18n.ts';
import { PASSWORD } from '../helpers/server.ts';
import type { E2E } from './harness.ts';

/**
 * The app's language switch, whatever language it is in: its accessible name is the catalogue's
 * `nav.language` of the app language of the moment (Idioma, Language, Langue, Lingua).
 */
export const languageSwitch = (page: Page) =>
  page.locator(APP_LANGUAGES.map((l) => `select[aria-label="${MESSAGES[l]['nav.language']}"]`).join(', '));

export async function openTablet(
  browser: Browser,
  baseUrl: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 800, height: 1280 },
    locale: 'pt-PT',
    ...options,
  });
  const page = await context.newPage();
  await page.goto(baseUrl);
  // The service worker has precached the app shell and controls the page.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
  return { context, page };
}

export async function login(page: Page, username: string, password = PASSWORD) {
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid^=assignment-]');
}

/** Waits until every answer typed so far is written to IndexedDB. */
export const settled = (page: Page) => page.waitForSelector('[data-testid=interview][data-pending="0"]');

const LABELS = { fr: { name: 'Prénom', age: 'Âge' }, pt: { name: 'Nome', age: 'Idade' } };

/** SurveyJS animates a roster's change of row: the leaving row stays in the page until it ends. */
export const rowSettled = (page: Page) =>
  page.waitForFunction(
    () => !document.querySelector('[class*="panel-wrapper--leave"], [class*="panel-wrapper--enter"]'),
  );

/** A roster shows one row (person) at a time: opens row i by its tab. */
export async function openRow(page: Page, i: number) {
  const tab = page.locator('.sd-tab-item').nth(i);
  await tab.click();
  await page.locator('.sd-tab-item--active').nth(0).and(tab).waitFor();
  await rowSettled(page);
}

/** The tabs of the page's roster, by their titles ("1. Ana"). */
export async function rowTabs(page: Page): Promise<string[]> {
  // the tab bar shows its items once it has measured them
  await page.locator('.sd-tab-item__title').first().waitFor();
  return page.locator('.sd-tab-item__title').allTextContents();
}

export async function fillMembers(page: Page, names: string[], ages: number[], lang: 'fr' | 'pt' = 'fr') {
  await page.locator('input[type=number]').first().fill(String(names.length));
  await page.locator('input[type=number]').first().blur();
  for (let i = 0; i < names.length; i++) {
    await openRow(page, i);
    await page.locator(`input[aria-label="${LABELS[lang].name}"]`).fill(names[i]);
    await page.locator(`input[aria-label="${LABELS[lang].age}"]`).fill(String(ages[i]));
  }
  await settled(page);
}

/** The e2e household in Portuguese, up to (not including) "Finalizar". */
export async function answerHousehold(page: Page, names: string[], ages: number[]) {
  await page.locator('[data-testid^=assignment-] button').first().click();
  await page.getByText('Sim', { exact: true }).click();
  await page.getByRole('button', { name: 'Próximo' }).click();
  await fillMembers(page, names, ages, 'pt');
  await page.getByRole('button', { name: 'Próximo' }).click();
  await page.getByText('Completa', { exact: true }).click();
  await settled(page);
}

/** "Finalizar" (the interview language's label), then the confirmation on the summary it opens. */
export async function finish(page: Page, label = 'Finalizar') {
  await page.getByRole('button', { name: label }).click();
  await page.getByTestId('complete-confirm').click();
}

/** The interview id the tablet minted for its (only) draft, read from IndexedDB. */
export function draftInterviewId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('morabeza');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<Array<{ interviewId: string }>>((resolve) => {
      const req = db.transaction('drafts').objectStore('drafts').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return all[0].interviewId;
  });
}

/** Waits until the session token the tablet holds (IndexedDB `meta.session`) has expired. */
export async function waitForSessionExpiry(page: Page): Promise<void> {
  const expiresAt = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('morabeza');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const row = await new Promise<{ value: { expiresAt: number } } | undefined>((resolve) => {
      const req = db.transaction('meta').objectStore('meta').get('session');
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return row?.value.expiresAt ?? 0;
  });
  await page.waitForTimeout(Math.max(0, expiresAt + 500 - Date.now()));
}

/**
 * The coordinator, on the staff screens in a context of its own, revokes the tablet `enumerator` last
 * used; returns that context and page (the caller closes the context).
 */
export async function revokeTablet(
  browser: Browser,
  baseUrl: string,
  enumerator: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'pt-PT' });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(baseUrl);
  await page.fill('input[name=username]', 'coord');
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.getByTestId('tab-devices').click();
  const row = page.locator('[data-testid^=device-]').filter({ hasText: enumerator });
  await row.getByRole('button', { name: 'Revogar' }).click();
  await page.locator('[data-testid^=device-][data-status=revoked]').waitFor();
  return { context, page };
}

/**
 * A fresh tablet on which `username` finished a household while the server answers every upload 500
 * (`faults.failPuts`): the interview is queued and retrying. The caller sets failPuts back to 0.
 */
export async function finishedWhileUploadsFail(
  browser: Browser,
  e2e: E2E,
  username: string,
  names: string[],
  ages: number[],
): Promise<{ context: BrowserContext; page: Page }> {
  const tablet = await openTablet(browser, e2e.baseUrl);
  await login(tablet.page, username);
  e2e.faults.failPuts = 1_000;
  await answerHousehold(tablet.page, names, ages);
  await finish(tablet.page, 'Finalizar');
  return tablet;
}
