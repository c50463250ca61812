/**
 * The analyst screen's layout and its weighting report in Chromium, at 1280x800 and 800x1280: after a
 * weighting (the run's computation is the fixture's, its report the small example's;
 * tests/helpers/weighed-app.ts), the report opens as headings and tables (not Markdown) in Portuguese,
 * follows the language switch to English, French and Kriolu, and the builder, a computed table and the open report never
 * widen the page beyond the window (document scrollWidth <= clientWidth), nor does the model panel.
 */
import { describe, expect, it } from 'vitest';
import { runWeighting } from '../../analysis/weighting/index.ts';
import { households, persons, recipe } from '../analysis/weighting/small-example.ts';
import { analystScreenSuite } from '../helpers/analyst-screen.ts';
import { stubWeigh, weighedNode } from '../helpers/weighed-app.ts';
import { languageSwitch } from './steps.ts';

const report = runWeighting(households, persons, recipe, null).report;
const weigh = stubWeigh(() => 1);
const suite = analystScreenSuite(
  (ctx) =>
    weighedNode(ctx.database, async (inputs, options, signal) => ({
      ...(await weigh(inputs, options, signal)),
      report: { survey: options.survey, notice: null, ...report },
    })).app,
  { viewport: { width: 1280, height: 800 }, locale: 'pt-PT' },
);

/** How far the page is wider than the window at each size (0 = no horizontal scroll). */
async function overflow(): Promise<Record<string, number>> {
  const { page } = suite;
  const out: Record<string, number> = {};
  for (const [width, height] of [
    [1280, 800],
    [800, 1280],
  ]) {
    await page.setViewportSize({ width, height });
    // measured once the page has laid itself out again at that size (two animation frames)
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
    );
    out[`${width}x${height}`] = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  }
  return out;
}
const none = { '1280x800': 0, '800x1280': 0 };

describe('analyst screen: layout and weighting report', () => {
  it('shows the weighting report rendered, in Portuguese, then in English, French and Kriolu', async () => {
    const { page } = suite;
    await page.click('[data-testid=weighting-start]');
    await page.waitForSelector('[data-testid=weighting-report]', { timeout: 30_000 });
    await page.click('[data-testid=weighting-report]');
    const body = page.locator('[data-testid=weighting-report-body]');
    await body.waitFor({ timeout: 30_000 });
    expect(await body.locator('h3').textContent()).toBe('Relatório de ponderação: ipei');
    expect(await body.locator('h4').allTextContents()).toContain('Amostra');
    expect(await body.locator('table').count()).toBe(5);
    expect(await body.textContent()).not.toMatch(/\| --- |## /);
    expect(await overflow()).toEqual(none);
    await page.getByLabel('Idioma', { exact: true }).selectOption('en');
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid=weighting-report-body] h3')
          ?.textContent?.startsWith('Weighting'),
      undefined,
      { timeout: 30_000 },
    );
    expect(await body.locator('h4').allTextContents()).toContain('Sample');
    // French and Kriolu: the report in the header's language (as the screen's other words)
    const reportIn = async (lang: string, title: string) => {
      await languageSwitch(page).selectOption(lang);
      await page.waitForFunction(
        (t) => document.querySelector('[data-testid=weighting-report-body] h3')?.textContent?.startsWith(t),
        title,
        { timeout: 30_000 },
      );
    };
    await reportIn('fr', 'Rapport de pondération : ipei');
    expect(await body.locator('h4').allTextContents()).toContain('Échantillon');
    expect(await body.textContent()).not.toMatch(/Selected units|Weights at each step|Replicate weights/);
    expect(await overflow()).toEqual(none);
    await reportIn('kea', 'Relatóriu di ponderason: ipei');
    expect(await body.locator('h4').allTextContents()).toContain('Pezus na kada etapa');
    expect(await overflow()).toEqual(none);
    await reportIn('en', 'Weighting report: ipei');
  });

  it('keeps the builder and a computed table within the window', async () => {
    const { page } = suite;
    await page.click('[data-testid=weighting-report]'); // hide the report
    await page.click('[data-testid=mode-custom]');
    await page.selectOption('[data-testid=b-unit]', 'roster');
    await page.selectOption('[data-testid=b-variable]', 'c03_sex');
    await page.selectOption('[data-testid=b-domain-0]', 'age_group');
    await page.selectOption('[data-testid=b-domain-1]', { index: 2 });
    await page.click('[data-testid=b-add-condition]');
    expect(await overflow()).toEqual(none);
    await page.selectOption('[data-testid=b-cond-var-0]', 'c05_age');
    await page.selectOption('.condition select >> nth=1', '>=');
    await page.fill('[data-testid=b-cond-value-0]', '15');
    await page.click('[data-testid=compute]');
    await page.waitForSelector('[data-testid=analyst-result]', { timeout: 60_000 });
    expect(await page.locator('[data-testid=analyst-crosstab]').count()).toBe(1);
    expect(await overflow()).toEqual(none);
  });

  it('keeps the model panel within the window', async () => {
    const { page } = suite;
    await page.click('[data-testid=mode-model]');
    await page.waitForSelector('[data-testid=mode-model]:checked');
    expect(await overflow()).toEqual(none);
  });
});
