/**
 * A returned interview's comments on the tablet, in Debian's Chromium at 800x1280: every comment listed
 * above the questionnaire with a tap that jumps to its question (a roster row's question included); the
 * comment shown on the page where the interview resumes after reopening and after a reload; a long
 * comment wraps inside the screen.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerHousehold, finish, login, openTablet, rowSettled } from './steps.ts';
import { e2eSuite } from './suite.ts';

const suite = e2eSuite();

const LONG =
  'Confirme o número de membros: a listagem registou quatro residentes habituais e a entrevista só tem três; pergunte pela pessoa em falta, incluindo quem está temporariamente ausente há menos de seis meses (trabalho, estudos ou hospital).';

async function openReturned(page: Page) {
  const card = page.locator('[data-testid^=assignment-][data-status="state.returned"]');
  await card.waitFor();
  await card.getByRole('button', { name: 'Corrigir (devolvida)' }).click();
  await page.getByTestId('comment-list').waitFor();
}

/** The comment on the third person's age, at that question: the roster shows Carla, the note above her age. */
async function carlaCommentShown(page: Page) {
  const note = page.locator('.supervisor-comment', { hasText: 'Confirme a idade da Carla' });
  await note.waitFor();
  await rowSettled(page);
  expect(await page.locator('.sd-tab-item--active').textContent()).toBe('3. Carla');
  const age = page.locator('input[aria-label="Idade"]');
  expect(await age.inputValue()).toBe('12');
  const [box, ageBox] = [await note.boundingBox(), await age.boundingBox()];
  expect(box!.y).toBeLessThan(ageBox!.y);
}

describe('a returned interview on the tablet', () => {
  it('lists every comment, jumps to its question, shows it where the interview resumes and wraps it', async () => {
    const { e2e, browser } = suite;
    const { context, page } = await openTablet(browser, e2e.baseUrl);
    await login(page, 'enum_a1');
    await answerHousehold(page, ['Ana', 'Bruno', 'Carla'], [41, 39, 12]);
    await finish(page, 'Finalizar');
    await page.waitForSelector('[data-testid=outbox-empty]', { timeout: 60_000 });
    const [interview] = await e2e.interviewsOnServer();
    await e2e.ctx.jobs.drain();
    const res = await e2e.ctx.request('POST', `/api/interviews/${interview.id}/review`, {
      as: 'sup_a',
      body: {
        action: 'return',
        revision: 1,
        comments: [
          { question: 'members[2].p_age', text: 'Confirme a idade da Carla' },
          { question: 'b03_size', text: LONG },
          { question: null, text: 'Reveja o agregado' },
        ],
      },
    });
    expect(res.status, await res.clone().text()).toBe(200);

    await page.getByRole('button', { name: 'Tarefas' }).click();
    await page.getByRole('button', { name: 'Descarregar atualizações' }).click();
    await openReturned(page);
    // every comment is listed, the ones on a question with a button to it
    const items = page.getByTestId('comment-list').locator('li');
    expect(await items.count()).toBe(3);
    const listed = (await items.allTextContents()).join('\n');
    for (const text of ['Confirme a idade da Carla', LONG, 'Reveja o agregado'])
      expect(listed).toContain(text);
    expect(await page.getByTestId('comment-list').locator('button').count()).toBe(2);

    // the tap on the roster comment opens the household page at the third person
    await page.locator('[data-testid=comment-list] button[data-path="members[2].p_age"]').click();
    await page.locator('.sd-page__title', { hasText: 'Agregado' }).waitFor();
    await carlaCommentShown(page);

    // the long comment wraps inside the 800 px screen
    const long = page.locator('.supervisor-comment', { hasText: 'Confirme o número de membros' });
    await long.waitFor();
    const fit = await long.evaluate((el) => ({
      right: el.getBoundingClientRect().right,
      scroll: el.scrollWidth,
      client: el.clientWidth,
      // more than two lines of text: it wraps
      tall: el.getBoundingClientRect().height > 2 * Number.parseFloat(getComputedStyle(el).fontSize) * 1.3,
    }));
    expect(fit.right).toBeLessThanOrEqual(800);
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    expect(fit.tall).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    await page.screenshot({ path: join(tmpdir(), 'morabeza-returned-comments.png'), fullPage: true });

    // out and back in: the interview resumes at the household page, with its comments
    await page.getByRole('button', { name: 'Voltar às tarefas' }).click();
    await openReturned(page);
    await page.locator('.sd-page__title', { hasText: 'Agregado' }).waitFor();
    await carlaCommentShown(page);

    // after a reload of the app, likewise
    await page.reload();
    // (the app reopens the interview it was showing)
    await page.getByTestId('comment-list').waitFor();
    await page.locator('.sd-page__title', { hasText: 'Agregado' }).waitFor();
    await carlaCommentShown(page);
    await context.close();
  }, 300_000);
});
