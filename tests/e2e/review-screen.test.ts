/**
 * The supervisor's review queue and screen in Debian's Chromium at 1280x800: the queue counts what
 * matches, in all and per status, selects every clean interview with one button, with touch-sized
 * checkboxes. The screen names the household, EA, outcome
 * and enumerator; it opens in the reviewer's language, not the interview's; the language chosen stays
 * across a saved comment and a decision; after a decision it goes on to the next interview of the queue,
 * and after the last back to the queue, saying what was done. A reviewer who chose French reads the
 * queue, the questionnaire, the flags and the history in French.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { envelope, PASSWORD, type Person } from '../helpers/server.ts';
import { type E2E, E2E_QUESTIONNAIRE_ID, startE2E } from './harness.ts';

let e2e: E2E;
let browser: Browser;

beforeAll(async () => {
  // enough households for the paging test's 101 interviews beside the first tests' three
  e2e = await startE2E({ assignmentsPerEnumerator: 53 });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await e2e?.close();
});

/** A complete interview conducted in French (or `locale`), uploaded; validated by the caller's drain. */
async function upload(person: Person, locale = 'fr', second: Record<string, unknown> = { p_name: 'Rui' }) {
  const env = envelope(e2e.ctx, person, {
    questionnaireId: E2E_QUESTIONNAIRE_ID,
    locale,
    answers: {
      a02_island: '7',
      a04_ea: 'CV-PR-0001',
      b01_consent: 1,
      b03_size: 2,
      members: [
        { p_name: 'Ana', p_age: 41 },
        { p_age: 39, ...second },
      ],
      outcome: 11,
    },
  });
  const res = await e2e.ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: person, body: env });
  expect(res.status).toBe(201);
  return env.interviewId;
}

const language = (page: Page) => page.getByTestId('review-language').inputValue();

