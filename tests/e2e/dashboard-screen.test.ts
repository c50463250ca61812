/**
 * The coordinator's dashboard in Chromium, in Portuguese, with twelve interviews of eleven outcomes (so the
 * rates table has a column per outcome): at 1280x800 every table fits its box with no horizontal scroll and
 * the page none; no header is English or a bare "code N" (outcomes by their Portuguese label); the map layer
 * draws the two EA centroids of the frame and the nine interviews with a GPS fix, offline (no request
 * leaves the server). A reserve household (drawn by no listing, no pi2) is counted apart, on its own
 * Portuguese line, not in the tiles. At 800x1280 the page has no horizontal overflow either.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, enumerationAreas, households } from '../../server/db/schema.ts';
import { launchChromium } from '../helpers/browser.ts';
import { envelope, PASSWORD, type Person } from '../helpers/server.ts';
import { type E2E, E2E_QUESTIONNAIRE_ID, startE2E } from './harness.ts';

let e2e: E2E;
let browser: Browser;

const PLAN: Record<Person & ('enum_a1' | 'enum_a2' | 'enum_b1'), number[]> = {
  enum_a1: [11, 13, 14, 3],
  enum_a2: [11, 12, 2, 15],
  enum_b1: [11, 5, 16, 4],
};
const CENTROIDS: Record<string, [number, number]> = {
  'CV-PR-0001': [14.93, -23.51],
  'CV-SL-0001': [16.74, -22.93],
};

beforeAll(async () => {
  e2e = await startE2E({ assignmentsPerEnumerator: 4 });
  for (const [code, [lat, lon]] of Object.entries(CENTROIDS))
    await e2e.ctx.database.db
      .update(enumerationAreas)
      .set({ centroidLat: lat, centroidLon: lon })
      .where(eq(enumerationAreas.code, code));
  for (const [who, outcomes] of Object.entries(PLAN) as [Person, number[]][]) {
    const [lat, lon] = CENTROIDS[who === 'enum_b1' ? 'CV-SL-0001' : 'CV-PR-0001'] ?? [0, 0];
    for (const [k, outcome] of outcomes.entries()) {
      const env = envelope(e2e.ctx, who, {
        questionnaireId: E2E_QUESTIONNAIRE_ID,
        outcome,
        answers: { a04_ea: who === 'enum_b1' ? 'CV-SL-0001' : 'CV-PR-0001', b01_consent: 1, outcome },
        // the last interview of each enumerator has no fix
        paradata:
          k < 3
            ? { gps: { status: 'ok', latitude: lat + 0.002 * k, longitude: lon - 0.002 * k, accuracyM: 8 } }
            : { gps: { status: 'missing', reason: 'no fix' } },
      });
      const res = await e2e.ctx.request('PUT', `/api/interviews/${env.interviewId}`, { as: who, body: env });
      expect(res.status).toBe(201);
    }
  }
  // a reserve household for enum_a1 to practise on: no pi2, outside the drawn sample
  await e2e.ctx.database.db
    .insert(households)
    .values({ id: 'CV-PR-0001-900', eaCode: 'CV-PR-0001', dwelling: 900 });
  await e2e.ctx.database.db.insert(assignments).values({
    id: 'A-practice-CV-PR-0001-900',
    householdId: 'CV-PR-0001-900',
    questionnaireId: E2E_QUESTIONNAIRE_ID,
    questionnaireVersion: 1,
    enumeratorId: e2e.ctx.userIds.enum_a1,
  });
  await e2e.ctx.jobs.drain();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await e2e?.close();
});

async function openDashboard(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'pt-PT' });
  const page = await context.newPage();
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(e2e.baseUrl)) outside.push(r.url());
  });
  await page.goto(e2e.baseUrl);
  await page.fill('input[name=username]', 'coord');
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.getByTestId('tab-dashboard').click();
  await page.getByTestId('island-map').waitFor();
  await page.getByTestId('gps-point').first().waitFor();
  expect(outside).toEqual([]);
  return page;
}

/** Each table box's overflow (scrollWidth - clientWidth), and the page's. */
const overflow = (page: Page) =>
  page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    tables: Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('.csv-table')].map((t) => {
        const box = t.querySelector<HTMLElement>('.scroll');
        return [t.dataset.testid ?? '?', box ? box.scrollWidth - box.clientWidth : 0];
      }),
    ),
  }));

describe('the dashboard at 1280 px, in Portuguese, with the map layer', () => {
  it('tables fit, headers are Portuguese, GPS points and EA centroids are drawn', async () => {
    const page = await openDashboard({ width: 1280, height: 800 });
    await page.getByTestId('table-rates').locator('th').first().waitFor();
    const o = await overflow(page);
    expect(o.page).toBe(0);
    expect(Object.keys(o.tables).length).toBeGreaterThanOrEqual(7);
    expect(o.tables).toEqual(Object.fromEntries(Object.keys(o.tables).map((k) => [k, 0])));

    const headers = await page.locator('table.data th').allTextContents();
    expect(headers).toContain('Completa (11)');
    expect(headers).toContain('Recusa (13)');
    for (const h of headers)
      expect(h).not.toMatch(/\b(code|código|enumerator|interviews|completed|uploads|device|flagged)\b/i);
    expect(await page.getByTestId('ea-centroid').count()).toBe(2);
    expect(await page.getByTestId('gps-point').count()).toBe(9);
    expect(await page.locator('[data-testid=gps-point][data-complete="1"]').count()).toBe(3);
    expect(await page.getByTestId('field-legend').textContent()).toContain('posições GPS');
    // the 12 sampled assignments in the tiles; the reserve one apart
    expect(await page.getByTestId('tile-assigned').locator('strong').textContent()).toBe('12');
    expect(await page.getByTestId('dash-reserve').textContent()).toBe(
      'Agregados de reserva ou de prática (fora da amostra sorteada, em nenhum destes números): 1 atribuídos, 0 visitados, 0 completos.',
    );
    await page.screenshot({ path: join(tmpdir(), 'morabeza-dashboard-1280.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  it('no horizontal overflow of the page at 800x1280', async () => {
    const page = await openDashboard({ width: 800, height: 1280 });
    expect((await overflow(page)).page).toBe(0);
    await page.context().close();
  }, 120_000);
});
