/**
 * The analyst in Chromium: logs in, computes a standard table and a table built in the browser
 * (variable, domain, universe), sees it as the workbook's cross-tab and every cell's estimate, CI,
 * CV, n and reliability mark, the
 * chart with CI bars, and downloads the table as CSV and the microdata as .dta. "All standard
 * tables" come one request per table (the progress bar counts them).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableWarningCode } from '../../analysis/tables/estimate-warnings.ts';
import { TABLE_WORDS } from '../../analysis/tables/table-words.ts';
import { WARNING_WORDS } from '../../analysis/tables/warning-words.ts';
import { ANALYST_MESSAGES } from '../../client/analyst/messages.ts';
import { createWeightingRuns } from '../../server/domain/weighting/runs.ts';
import { weighInWorker } from '../../server/jobs/weighting-thread.ts';
import { analysisApp } from '../helpers/analysis-app.ts';
import { type AnalystScreen, openAnalystScreen } from '../helpers/analyst-screen.ts';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/server.ts';
import { languageSwitch } from './steps.ts';

let screen: AnalystScreen;
let browser: Browser;
let ctx: TestContext;
let baseUrl: string;
let page: Page;
const downloads = mkdtempSync(join(tmpdir(), 'morabeza-analyst-'));
const weightsDir = mkdtempSync(join(tmpdir(), 'morabeza-analyst-weights-'));

// a copy of the fixture: the public-use key is written beside the data
const weightsCopy = mkdtempSync(join(tmpdir(), 'morabeza-e2e-weights-'));
cpSync('tests/fixtures/tables', weightsCopy, { recursive: true });

beforeAll(async () => {
  // the repository's surveys too: the analyst screen lists them (the fixture tables are the first's)
  ctx = await createTestContext({}, { surveyDirs: ['questionnaires'] });
  const app = analysisApp(ctx.database, {
    analysis: { dataDir: () => weightsCopy },
    weighting: createWeightingRuns(ctx.database, {
      outDir: weightsDir,
      source: 'test',
      weigh: weighInWorker,
    }),
  });
  screen = await openAnalystScreen(app, {
    viewport: { width: 1200, height: 1400 },
    locale: 'en-GB',
    acceptDownloads: true,
  });
  ({ browser, page, baseUrl } = screen);
}, 180_000);

afterAll(async () => {
  await screen?.close();
  await ctx?.close();
  rmSync(downloads, { recursive: true, force: true });
  rmSync(weightsDir, { recursive: true, force: true });
});

describe('analyst screen', () => {
  it('computes a standard table: cells with CI, CV, n and reliability, and the chart', async () => {
    await page.selectOption('[data-testid=standard-table]', 'T05');
    await page.click('[data-testid=compute]');
    await page.waitForSelector('[data-testid=analyst-result]');
    const rows = page.locator('[data-testid=analyst-cells] tbody tr');
    expect(await rows.count()).toBe(5);
    const first = await rows.first().locator('td').allTextContents();
    expect(first[7]).toBe('72');
    expect(first[2]).toMatch(/^2[.,]37$/);
    expect(first[4]).toMatch(/–/);
    expect(await page.locator('tr[data-reliability=suppress]').count()).toBe(4);
    expect(await page.textContent('[data-testid=analyst-legend]')).toMatch(/fewer than 30|menos de 30/);
    // Suppressed cells are not drawn: one bar, the total.
    expect(await page.getAttribute('[data-testid=ci-chart]', 'data-points')).toBe('1');
    // Shown as the workbook's cross-tab: a mean by one domain is one column group of rows, Total first,
    // each with estimate, CI limits, base n and mark; the suppressed strata keep only base and mark.
    const x = page.locator('[data-testid=analyst-crosstab]');
    expect(await x.locator('thead tr').count()).toBe(2);
    expect((await x.locator('thead tr').nth(1).locator('th').allTextContents()).length).toBe(5);
    const lines = x.locator('tbody tr');
    expect(await lines.count()).toBe(5);
    const total = await lines.first().locator('th, td').allTextContents();
    expect(total[0]).toBe('Total');
    expect(total[1]).toMatch(/^2[.,]37$/);
    expect(total[4]).toBe('72');
    const suppressed = await lines.nth(1).locator('td').allTextContents();
    expect([suppressed[0], suppressed[4]]).toEqual(['', 'x']);
  });
  it('computes every standard table with one click and downloads them as one Excel workbook', async () => {
    // The tables are fetched one by one (the progress bar counts them), never as one long request.
    const asked: string[] = [];
    const onRequest = (r: { url: () => string }) => {
      const m = /\/api\/analysis\/ipei\/tables\/([^?]+)/.exec(r.url());
      if (m) asked.push(m[1]);
    };
    page.on('request', onRequest);
    await page.selectOption('[data-testid=standard-table]', 'all');
    await page.click('[data-testid=compute]');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=analyst-result]').length === 57,
      undefined,
      { timeout: 120_000 },
    );
    page.off('request', onRequest);
    expect(await page.locator('[data-testid=analyst-result]').count()).toBe(57); // with T45-T49 and T51-T54, the region-of-birth versions, and T55-T58, immigrants of any nationality (issue 18)
    expect(asked.length).toBe(57);
    // A multiple-response table (household assets): one row per option, shares in percent.
    const assets = page.locator('[data-testid=analyst-result]', { hasText: '(h08_assets)' });
    expect(await assets.count()).toBe(1);
    const assetRows = assets.locator('[data-testid=analyst-crosstab] tbody tr');
    expect(await assetRows.count()).toBe(7);
    const fridge = await assetRows.first().locator('th, td').allTextContents();
    expect(fridge[0]).toMatch(/Fridge|Frigorífico/);
    expect(fridge[1]).toMatch(/^\d+[.,]\d%$/);
    expect(asked).not.toContain('all');
    // Proportions name their interval method under the title.
    expect(await page.locator('[data-testid=analyst-result]').first().textContent()).toMatch(
      /logit \(svyciprop\)/,
    );
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=download-xlsx]'),
    ]);
    expect(dl.suggestedFilename()).toBe('ipei-all.xlsx');
    const path = join(downloads, 'all.xlsx');
    await dl.saveAs(path);
    expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
  });
  it('builds a table (variable, domain, universe) and downloads it as CSV', async () => {
    await page.click('[data-testid=mode-custom]');
    await page.selectOption('[data-testid=b-unit]', 'roster');
    await page.selectOption('[data-testid=b-variable]', 'c03_sex');
    await page.selectOption('[data-testid=b-domain-0]', 'age_group');
    await page.click('[data-testid=b-add-condition]');
    await page.selectOption('[data-testid=b-cond-var-0]', 'c05_age');
    await page.selectOption('.condition select >> nth=1', '>=');
    await page.fill('[data-testid=b-cond-value-0]', '15');
    await page.click('[data-testid=compute]');
    await page.waitForSelector('[data-testid=analyst-result]');
    const texts = await page.locator('[data-testid=analyst-cells] tbody tr').allTextContents();
    // tables.json's age groups: Total + five groups of 15+, two sexes each; 0-14 is outside the universe.
    expect(texts.length).toBe(12);
    expect(texts[0]).toMatch(/^Total/);
    expect(texts[0]).toMatch(/152$/);
    expect(texts.some((x) => x.startsWith('0-14'))).toBe(false);
    // each cell by its own n (min_n 30): only the men of 45-64 (30) keep their share among the groups
    expect(await page.locator('tr[data-reliability=suppress]').count()).toBe(9);
    expect(Number(await page.getAttribute('[data-testid=ci-chart]', 'data-points'))).toBeGreaterThan(0);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-csv]')]);
    const path = join(downloads, dl.suggestedFilename());
    await dl.saveAs(path);
    const csv = readFileSync(path, 'utf8');
    expect(dl.suggestedFilename()).toBe('ipei-custom.csv');
    expect(csv.trim().split('\n').length).toBe(13);
    expect(csv).toMatch(/custom,/);
  });
  it('an impossible table says why in a sentence of the app language, the analysis words as details', async () => {
    await page.fill('[data-testid=b-cond-value-0]', '200');
    await page.click('[data-testid=compute]');
    const banner = page.locator('[data-testid=analyst-error]');
    await banner.waitFor();
    // the sentence is the banner's own text, the analysis's English words only in the details line
    const sentence = () =>
      banner.evaluate((el) =>
        [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join(''),
      );
    // the app's language (Portuguese, the default) first, then English when chosen
    expect(await sentence()).toMatch(
      /^Não é possível fazer o quadro: o universo não retém ninguém que tenha respondido a «Sexo» \(c03_sex\)\. Alargue o universo\.$/,
    );
    expect(await banner.locator('details small').textContent()).toContain('selects nobody');
    await page.getByLabel('Idioma', { exact: true }).selectOption('en');
    await expect
      .poll(sentence)
      .toMatch(
        /^The table cannot be made: the universe keeps nobody who answered «[^»]+» \(c03_sex\)\. Widen the universe\.$/,
      );
    await page.getByLabel('Language', { exact: true }).selectOption('pt');
  });
  it('downloads the microdata as Stata .dta', async () => {
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="micro-dta-persons.dta"]'),
    ]);
    const path = join(downloads, 'persons.dta');
    await dl.saveAs(path);
    expect(readFileSync(path).subarray(0, 40).toString('latin1')).toBe(
      '<stata_dta><header><release>118</release',
    );
  });
  it('downloads the public-use microdata as one zip', async () => {
    await page.selectOption('[data-testid=micro-kind]', 'public');
    expect(await page.$('[data-testid="micro-csv-persons.csv"]')).toBeNull();
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="micro-csv-microdata.zip"]'),
    ]);
    expect(dl.suggestedFilename()).toBe('ipei-public-csv.zip');
    const path = join(downloads, 'public.zip');
    await dl.saveAs(path);
    const zip = readFileSync(path);
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(zip.includes('persons.csv')).toBe(true);
  });
  it("a table in Kriolu: its title, legend and column groups are the server's Kriolu words", async () => {
    const tables = JSON.parse(readFileSync('questionnaires/ipei/tables.json', 'utf8')) as {
      tables: Array<{ id: string; title: Record<string, string> }>;
    };
    const title = tables.tables.find((x) => x.id === 'T05')?.title;
    await page.getByLabel('Idioma', { exact: true }).selectOption('kea');
    await page.click('[data-testid=mode-standard]');
    await page.selectOption('[data-testid=standard-table]', 'T05');
    expect(await page.locator('[data-testid=standard-table] option[value=T05]').textContent()).toBe(
      `T05. ${title?.kea}`,
    );
    await page.click('[data-testid=compute]');
    const result = page.locator('[data-testid=analyst-result]');
    await result.locator('h3').filter({ hasText: title?.kea }).waitFor();
    expect(await page.textContent('[data-testid=analyst-legend]')).toContain(TABLE_WORDS.kea.legend(30, 30));
    const x = page.locator('[data-testid=analyst-crosstab]');
    expect(await x.locator('thead tr').nth(1).locator('th').allTextContents()).toEqual(TABLE_WORDS.kea.group);
    expect((await x.locator('tbody tr').first().locator('th, td').allTextContents())[0]).toBe(
      TABLE_WORDS.kea.total,
    );
    // a table with warnings (T06's fixture has logit [0, 1] and one-sided cells) lists them under
    // its cross-tab in Kriolu, each the catalogue's sentence for its code and count
    await page.selectOption('[data-testid=standard-table]', 'T06');
    await page.click('[data-testid=compute]');
    const warned = page.locator('[data-testid=analyst-warnings] li');
    await warned.first().waitFor();
    const codes = await warned.evaluateAll((li) => li.map((l) => l.getAttribute('data-code') ?? ''));
    const texts = await warned.allTextContents();
    expect(codes.length).toBeGreaterThan(0);
    codes.forEach((code, k) => {
      const count = texts[k].match(/^\d+/)?.[0] ?? '';
      expect(texts[k]).toBe(WARNING_WORDS.kea[code as TableWarningCode](count));
    });
    // the microdata's codebook in Kriolu too (the app language, not the closest of pt and en)
    await page.selectOption('[data-testid=micro-kind]', 'internal');
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="micro-csv-codebook.md"]'),
    ]);
    const path = join(downloads, 'codebook.kea.md');
    await dl.saveAs(path);
    const md = readFileSync(path, 'utf8');
    expect(md.startsWith('# Livru di kódigus: ipei')).toBe(true);
    expect(md).toMatch(/\| c03_sex \| variable \| numeric \| Séxu \| 1 = Ómi; 2 = Mudjer \|/);
    await languageSwitch(page).selectOption('pt');
  });
  it('builds a table on household members in French: the unit, variables and categories in French', async () => {
    await languageSwitch(page).selectOption('fr');
    await page.click('[data-testid=mode-custom]');
    await page.selectOption('[data-testid=b-unit]', 'member');
    expect(await page.locator('[data-testid=b-unit] option[value=member]').textContent()).toBe(
      ANALYST_MESSAGES.fr['an.unit.member'],
    );
    // the questionnaire's French, not the Portuguese or English label
    expect(await page.locator('[data-testid=b-variable] option[value=c03_sex]').textContent()).toBe(
      'Sexe (c03_sex)',
    );
    // household variables are not offered for members
    expect(await page.locator('[data-testid=b-variable] option[value=b01_residents]').count()).toBe(0);
    await page.selectOption('[data-testid=b-variable]', 'c03_sex');
    await page.click('[data-testid=compute]');
    await page.waitForSelector('[data-testid=analyst-result]');
    const texts = await page.locator('[data-testid=analyst-cells] tbody tr').allTextContents();
    expect(texts.some((x) => x.includes('Masculin'))).toBe(true);
    await languageSwitch(page).selectOption('pt');
  });
});

/** A coordinator logged in a new browser context, on the "weights and tables" tab of IPEI. */
async function coordinatorOnAnalysis() {
  const context = await browser.newContext({ viewport: { width: 1200, height: 1400 }, locale: 'en-GB' });
  const coord = await context.newPage();
  await coord.goto(baseUrl);
  await coord.fill('input[name=username]', 'coord');
  await coord.fill('input[name=password]', PASSWORD);
  await coord.click('button[type=submit]');
  await coord.click('[data-testid=tab-analysis]', { timeout: 30_000 });
  await coord.selectOption('[data-testid=analyst-survey]', 'ipei', { timeout: 30_000 });
  return { context, coord };
}

