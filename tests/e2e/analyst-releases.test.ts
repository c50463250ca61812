/**
 * Releases in Chromium: the analyst weights (the run's computation is the fixture's,
 * tests/helpers/weighed-app.ts), the screen says the numbers come from an unpublished run, the analyst
 * publishes it as a release from the weights panel, picks it in the release list, and the screen and the
 * downloaded CSV name it (the screen is in Portuguese by default).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analystScreenSuite } from '../helpers/analyst-screen.ts';
import { stubWeigh, weighedNode } from '../helpers/weighed-app.ts';

const suite = analystScreenSuite(
  (ctx) =>
    weighedNode(
      ctx.database,
      stubWeigh(() => 1),
    ).app,
  {
    viewport: { width: 1200, height: 1400 },
    locale: 'en-GB',
    acceptDownloads: true,
  },
);

describe('analyst screen: releases', () => {
  it('weights, shows the unpublished run, publishes it, picks the release and names it everywhere', async () => {
    const { page } = suite;
    await page.click('[data-testid=weighting-start]');
    await page.waitForSelector('[data-testid=weighting-publish]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid=analyst-source]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid=analyst-source]')).toMatch(/Ponderação n.º 1, não publicada/);

    await page.fill('[data-testid=publish-name]', 'June bulletin');
    await page.click('[data-testid=publish-release]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=analyst-source]')?.textContent?.includes('June bulletin'),
      undefined,
      { timeout: 30_000 },
    );
    const options = await page.locator('[data-testid=analyst-release] option').allTextContents();
    expect(options).toHaveLength(2);
    expect(options[1]).toMatch(/^June bulletin \(\d{4}-\d{2}-\d{2}\)$/);
    const id = await page.locator('[data-testid=analyst-release] option').nth(1).getAttribute('value');
    await page.selectOption('[data-testid=analyst-release]', id ?? '');
    expect(await page.textContent('[data-testid=analyst-source]')).toMatch(/versão "June bulletin" de/);

    const asked: string[] = [];
    page.on('request', (r) => asked.push(r.url()));
    await page.selectOption('[data-testid=standard-table]', 'T05');
    await page.click('[data-testid=compute]');
    await page.waitForSelector('[data-testid=analyst-result]');
    expect(asked.some((u) => u.includes('/tables/T05?') && u.includes(`release=${id}`))).toBe(true);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=download-csv]'),
    ]);
    const csv = readFileSync((await file.path()) as string, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/,source$/);
    expect(csv.split('\n')[1]).toContain('Versão publicada ""June bulletin"" de');
  }, 120_000);
});
