/**
 * The analyst's "Model" view in Chromium: a logistic model of discrimination built from the
 * catalogue (outcome and its category, three predictors), fitted on the fixture's replicate
 * weights: the coefficient table with odds ratios, reliability marks (small categories without
 * numbers), the forest plot, the Wald tests and the CSV download; a one-level factor is refused
 * naming the field.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analysisApp } from '../helpers/analysis-app.ts';
import { analystScreenSuite } from '../helpers/analyst-screen.ts';

const downloads = mkdtempSync(join(tmpdir(), 'morabeza-model-'));
const suite = analystScreenSuite((ctx) => analysisApp(ctx.database), {
  viewport: { width: 1200, height: 1400 },
  locale: 'en-GB',
  acceptDownloads: true,
});
afterAll(() => rmSync(downloads, { recursive: true, force: true }));

describe('analyst model view', () => {
  it('fits a logistic model: odds ratios, marks, forest plot, tests and the CSV', async () => {
    const { page } = suite;
    await page.click('[data-testid=mode-model]');
    // the table builder's units, the member unit among them (issue 18)
    expect(
      await page.$$eval('[data-testid=m-unit] option', (os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['individual', 'roster', 'member', 'household']);
    await page.selectOption('[data-testid=m-family]', 'quasibinomial');
    await page.selectOption('[data-testid=m-outcome]', 'k02_felt_discriminated');
    await page.selectOption('[data-testid=m-outcome-level]', '1');
    for (const [k, v] of ['c07_nationality1', 'c03_sex', 'c05_age'].entries()) {
      await page.click('[data-testid=m-add-predictor]');
      await page.selectOption(`[data-testid=m-predictor-${k}]`, v);
    }
    await page.click('[data-testid=m-fit]');
    await page.waitForSelector('[data-testid=model-result]', { timeout: 60_000 });
    const rows = page.locator('[data-testid=model-table] tbody tr');
    expect(await rows.count()).toBe(7);
    expect(await page.locator('[data-testid=model-table] thead').textContent()).toMatch(
      /odds ratio|razão de chances/,
    );
    expect(await page.locator('tr.rel-suppress').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=coef-c05_age] td').first().textContent()).toMatch(/Age|Idade/);
    expect(Number(await page.getAttribute('[data-testid=forest-plot]', 'data-points'))).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=model-tests] li').count()).toBe(3);
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=m-download-csv]'),
    ]);
    expect(dl.suggestedFilename()).toBe('ipei-model.csv');
    const path = join(downloads, 'model.csv');
    await dl.saveAs(path);
    expect(
      readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('coefficient,')).length,
    ).toBe(7);
  });
  it('a one-level factor is refused naming the field', async () => {
    const { page } = suite;
    await page.click('[data-testid=b-add-condition]');
    await page.selectOption('[data-testid=b-cond-var-0]', 'c03_sex');
    await page.selectOption('[data-testid=b-cond-value-0]', '1');
    await page.click('[data-testid=m-fit]');
    await page.waitForSelector('[data-testid=model-error]');
    expect(await page.textContent('[data-testid=model-error]')).toMatch(/predictors: .*only one level/);
  });
});
