/**
 * Releases in Chromium: the analyst weights (the run's computation is the fixture's,
 * tests/helpers/weighed-app.ts), the screen says the numbers come from an unpublished run, the analyst
 * publishes it as a release from the weights panel, picks it in the release list, and the screen and the
 * downloaded CSV name it (the screen is in Portuguese by default).
 */
import { readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/server.ts';
import { stubWeigh, weighedNode } from '../helpers/weighed-app.ts';
import { buildClient } from './harness.ts';

let browser: Browser;
let ctx: TestContext;
let dist: string;
let close: () => Promise<void>;
let page: Page;

beforeAll(async () => {
  dist = await buildClient();
  ctx = await createTestContext({}, { surveyDirs: ['questionnaires'] });
  const node = weighedNode(
    ctx.database,
    stubWeigh(() => 1),
  );
  const outer = new Hono();
  outer.all('/api/*', (c) => node.app.fetch(c.req.raw));
  outer.use('/*', serveStatic({ root: dist }));
  outer.get('/*', serveStatic({ root: dist, path: 'index.html' }));
  const server = serve({ fetch: outer.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1200, height: 1400 },
    locale: 'en-GB',
    acceptDownloads: true,
  });
  page = await context.newPage();
  await page.goto(baseUrl);
  await page.fill('input[name=username]', 'analyst');
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.selectOption('[data-testid=analyst-survey]', 'ipei', { timeout: 30_000 });
  await page.waitForSelector('[data-testid=analyst-screen]', { timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await close?.();
  await ctx?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe('analyst screen: releases', () => {
  it('weights, shows the unpublished run, publishes it, picks the release and names it everywhere', async () => {
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
