/**
 * The analyst screen in Chromium: a fresh build of the client (tests/e2e/harness.ts buildClient) served
 * with `app` behind /api on a real port, a browser page logged in as the analyst with the IPEI survey
 * chosen (the server runs the repository's survey folders; the fixture tables are IPEI's) and the
 * analyst screen shown. `close` ends the browser, the server and the build. Shared by the analyst
 * e2e tests (tables, models, releases, layout); analystScreenSuite is their files' frame.
 */
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildClient } from '../e2e/harness.ts';
import { launchChromium } from './browser.ts';
import { createTestContext, PASSWORD, type TestContext } from './server.ts';

export interface AnalystScreen {
  browser: Browser;
  page: Page;
  baseUrl: string;
  close: () => Promise<void>;
}

export async function openAnalystScreen(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  context: BrowserContextOptions,
): Promise<AnalystScreen> {
  const dist = await buildClient();
  const outer = new Hono();
  outer.all('/api/*', (c) => app.fetch(c.req.raw));
  outer.use('/*', serveStatic({ root: dist }));
  outer.get('/*', serveStatic({ root: dist, path: 'index.html' }));
  const server = serve({ fetch: outer.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const close = async () => {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dist, { recursive: true, force: true });
  };
  try {
    const page = await (await browser.newContext(context)).newPage();
    await page.goto(baseUrl);
    await page.fill('input[name=username]', 'analyst');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.selectOption('[data-testid=analyst-survey]', 'ipei', { timeout: 30_000 });
    await page.waitForSelector('[data-testid=analyst-screen]', { timeout: 30_000 });
    return { browser, page, baseUrl, close };
  } catch (e) {
    await close();
    throw e;
  }
}

type ServerApp = { fetch: (request: Request) => Response | Promise<Response> };

export interface AnalystSuite {
  ctx: TestContext;
  screen: AnalystScreen;
  page: Page;
}

/**
 * An analyst e2e file's frame: before its tests, a test context running the repository's surveys
 * (questionnaires/), the server app `app` makes on it and the analyst screen on that app; after them,
 * both closed. Read the fields inside a test, not at import.
 */
export function analystScreenSuite(
  app: (ctx: TestContext) => ServerApp,
  context: BrowserContextOptions,
): AnalystSuite {
  const suite = {} as AnalystSuite;
  beforeAll(async () => {
    suite.ctx = await createTestContext({}, { surveyDirs: ['questionnaires'] });
    suite.screen = await openAnalystScreen(app(suite.ctx), context);
    suite.page = suite.screen.page;
  }, 180_000);
  afterAll(async () => {
    await suite.screen?.close();
    await suite.ctx?.close();
  });
  return suite;
}
