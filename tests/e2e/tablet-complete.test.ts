/**
 * "Finalizar" on the tablet, in Debian's Chromium at 800x1280 and 1280x800: it opens a summary of what is
 * left (here a soft warning on a roster row's age) instead of completing at once; a tap on a problem
 * goes to its question; the interview completes only after the confirmation, and no screen of it
 * overflows sideways.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fillMembers, login, openTablet, rowSettled, settled } from './steps.ts';
import { e2eSuite } from './suite.ts';

const suite = e2eSuite();

const pageTitle = (page: Page) => page.locator('.sd-page__title').first();
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** "Próximo", once more when SurveyJS first only shows the page's warnings. */
async function next(page: Page, to: string) {
  await page.getByRole('button', { name: 'Próximo' }).click();
  const warned = page.locator('.sd-error--warning').first();
  const arrived = pageTitle(page).filter({ hasText: to });
  await Promise.race([warned.waitFor(), arrived.waitFor()]);
  if (!(await arrived.isVisible())) await page.getByRole('button', { name: 'Próximo' }).click();
  await arrived.waitFor();
}

describe('completing an interview on the tablet', () => {
  it('shows a summary first, jumps to a listed question, completes only after the confirmation', async () => {
    const { e2e, browser } = suite;
    const { context, page } = await openTablet(browser, e2e.baseUrl);
    await login(page, 'enum_a1');
    await page.locator('[data-testid^=assignment-] button').first().click();
    await page.getByText('Sim', { exact: true }).click();
    await next(page, 'Agregado');
    await fillMembers(page, ['Ana', 'Velho'], [41, 99], 'pt');

    // SurveyJS lets a page with only warnings go: they wait for the summary
    await next(page, 'Resultado');
    await page.getByText('Completa', { exact: true }).click();
    await settled(page);

    await page.getByRole('button', { name: 'Finalizar' }).click();
    const summary = page.getByTestId('complete-summary');
    await summary.waitFor();
    // the survey (and its Finalizar) is out of the way while the summary is open
    expect(await page.getByRole('button', { name: 'Finalizar', exact: true }).count()).toBe(0);
    const warnings = page.getByTestId('problems-warning').locator('li');
    expect(await warnings.allInnerTexts()).toEqual([expect.stringContaining('Membros do agregado 2: Idade')]);
    expect(await warnings.first().textContent()).toContain('Mais de 95 anos: confirme a idade');
    expect(await page.getByTestId('problems-error').count()).toBe(0);
    expect(await page.getByTestId('problems-unanswered').count()).toBe(0);
    // a warning alone does not make completing a risk: the plain confirmation
    expect(await page.getByTestId('complete-confirm').textContent()).toBe('Confirmar e finalizar');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // nothing was sent yet
    expect(await e2e.interviewsOnServer()).toEqual([]);

    // a tap on the problem goes to the roster page, at that question
    await warnings.first().getByRole('button').click();
    await pageTitle(page).filter({ hasText: 'Agregado' }).waitFor();
    expect(await summary.count()).toBe(0);
    await page.locator('.sd-tab-item--active', { hasText: '2. Velho' }).waitFor();
    await rowSettled(page);
    const age = page.locator('input[aria-label="Idade"]');
    expect(await age.evaluate((el) => el === document.activeElement)).toBe(true);
    // there the warning looks unlike a hard error: a dashed amber bar
    const warning = page.locator('.sd-error--warning', { hasText: 'Mais de 95 anos' });
    await warning.waitFor();
    expect(await warning.evaluate((el) => getComputedStyle(el).borderLeftStyle)).toBe('dashed');

    // landscape: back to the end, the summary again, then confirm
    await page.setViewportSize({ width: 1280, height: 800 });
    await next(page, 'Resultado');
    await page.getByRole('button', { name: 'Finalizar' }).click();
    await summary.waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('complete-cancel').click();
    await page.getByRole('button', { name: 'Finalizar' }).click();
    await page.getByTestId('complete-confirm').click();
    await page.waitForSelector('[data-testid=outbox-empty]', { timeout: 60_000 });
    expect((await e2e.interviewsOnServer()).length).toBe(1);
    await context.close();
  }, 300_000);
  it('has a sticky bar with a section navigator: states, progress, free moves, and what is left listed', async () => {
    const { e2e, browser } = suite;
    const { context, page } = await openTablet(browser, e2e.baseUrl);
    await login(page, 'enum_a2');
    // the assignments are searched and filtered on the tablet
    const cards = page.locator('[data-testid^=assignment-][data-status]');
    await page.getByTestId('filter-search').fill('CV-SL');
    await page.getByTestId('filter-count').filter({ hasText: '0 / 1' }).waitFor();
    expect(await cards.count()).toBe(0);
    await page.getByTestId('filter-search').fill('cv-pr 2');
    await page.getByTestId('filter-count').filter({ hasText: '1 / 1' }).waitFor();
    await page.getByTestId('filter-status').selectOption({ label: 'Por começar' });
    expect(await cards.count()).toBe(1);
    expect(await page.getByTestId('filter-ea').locator('option').allTextContents()).toEqual([
      'Todas as áreas',
      'CV-PR-0001',
    ]);
    // one term for the area, the survey's own (its profile's unit.cluster)
    expect(await cards.first().textContent()).toContain('Distrito de recenseamento CV-PR-0001');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.locator('[data-testid^=assignment-] button').first().click();
    await page.getByText('Sim', { exact: true }).click();
    await settled(page);
    const section = (name: string) => page.locator(`[data-testid=section-nav] [data-section=${name}]`);
    await page.getByTestId('sections-toggle').click();
    expect(await section('cover').getAttribute('data-state')).toBe('done');
    expect(await section('household').getAttribute('data-state')).toBe('not_started');
    expect(await section('closing').getAttribute('data-state')).toBe('not_started');
    expect(await page.getByTestId('sections-toggle').textContent()).toContain('1/3');

    // straight to the last section, skipping the household: nothing stops the move
    await section('closing').click();
    await pageTitle(page).filter({ hasText: 'Resultado' }).waitFor();
    await page.getByText('Completa', { exact: true }).click();
    await settled(page);
    expect(await page.getByTestId('progress').getAttribute('data-answered')).toBe('2');

    // the summary lists the household's required question, and a tap opens it
    await page.getByRole('button', { name: 'Finalizar' }).click();
    const unanswered = page.getByTestId('problems-unanswered').locator('li');
    expect(await unanswered.allTextContents()).toEqual([expect.stringContaining('Número de membros')]);
    expect(await page.getByTestId('complete-confirm').textContent()).toContain('mesmo assim');
    await unanswered.first().getByRole('button').click();
    await pageTitle(page).filter({ hasText: 'Agregado' }).waitFor();

    // the roster page, scrolled on a short screen: the bar stays in view
    await fillMembers(page, ['A', 'B', 'C', 'D', 'E', 'F'], [30, 31, 32, 33, 34, 35], 'pt');
    await page.setViewportSize({ width: 800, height: 480 });
    await page.mouse.wheel(0, 3000);
    await page.waitForFunction(() => window.scrollY > 200);
    for (const el of [
      page.getByRole('button', { name: /Voltar às tarefas/ }),
      page.getByTestId('interview-language'),
    ]) {
      const box = await el.boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(480);
    }
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.getByTestId('sections-toggle').click();
    expect(await section('household').getAttribute('data-state')).toBe('done');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  }, 300_000);
});
