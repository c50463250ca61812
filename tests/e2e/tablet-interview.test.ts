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
import {
  answerHousehold,
  fillMembers,
  finish,
  login,
  openRow,
  openTablet as openTabletAt,
  rowSettled,
  rowTabs,
  settled,
} from './steps.ts';

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

const openTablet = async (options: Parameters<Browser['newContext']>[0] = {}) => {
  const tablet = await openTabletAt(browser, e2e.baseUrl, options);
  contexts.push(tablet.context);
  return tablet;
};

describe('tablet: an interview done offline is never lost', () => {
  let interviewId = '';
  let tablet: { context: BrowserContext; page: Page };

  it('logs in, goes offline, reloads from the service worker, interviews in French with a 3-person roster, resumes after a reload, and uploads exactly once when back online', async () => {
    tablet = await openTablet();
    const { context, page } = tablet;
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
    // one person per screen, each tab named after the person
    expect(await rowTabs(page)).toEqual(['1. Ana', '2. Bruno', '3. Carla']);
    await openRow(page, 2);
    expect(await page.locator('input[aria-label="Prénom"]').inputValue()).toBe('Carla');
    expect(await page.locator('input[aria-label="Âge"]').inputValue()).toBe('7');

    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText('Complet', { exact: true }).click();
    await finish(page, 'Terminer');

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

  it('the server fails twice with 500 and then accepts: the tablet backs off, resends the same revision, and the server holds one copy', async () => {
    // This tablet grants the position: it goes into the paradata.
    const { page } = await openTablet({
      permissions: ['geolocation'],
      geolocation: { latitude: 14.9177, longitude: -23.5092, accuracy: 12 },
    });
    await login(page, 'enum_a2');
    e2e.faults.failPuts = 2;
    await answerHousehold(page, ['Djon'], [52]);
    await finish(page, 'Finalizar');

    const waiting = page.locator('[data-testid=outbox-item][data-state=retry_wait]');
    await waiting.waitFor();
    // the item names the household, and says in words why it waits and when it is retried
    expect(await waiting.getByTestId('outbox-household').textContent()).toMatch(
      /Distrito de recenseamento CV-PR-0001 · Alojamento \d+ · Agregado \d+/,
    );
    expect(await waiting.getByTestId('outbox-sentence').textContent()).toMatch(
      /^O servidor teve um erro; nova tentativa (dentro de \d+ s|agora)$/,
    );
    await page.waitForSelector('[data-testid=outbox-empty]', { timeout: 60_000 });

    // the network badge asks the server: a network without it is not "online"
    expect(await page.getByTestId('network').textContent()).toBe('Com rede');
    await page.route('**/api/health', (route) => route.fulfill({ status: 503, body: '{}' }));
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    await page.locator('[data-testid=network][data-reach=noServer]').waitFor();
    expect(await page.getByTestId('network').textContent()).toBe('Sem servidor');
    await page.unroute('**/api/health');
    const mine = (await e2e.interviewsOnServer()).filter((i) => i.id !== interviewId);
    expect(mine).toHaveLength(1);
    expect(e2e.puts.filter((p) => p.interviewId === mine[0].id).map((p) => p.status)).toEqual([
      500, 500, 201,
    ]);
    expect(await e2e.revisionsOnServer(mine[0].id)).toEqual([1]);
    const log = await page.locator('[data-testid=sync-log] li').allTextContents();
    expect(log.filter((l) => l.includes('Erro do servidor'))).toHaveLength(2);
    expect(log[0]).toContain('Recebida pelo servidor');
    const paradata = (await e2e.envelopeOnServer(mine[0].id, 1)).paradata as Record<string, unknown>;
    expect(paradata.gps).toMatchObject({ status: 'ok', latitude: 14.9177, longitude: -23.5092 });
  }, 180_000);

  it('a supervisor returns the interview with a comment: the tablet shows it at the question and the fix goes up as revision 2', async () => {
    expect(interviewId).not.toBe('');
    await e2e.ctx.jobs.drain(); // a supervisor reviews validated interviews
    const res = await e2e.ctx.request('POST', `/api/interviews/${interviewId}/review`, {
      as: 'sup_a',
      body: {
        action: 'return',
        revision: 1,
        comments: [
          { question: 'members[2].p_age', text: 'Confirme a idade da Carla' },
          { question: null, text: 'Reveja o agregado' },
        ],
      },
    });
    expect(res.status, await res.clone().text()).toBe(200);

    const { page } = tablet;
    await page.getByRole('button', { name: 'Tarefas' }).click();
    await page.getByRole('button', { name: 'Descarregar atualizações' }).click();
    const card = page.locator('[data-testid^=assignment-][data-status="state.returned"]');
    await card.waitFor();
    await card.getByRole('button', { name: 'Corrigir (devolvida)' }).click();
    await page.getByText('Reveja o agregado').waitFor();
    await page.getByRole('button', { name: 'Suivant' }).click();
    // The comment on members[2].p_age sits at the third person's age (the roster opens that person),
    // and nowhere else.
    const comments = page.locator('.supervisor-comment', { hasText: 'Confirme a idade da Carla' });
    await comments.first().waitFor();
    await rowSettled(page);
    expect(await comments.count()).toBe(1);
    expect(await page.locator('.sd-tab-item--active').textContent()).toBe('3. Carla');
    const thirdAge = page.locator('input[aria-label="Âge"]');
    expect(await thirdAge.inputValue()).toBe('7');
    const commentBox = await comments.first().boundingBox();
    const ageBox = await thirdAge.boundingBox();
    expect(commentBox && ageBox).toBeTruthy();
    expect(commentBox!.y).toBeLessThan(ageBox!.y);
    for (const other of [0, 1]) {
      await openRow(page, other);
      expect(await page.locator('.supervisor-comment').count()).toBe(0);
    }
    await openRow(page, 2);
    await comments.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(tmpdir(), 'morabeza-returned-comment.png') });

    await page.locator('input[aria-label="Âge"]').fill('8');
    await settled(page);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await finish(page, 'Terminer');
    await page.waitForSelector('[data-testid=outbox-empty]', { timeout: 30_000 });

    expect(await e2e.revisionsOnServer(interviewId)).toEqual([1, 2]);
    const revised = await e2e.envelopeOnServer(interviewId, 2);
    expect(revised.interviewId).toBe(interviewId);
    expect((revised.answers.members as { p_age: number }[])[2].p_age).toBe(8);
    const server = (await e2e.interviewsOnServer()).find((i) => i.id === interviewId);
    expect(server?.currentRevision).toBe(2);
  }, 180_000);

  it('unlocks offline with the same password (verifier on the device) and refuses a wrong one', async () => {
    const { context, page } = await openTablet();
    await login(page, 'enum_b1');
    await page.getByRole('button', { name: 'Bloquear' }).click();
    await context.setOffline(true);
    await page.reload();
    await page.fill('input[name=username]', 'enum_b1');
    await page.fill('input[name=password]', 'not the password');
    await page.click('button[type=submit]');
    await page.getByRole('alert').filter({ hasText: 'Utilizador ou palavra-passe errados.' }).waitFor();
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    const card = page.locator('[data-testid^=assignment-]').first();
    await card.waitFor();
    expect(await card.textContent()).toContain('CV-SL-0001');
    expect(await page.locator('[data-testid=network]').textContent()).toBe('Sem rede');
    // The app's own screens also speak English.
    await page.getByLabel('Idioma', { exact: true }).selectOption('en');
    expect(await page.locator('[data-testid=network]').textContent()).toBe('Offline');
    // the language switch is named in the app language (its accessible name), no longer in English only
    expect(await page.getByLabel('Language', { exact: true }).inputValue()).toBe('en');
    expect(await page.getByLabel('Idioma', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Outbox' }).click();
    await page.getByRole('heading', { name: 'Outbox' }).waitFor();
  }, 120_000);
});
