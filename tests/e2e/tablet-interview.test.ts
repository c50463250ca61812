/**
 * The tablet app in Debian's Chromium against the real server: offline interviews are never lost,
 * uploads are retry-safe, and returned interviews come back with the supervisor's comments.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { PASSWORD } from '../helpers/server.ts';
import { type E2E, startE2E } from './harness.ts';

let e2e: E2E;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  e2e = await startE2E();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await e2e?.close();
});

async function openTablet(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'pt-PT' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(e2e.baseUrl);
  // The service worker has precached the app shell and controls the page.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
  return { context, page };
}

async function login(page: Page, username: string) {
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid^=assignment-]');
}

/** Waits until every answer typed so far is written to IndexedDB. */
const settled = (page: Page) => page.waitForSelector('[data-testid=interview][data-pending="0"]');

async function fillMembers(page: Page, names: string[], ages: number[]) {
  await page.locator('input[type=number]').first().fill(String(names.length));
  await page.locator('input[type=number]').first().blur();
  for (let i = 0; i < names.length; i++) {
    await page.locator('input[aria-label="Prénom"]').nth(i).fill(names[i]);
    await page.locator('input[aria-label="Âge"]').nth(i).fill(String(ages[i]));
  }
  await settled(page);
}

describe('tablet: an interview done offline is never lost', () => {
  let interviewId = '';

  it('logs in, goes offline, reloads from the service worker, interviews in French with a 3-person roster, resumes after a reload, and uploads exactly once when back online', async () => {
    const { context, page } = await openTablet();
    await login(page, 'enum_a1');

    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('[data-testid=network]:has-text("Sem rede")');
    const card = page.locator('[data-testid^=assignment-]').first();
    await expect(card.textContent()).resolves.toContain('CV-PR-0001');

    await card.locator('button').click();
    await page.waitForSelector('.sd-root-modern');
    await page.selectOption('[data-testid=interview-language]', 'fr');
    await page.getByText('Acceptez-vous de participer ?').waitFor();
    await page.getByText('Oui', { exact: true }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await fillMembers(page, ['Ana', 'Bruno', 'Carla'], [41, 39, 7]);

    // A reload mid-interview (still offline) resumes at the same page, in French, with every answer.
    await page.reload();
    await page.getByText('Membres du ménage').waitFor();
    const names = page.locator('input[aria-label="Prénom"]');
    expect(await names.count()).toBe(3);
    expect(await Promise.all([0, 1, 2].map((i) => names.nth(i).inputValue()))).toEqual([
      'Ana',
      'Bruno',
      'Carla',
    ]);
    expect(await page.locator('input[aria-label="Âge"]').nth(2).inputValue()).toBe('7');

    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText('Complet', { exact: true }).click();
    await page.getByRole('button', { name: 'Terminer' }).click();

    // Completed offline: it waits in the outbox, visible, with its state.
    const item = page.locator('[data-testid=outbox-item]');
    await item.waitFor();
    expect(['queued', 'sending', 'retry_wait']).toContain(await item.getAttribute('data-state'));
    expect(await e2e.interviewsOnServer()).toHaveLength(0);
    await page.screenshot({ path: join(tmpdir(), 'morabeza-outbox-offline.png') });

    // Back online: the outbox empties by itself.
    await context.setOffline(false);
    await page.waitForSelector('[data-testid=outbox-empty]', { timeout: 30_000 });
    const onServer = await e2e.interviewsOnServer();
    expect(onServer).toHaveLength(1);
    expect(onServer[0].currentRevision).toBe(1);
    interviewId = onServer[0].id;
    const envelope = await e2e.envelopeOnServer(interviewId, 1);
    expect(envelope.locale).toBe('fr');
    expect(envelope.outcome).toBe(11);
    expect((envelope.answers.members as { p_name: string }[]).map((m) => m.p_name)).toEqual([
      'Ana',
      'Bruno',
      'Carla',
    ]);
    expect(envelope.answers.a04_ea).toBe('CV-PR-0001');
    const paradata = envelope.paradata as Record<string, unknown>;
    expect(paradata.languageSwitches).toEqual([expect.objectContaining({ from: 'pt', to: 'fr' })]);
    expect((paradata.visits as unknown[]).length).toBe(2);
    expect(Object.keys(paradata.pageTimesMs as object)).toEqual(
      expect.arrayContaining(['cover', 'household']),
    );
    expect(paradata.gps).toMatchObject({ status: 'missing' });
  }, 180_000);
});
