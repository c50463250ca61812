/**
 * Tablet benchmarks for `npm run bench` (measured, never asserted): what an enumerator's tablet
 * downloads at first load (every JS and CSS file the page requested through login, assignments and an
 * interview; raw, gzip, brotli and as sent) against the issue's goal, what it downloads in all (those
 * and every JS and CSS file its caches hold: the service worker's precache, fetched in the background),
 * the JS and CSS named by index.html, and every chunk of the build, the time from opening the app to the
 * first question served by the service worker with the CPU slowed 4x, and the time to move between pages
 * with a ten-person roster.
 * Usage from bench/run.ts: `const { runTabletBench } = await import('../tests/e2e/tablet-bench.ts')`.
 */
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { assetsWeight, bundleSizes, firstLoadSizes } from '../helpers/bundle.ts';
import { PASSWORD } from '../helpers/server.ts';
import { startE2E } from './harness.ts';
import { rowSettled } from './steps.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// kB of 1,000 bytes, as Vite's build report and the issue's figures count them
const kb = (n: number) => `${(n / 1000).toFixed(0)} kB`;
/** The issue's goal for what an enumerator's tablet downloads at first load (JS+CSS, gzip). */
export const ENUMERATOR_FIRST_LOAD_GOAL_KB = 450;
/** What the page logs when its first question is in the DOM (an init script below). */
const FIRST_QUESTION = 'morabeza:first-question';

/** The app's JS and CSS this page requested (from the network or the service worker), with wire bytes. */
async function requestedAssets(page: Page) {
  return page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .map((e) => ({ path: new URL(e.name).pathname, wire: e.encodedBodySize }))
      .filter((e) => /^\/assets\/.+\.(js|css)$/.test(e.path)),
  );
}

/** The app's JS and CSS the tablet's Cache Storage holds (the service worker's precache and the rest). */
async function cachedAssets(page: Page) {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
    }
    return paths.filter((p) => /^\/assets\/.+\.(js|css)$/.test(p));
  });
}

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
    // one person per screen (tabs): at 800 px the tab bar folds the later rows into its overflow
    // menu, so each row's tab is clicked by a dispatched event
    await page.locator('input[type=number]').first().fill('10');
    await page.locator('input[type=number]').first().blur();
    for (let i = 0; i < 10; i++) {
      const tab = page.locator('.sd-tab-item').nth(i);
      await tab.dispatchEvent('click');
      await page.locator('.sd-tab-item--active').nth(0).and(tab).waitFor({ state: 'attached' });
      await rowSettled(page);
      await page.locator('input[aria-label="Nome"]').fill(`Pessoa ${i + 1}`);
      await page.locator('input[aria-label="Idade"]').fill(String(20 + i));
    }
    await page.waitForSelector('[data-testid=interview][data-pending="0"]');
    await page.getByRole('button', { name: 'Anterior' }).click();
    // everything the enumerator's route loaded: login, assignments, an interview with a roster
    const requested = new Map((await requestedAssets(page)).reverse().map((r) => [r.path.slice(1), r.wire]));
    const assets = [...requested.keys()].sort();
    const enumerator = {
      assets,
      ...assetsWeight(e2e.dist, assets),
      // as the server sent them: its brotli copies (Chromium asks 127.0.0.1 for br too), else gzip
      wire: [...requested.values()].reduce((sum, n) => sum + n, 0),
      goalGzipKb: ENUMERATOR_FIRST_LOAD_GOAL_KB,
    };
    // and what the tablet downloaded in all: the page's requests and the service worker's caches
    const all = [...new Set([...assets, ...(await cachedAssets(page)).map((p) => p.slice(1))])].sort();
    const tablet = { assets: all, ...assetsWeight(e2e.dist, all) };

    // Offline, 4x slower CPU: reload lands on the interview (route kept), served by the service worker.
    await context.setOffline(true);
    await slowCpu(page, 4);
    // and as the page saw it: from its navigation start to the first question in the DOM (without the
    // old page's unload and the driver's polling of the new page, which the figure above includes)
    // The page says so itself (a console message the driver listens for): waiting through a locator
    // would make Playwright compile its injected script (~40 ms of CPU, ~170 ms at 4x) on the page's
    // main thread while the app loads, which a tablet never pays.
    await page.addInitScript((said) => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.sd-question')) return;
        (window as unknown as { firstQuestionAt: number }).firstQuestionAt = window.performance.now();
        observer.disconnect();
        console.debug(said);
      }).observe(document, { childList: true, subtree: true });
    }, FIRST_QUESTION);
    const firstQuestion: number[] = [];
    const firstQuestionInPage: number[] = [];
    for (let i = 0; i < runs; i++) {
      const seen = page.waitForEvent('console', { predicate: (m) => m.text() === FIRST_QUESTION });
      const t0 = performance.now();
      await page.reload();
      await seen;
      firstQuestion.push(performance.now() - t0);
      firstQuestionInPage.push(
        await page.evaluate(() => (window as unknown as { firstQuestionAt: number }).firstQuestionAt),
      );
    }
    const pageMove: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now();
      await page.getByRole('button', { name: 'Próximo' }).click();
      await page.locator('input[aria-label="Nome"]').waitFor();
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
      enumeratorFirstLoad: enumerator,
      enumeratorTabletInAll: tablet,
      firstQuestionFromSwMs: { median: median(firstQuestion), runs: firstQuestion, cpuSlowdown: 4 },
      firstQuestionInPageMs: {
        median: median(firstQuestionInPage),
        runs: firstQuestionInPage,
        cpuSlowdown: 4,
      },
      pageMoveTenPersonRosterMs: { median: median(pageMove), runs: pageMove, cpuSlowdown: 4 },
    };
    const over = enumerator.gzip / 1000 - ENUMERATOR_FIRST_LOAD_GOAL_KB;
    const rows: Array<[string, string]> = [
      [
        `enumerator first load JS+CSS, gzip (goal <= ${ENUMERATOR_FIRST_LOAD_GOAL_KB} kB)`,
        `${kb(enumerator.gzip)} (${over > 0 ? `${over.toFixed(0)} kB over` : `${(-over).toFixed(0)} kB under`} the goal; ${enumerator.assets.length} files, raw ${kb(enumerator.raw)}, brotli ${enumerator.brotli === null ? 'n/a' : kb(enumerator.brotli)}, sent ${kb(enumerator.wire)})`,
      ],
      [
        'enumerator tablet in all, page + service worker (gzip)',
        `${kb(tablet.gzip)} (${tablet.assets.length} files, brotli ${tablet.brotli === null ? 'n/a' : kb(tablet.brotli)})`,
      ],
      [
        'index.html entry JS+CSS (raw / gzip)',
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
        'the same, in the page: navigation start -> question',
        `${median(firstQuestionInPage).toFixed(0)} ms (median of ${runs})`,
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
