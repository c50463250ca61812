/**
 * Office coding in Debian's Chromium: a coordinator opens "Codificação", sees the uncoded texts grouped
 * (three spellings of one job as one group of 3 answers, with their field codes), searches the code
 * list and codes the group; the code is stored once for all three answers and the group leaves the
 * uncoded list; then "Limpar…" with a reason makes it uncoded again. A supervisor sees the team's
 * texts, and one another team also wrote with its Code button disabled and the reason said. The screen and the open picker
 * fit 1280 and 800 px wide. Suggested codes show on the uncoded rows with their reasons, titles in
 * Portuguese, and one tap codes the group.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, households, officeCodes } from '../../server/db/schema.ts';
import { launchChromium } from '../helpers/browser.ts';
import { envelope, PASSWORD, type Person } from '../helpers/server.ts';
import { type E2E, startE2E } from './harness.ts';

const DIR = fileURLToPath(new URL('../fixtures/server/office-coding', import.meta.url));
let e2e: E2E;
let browser: Browser;
const contexts: BrowserContext[] = [];

const UPLOADS: Array<[Person, unknown[]]> = [
  [
    'enum_a1',
    [
      { w01_job: 'Vende roupa no mercado', w01a_group: 5 },
      { w01_job: 'limpeza', w01a_group: 9 },
    ],
  ],
  ['enum_a2', [{ w01_job: 'vende ROUPA no  mercado', w01a_group: 9 }]],
  ['enum_b1', [{ w01_job: ' Vende roupa no mercado', w01a_group: 5 }]],
];

beforeAll(async () => {
  e2e = await startE2E({ questionnairesDir: DIR, questionnaireId: 'coded-household' });
  for (const [person, members] of UPLOADS) {
    const env = envelope(e2e.ctx, person, {
      questionnaireId: 'coded-household',
      answers: { a04_ea: 'CV-PR-0001', z05_result: 11, members },
    });
    const res = await e2e.ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: person, body: env });
    expect(res.status).toBe(201);
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await e2e?.close();
});

async function openCoding(width: number, height: number, user = 'coord'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'pt-PT' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(e2e.baseUrl);
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.getByTestId('tab-coding').click();
  await page.getByTestId('office-coding').waitFor();
  return page;
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('office coding in the browser', () => {
  it('codes one group of texts from the staff screen, at 1280 and 800 px', async () => {
    const narrow = await openCoding(800, 1280);
    await narrow.locator('[data-testid=coding-group][data-key="vende roupa no mercado"]').waitFor();
    await narrow.getByTestId('coding-open').first().click();
    await narrow.getByTestId('code-picker').waitFor();
    expect(await overflow(narrow)).toBeLessThanOrEqual(0);

    const page = await openCoding(1280, 800);
    expect(await page.getByTestId('tab-coding').textContent()).toBe('Codificação');
    const group = page.locator('[data-testid=coding-group][data-key="vende roupa no mercado"]');
    await group.waitFor();
    const cells = await group.locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['Vende roupa no mercado', '3', '5 (2), 9 (1)']);
    expect(await page.getByTestId('coding-group').count()).toBe(2);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await group.getByTestId('coding-open').click();
    // codes under the group's field codes (5 and 9) first; the search narrows the list
    await page.getByTestId('code-search').fill('street');
    expect(await page.locator('[data-testid=code-picker] li').count()).toBe(1);
    await page.getByTestId('code-95').click();
    await page.getByTestId('coding-message').waitFor();
    expect(await page.getByTestId('coding-message').textContent()).toContain('95');
    await group.waitFor({ state: 'detached' });
    expect(await page.getByTestId('coding-group').count()).toBe(1);

    const rows = await e2e.ctx.database.db.select().from(officeCodes);
    expect(rows.map((r) => [r.pair, r.textKey, r.code])).toEqual([
      ['w01_job', 'vende roupa no mercado', '95'],
    ]);

    // shown again with the coded texts, with its code and coder
    await page.getByTestId('coding-show-coded').check();
    const coded = page.locator('[data-testid=coding-group][data-code="95"]');
    await coded.waitFor();
    expect(await coded.textContent()).toContain('Street and related sales and service workers');

    // cleared with a reason: uncoded again, the clear kept as a row with the empty code
    await coded.getByTestId('coding-clear').click();
    expect(await page.getByTestId('clear-confirm').isDisabled()).toBe(true);
    await page.getByTestId('clear-reason').fill('vendedora ambulante ou no mercado?');
    await page.getByTestId('clear-confirm').click();
    await page
      .locator('[data-testid=coding-group][data-key="vende roupa no mercado"][data-code=""]')
      .waitFor();
    expect(await page.getByTestId('coding-message').textContent()).toContain('já não tem código');
    const after = await e2e.ctx.database.db.select().from(officeCodes);
    expect(after.map((r) => r.code)).toEqual(['95', '']);
  });

  it('shows a supervisor the team’s texts; one another team also wrote cannot be coded', async () => {
    const page = await openCoding(1280, 800, 'sup_a');
    const shared = page.locator('[data-testid=coding-group][data-key="vende roupa no mercado"]');
    await shared.waitFor();
    // team a's two answers; team b's one is counted as elsewhere
    expect((await shared.locator('td').allTextContents())[1]).toBe('2');
    expect(await shared.getByTestId('coding-elsewhere').textContent()).toContain(
      '1 respostas de outras equipas',
    );
    expect(await shared.getByTestId('coding-open').isDisabled()).toBe(true);
    const own = page.locator('[data-testid=coding-group][data-key="limpeza"]');
    expect(await own.getByTestId('coding-open').isDisabled()).toBe(false);
    expect(await own.getByTestId('coding-elsewhere').count()).toBe(0);
  });

  it('offers suggested codes with their reasons, and one tap codes the group', async () => {
    const coded = await e2e.ctx.request('POST', '/api/office-coding/coded/assign', {
      as: 'coord',
      body: { pair: 'w01_job', text: 'limpeza', code: '91' },
    });
    expect(coded.status).toBe(200);
    await e2e.ctx.database.db
      .insert(households)
      .values({ id: 'CV-PR-0001-suggest', eaCode: 'CV-PR-0001', dwelling: 600, pi2: 0.5 });
    await e2e.ctx.database.db.insert(assignments).values({
      id: 'A-suggest',
      householdId: 'CV-PR-0001-suggest',
      questionnaireId: 'coded-household',
      questionnaireVersion: 1,
      enumeratorId: e2e.ctx.userIds.enum_a1,
    });
    const env = envelope(e2e.ctx, 'enum_a1', {
      assignmentId: 'A-suggest',
      questionnaireId: 'coded-household',
      answers: {
        a04_ea: 'CV-PR-0001',
        z05_result: 11,
        members: [{ w01_job: 'Limpezas de escritório', w01a_group: 9 }],
      },
    });
    const res = await e2e.ctx.request('PUT', `/api/interviews/${env.interviewId}`, {
      as: 'enum_a1',
      body: env,
    });
    expect(res.status).toBe(201);

    const page = await openCoding(1280, 800);
    const office = page.locator('[data-testid=coding-group][data-key="limpezas de escritório"]');
    await office.waitFor();
    const suggestion = office.getByTestId('suggest-91');
    expect(await suggestion.textContent()).toBe('91 Cleaners and helpers');
    expect(await office.getByTestId('suggest-reason').textContent()).toBe('como foi codificado “limpeza”');
    // the title in Portuguese (the list gives it), the word found said
    const seller = page.locator('[data-testid=coding-group][data-key="vende roupa no mercado"]');
    expect(await seller.getByTestId('suggest-52').textContent()).toBe('52 Vendedores');
    expect(await seller.getByTestId('suggest-reason').textContent()).toBe('o título tem vende');
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await suggestion.click();
    await page.getByTestId('coding-message').waitFor();
    await office.waitFor({ state: 'detached' });
    const rows = await e2e.ctx.database.db.select().from(officeCodes);
    expect(rows.filter((r) => r.textKey === 'limpezas de escritório').map((r) => r.code)).toEqual(['91']);
  });
});