describe("the coordinator's weights and tables tab", () => {
  it('shows that nothing is weighted yet, starts a run, and shows why it failed', async () => {
    const { context, coord } = await coordinatorOnAnalysis();
    await coord.waitForSelector('[data-testid=weighting-panel]');
    // staff get their tabs, not the tablet's assignments and outbox
    expect(await coord.locator('[data-testid=nav-outbox]').count()).toBe(0);
    expect(await coord.textContent('[data-testid=weighting-panel]')).toMatch(
      /not been weighted yet|ainda não foram ponderadas/,
    );
    await coord.click('[data-testid=weighting-start]');
    // this test database has no listed sample: the run ends with the pipeline's reason
    await coord.waitForSelector('[data-testid=weighting-failed]', { timeout: 60_000 });
    // the failure's code in the app's language (the error catalogue's weighting.input), then the
    // pipeline's words in that language too (their structured detail), no English left;
    // the staff's other languages too (French here)
    const failed = await coord.textContent('[data-testid=weighting-failed]');
    expect(failed).toMatch(
      /^A última ponderação falhou\. As entrevistas aprovadas ou a amostra do inquérito não servem à ponderação.*\(Nenhuma unidade selecionada do inquérito 'ipei' em /,
    );
    expect(failed).not.toMatch(/No selected unit/);
    await coord.getByLabel('Idioma', { exact: true }).selectOption('fr');
    expect(await coord.textContent('[data-testid=weighting-failed]')).toMatch(
      /^La dernière pondération a échoué\. Les entretiens approuvés .*\(Aucune unité sélectionnée de l'enquête « ipei » dans /,
    );
    expect(await coord.isEnabled('[data-testid=weighting-start]')).toBe(true);
    await context.close();
  });
});

describe('the weights and tables tab in French and Kriolu', () => {
  it("offers the four languages and shows the tab's words in the one chosen", async () => {
    const { context, coord } = await coordinatorOnAnalysis();
    await coord.waitForSelector('[data-testid=analyst-screen]');
    await coord.click('[data-testid=mode-custom]');
    const language = languageSwitch(coord);
    expect(
      await language.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['pt', 'en', 'fr', 'kea']);
    for (const lang of ['fr', 'kea'] as const) {
      await language.selectOption(lang);
      const words = ANALYST_MESSAGES[lang];
      await expect
        .poll(() => coord.textContent('[data-testid=analyst-screen] h2'))
        .toContain(words['an.title']);
      // the whole screen with its options: mode, builder, weights, downloads
      const text = (await coord.textContent('[data-testid=analyst-screen]')) ?? '';
      for (const key of [
        'an.standard',
        'an.custom',
        'an.view.model',
        'an.unit',
        'an.unit.household',
        'an.statistic',
        'an.stat.median',
        'an.addCondition',
        'an.w.start',
        'an.microdata',
        'an.kind.internal.note',
      ] as const)
        expect(text, `${lang} ${key}`).toContain(words[key]);
      // none of the screen's English phrases left (its single words may be the survey's own labels,
      // which beside the French words are English on purpose)
      const english = Object.entries(ANALYST_MESSAGES.en)
        .filter(([k, v]) => v.includes(' ') && !v.includes('{') && words[k as keyof typeof words] !== v)
        .map(([, v]) => v);
      expect(english.filter((v) => text.includes(v))).toEqual([]);
    }
    await context.close();
  });
});