describe('the review screen', () => {
  it('names the household, keeps the chosen language and goes on to the next interview', async () => {
    await upload('enum_a1');
    await upload('enum_a2');
    await e2e.ctx.jobs.drain();

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pt-PT' });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 403) refused.push(r.url());
    });
    await page.goto(e2e.baseUrl);
    await page.fill('input[name=username]', 'sup_a');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    const rows = page.locator('[data-testid^=queue-row-]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    // a supervisor's login calls no enumerator-only endpoint
    expect(refused).toEqual([]);
    // the queue says how many there are, in all and per status, and selects the clean ones at once
    expect(await page.getByTestId('queue-range').textContent()).toBe('1–2 de 2');
    expect(await page.getByTestId('status-counts').textContent()).toBe('validada: 2');
    await page.getByTestId('select-clean').click();
    await page.getByRole('button', { name: 'Aprovar as entrevistas limpas selecionadas (2)' }).waitFor();
    const box = await rows.first().locator('input[type=checkbox]').boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(32);
    expect(box!.height).toBeGreaterThanOrEqual(32);
    await rows.first().getByRole('button', { name: 'Abrir' }).click();

    // the reviewer's language (Portuguese), not the interview's (French)
    await page.getByText('Número de membros').first().waitFor();
    expect(await language(page)).toBe('pt');
    const facts = page.getByTestId('review-facts');
    const first = await facts.textContent();
    for (const text of ['CV-PR-0001', 'Santiago', 'alojamento', 'agregado 1', '11 Completa', 'Inquiridor'])
      expect(first).toContain(text);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

    // English chosen; a saved comment keeps it
    await page.getByTestId('review-language').selectOption('en');
    await page.getByText('Number of members').first().waitFor();
    await page.getByRole('button', { name: 'Comentar b03_size' }).click();
    await page.fill('#review-comment-text', 'Confirme');
    await page.getByRole('button', { name: 'Juntar comentário' }).click();
    await page.getByRole('button', { name: 'Guardar comentários' }).click();
    await page.getByTestId('review-message').filter({ hasText: 'Feito' }).waitFor();
    await page.locator('.review-aside .supervisor-comment', { hasText: 'Confirme' }).waitFor();
    expect(await language(page)).toBe('en');
    await page.getByText('Number of members').first().waitFor();

    // approved: on to the other interview, still in English, saying what was done
    await page.getByRole('button', { name: 'Aprovar', exact: true }).click();
    await page.getByTestId('review-message').filter({ hasText: 'aprovada pelo supervisor' }).waitFor();
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid=review-facts]')?.textContent !== before,
      first,
    );
    expect(await language(page)).toBe('en');
    await page.getByText('Number of members').first().waitFor();
    expect(await page.getByTestId('review-status').textContent()).toBe('validada');

    // a reload keeps the language chosen
    await page.reload();
    await rows.first().getByRole('button', { name: 'Abrir' }).click();
    await page.getByText('Number of members').first().waitFor();
    expect(await language(page)).toBe('en');

    // the last one approved: back to the queue, now empty
    await page.getByRole('button', { name: 'Aprovar', exact: true }).click();
    await page.getByTestId('queue-message').filter({ hasText: 'aprovada pelo supervisor' }).waitFor();
    await page.getByText('Nenhuma entrevista corresponde.').waitFor();
    const statuses = (await e2e.interviewsOnServer()).map((i) => i.status);
    expect(statuses).toEqual(['approved_by_supervisor', 'approved_by_supervisor']);
    await context.close();
  }, 240_000);

  it('speaks French to a French reviewer: queue, questionnaire, flags, history and decision', async () => {
    // conducted in English, with the second person's name missing (an error) and aged 99 (the
    // questionnaire's warning, stored by the server in its default language, Portuguese)
    await upload('enum_a1', 'en', { p_age: 99 });
    await e2e.ctx.jobs.drain();

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pt-PT' });
    const page = await context.newPage();
    await page.goto(e2e.baseUrl);
    await page.getByLabel('Idioma', { exact: true }).selectOption('fr');
    expect(await page.getByLabel('Langue', { exact: true }).inputValue()).toBe('fr');
    await page.fill('input[name=username]', 'sup_a');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.getByRole('heading', { name: 'Entretiens à réviser' }).waitFor();
    const rows = page.locator('[data-testid^=queue-row-]');
    await rows.first().waitFor();
    expect(await page.getByTestId('queue-range').textContent()).toBe('1–1 sur 1');
    expect(await page.getByTestId('status-counts').textContent()).toContain('validé: 1');
    await rows.first().getByRole('button', { name: 'Ouvrir' }).click();

    // the questionnaire in French (the screen's language), not English (the interview's)
    await page.getByText('Nombre de membres').first().waitFor();
    expect(await language(page)).toBe('fr');
    expect(await page.getByTestId('review-facts').textContent()).toContain('logement');
    const flags = await page.getByTestId('review-flags').textContent();
    expect(flags).toContain("Erreur (Prénom · 2): Cette question est obligatoire et n'a pas de réponse.");
    expect(flags).toContain("Avertissement (Âge · 2): Plus de 95 ans : confirmez l'âge");
    expect(flags).not.toContain('validation.');
    expect(await page.getByTestId('review-history').textContent()).toContain('reçu');

    await page.getByRole('button', { name: 'Approuver', exact: true }).click();
    await page
      .getByTestId('queue-message')
      .filter({ hasText: "Fait : l'entretien est maintenant approuvé par le superviseur." })
      .waitFor();
    await page.getByText('Aucun entretien ne correspond.').waitFor();
    await context.close();
  }, 240_000);

  it('pages past the first 100 interviews, with the total, at 1280x800 and 800x1280; approves every clean one', async () => {
    // 101 interviews waiting (the queue shows 100 at a time: QUEUE_PAGE_SIZE in client/review/review-api.ts)
    for (let k = 0; k < 101; k++) await upload(k % 2 ? 'enum_a1' : 'enum_a2');
    await e2e.ctx.jobs.drain();

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pt-PT' });
    const page = await context.newPage();
    await page.goto(e2e.baseUrl);
    await page.getByLabel('Idioma', { exact: true }).selectOption('pt');
    await page.fill('input[name=username]', 'sup_a');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    const rows = page.locator('[data-testid^=queue-row-]');
    await rows.first().waitFor();
    expect(await page.getByTestId('queue-range').textContent()).toBe('1–100 de 101');
    expect(await rows.count()).toBe(100);
    expect(await page.getByTestId('status-counts').textContent()).toContain('validada: 101');
    await page.getByTestId('select-clean').click();
    await page.getByRole('button', { name: 'Aprovar as entrevistas limpas selecionadas (100)' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

    await page.getByRole('button', { name: 'Seguintes →' }).click();
    await page.getByTestId('queue-range').filter({ hasText: '101–101 de 101' }).waitFor();
    expect(await rows.count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Seguintes →' }).isDisabled()).toBe(true);

    await page.setViewportSize({ width: 800, height: 1280 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    await page.getByRole('button', { name: '← Anteriores' }).click();
    await page.getByTestId('queue-range').filter({ hasText: '1–100 de 101' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    // the review screen too, in portrait
    await rows.first().getByRole('button', { name: 'Abrir' }).click();
    await page.getByText('Número de membros').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);

    // every clean interview of every page selected at once, and approved
    await page.getByRole('button', { name: '← Voltar à fila' }).click();
    await page.getByTestId('select-all-clean').click();
    await page.getByRole('button', { name: 'Aprovar as entrevistas limpas selecionadas (101)' }).click();
    await page.getByTestId('queue-message').filter({ hasText: 'Aprovadas: 101. Ignoradas: 0.' }).waitFor();
    const statuses = (await e2e.interviewsOnServer()).map((i) => i.status);
    expect(statuses.filter((x) => x === 'validated')).toEqual([]);
    await context.close();
  }, 240_000);
});
