/**
 * Tablet benchmarks for `npm run bench` (measured, never asserted): what the tablet downloads at first
 * load (JS and CSS named by index.html, raw and gzip) beside every chunk of the build, the time from opening the app to the first question served by the service worker
 * with the CPU slowed 4x, and the time to move between pages with a ten-person roster.
 * Usage from bench/run.ts: `const { runTabletBench } = await import('../tests/e2e/tablet-bench.ts')`.
 */
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { bundleSizes, firstLoadSizes } from '../helpers/bundle.ts';
import { PASSWORD } from '../helpers/server.ts';
import { startE2E } from './harness.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;

async function slowCpu(page: Page, rate: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

export async function runTabletBench(runs = 5) {
  const e2e = await startE2E();
  const browser = await launchChromium();
  try {
    const sizes = bundleSizes(e2e.dist);
    const first = firstLoadSizes(e2e.dist);
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
    const page = await context.newPage();
    await page.goto(e2e.baseUrl);
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
    await page.fill('input[name=username]', 'enum_a1');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.locator('[data-testid^=assignment-] button').first().click();
    await page.getByText('Sim', { exact: true }).click();
    await page.getByRole('button', { name: 'Próximo' }).click();
    await page.locator('input[type=number]').first().fill('10');
    await page.locator('input[type=number]').first().blur();
    for (let i = 0; i < 10; i++) {
      await page
        .locator('input[aria-label="Nome"]')
        .nth(i)
        .fill(`Pessoa ${i + 1}`);
      await page
        .locator('input[aria-label="Idade"]')
        .nth(i)
        .fill(String(20 + i));
    }
    await page.waitForSelector('[data-testid=interview][data-pending="0"]');
    await page.getByRole('button', { name: 'Anterior' }).click();

    // Offline, 4x slower CPU: reload lands on the interview (route kept), served by the service worker.
    await context.setOffline(true);
    await slowCpu(page, 4);
    const firstQuestion: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await page.reload();
      await page.locator('.sd-question').first().waitFor();
      firstQuestion.push(performance.now() - t0);
    }
    const pageMove: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now();
      await page.getByRole('button', { name: 'Próximo' }).click();
      await page.locator('input[aria-label="Nome"]').nth(9).waitFor();
      pageMove.push(performance.now() - t0);
      t0 = performance.now();
      await page.getByRole('button', { name: 'Anterior' }).click();
      await page.getByText('Aceita participar?').waitFor();
      pageMove.push(performance.now() - t0);
    }
    await context.close();
    const json = {
      bundle: sizes,
      firstLoad: first,
      firstQuestionFromSwMs: { median: median(firstQuestion), runs: firstQuestion, cpuSlowdown: 4 },
      pageMoveTenPersonRosterMs: { median: median(pageMove), runs: pageMove, cpuSlowdown: 4 },
    };
    const rows: Array<[string, string]> = [
      [
        'tablet first load JS+CSS (raw / gzip)',
        `${kb(first.js.raw + first.css.raw)} / ${kb(first.js.gzip + first.css.gzip)} (JS ${kb(first.js.gzip)}, CSS ${kb(first.css.gzip)} gzip)`,
      ],
      [
        'every chunk, staff and analyst screens too (raw / gzip)',
        `${kb(sizes.js.raw + sizes.css.raw)} / ${kb(sizes.js.gzip + sizes.css.gzip)}`,
      ],
      [
        'open app -> first question, offline from SW, CPU 4x',
        `${median(firstQuestion).toFixed(0)} ms (median of ${runs})`,
      ],
      [
        'page move with a 10-person roster, CPU 4x',
        `${median(pageMove).toFixed(0)} ms (median of ${2 * runs})`,
      ],
    ];
    return { rows, json };
  } finally {
    await browser.close();
    await e2e.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, json } = await runTabletBench();
  for (const [k, v] of rows) console.log(`${k.padEnd(52)} ${v}`);
  console.log(JSON.stringify(json));
}
