/**
 * The coordinator's dashboard in Chromium, in Portuguese, with twelve interviews of ten outcomes (so the
 * rates table has a column per outcome; two more households then bring all 12 of the profile's codes,
 * IPEI's, and the table still fits 1280 px): at 1280x800 every table fits its box with no horizontal scroll and
 * the page none; no header is English or a bare "code N" (outcomes by their Portuguese label); the map layer
 * draws the two EA centroids of the frame and the nine interviews with a GPS fix, offline (no request
 * leaves the server). A reserve household (drawn by no listing, no pi2) is counted apart, on its own
 * Portuguese line, not in the tiles. At 800x1280 the page has no horizontal overflow either. The survey
 * (the e2e survey with a roster whose person result codes the profile classes) interviews persons: a
 * table of the person stage and the overall rates, within its box, shows the figures of the
 * constructed rosters, and the definitions name the person codes. The survey also lists its units: two
 * listings give the screening table (listed units by class, UH and UO apart, an e each, screening
 * RR1/RR3), and the overall rates multiply the three stages; each stage's base-weighted rates (RR2 too)
 * and e's stand beside the unweighted ones; the profile marks vacant and not a dwelling no household, so the
 * household table shows e UH and e UO, and still fits.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, eaListings, enumerationAreas, households } from '../../server/db/schema.ts';
import { launchChromium } from '../helpers/browser.ts';
import { envelope, PASSWORD, type Person } from '../helpers/server.ts';
import { type E2E, E2E_QUESTIONNAIRE_ID, E2E_QUESTIONNAIRES, startE2E } from './harness.ts';

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

/**
 * The e2e survey with a roster: the household page gains the members (age) and their individual results,
 * the profile the roster (everyone eligible, 15 and over interviewed) and its classed person codes.
 */
const surveyDir = mkdtempSync(join(tmpdir(), 'dashboard-e2e-survey-'));
function twoStageSurvey(): string {
  cpSync(E2E_QUESTIONNAIRES, surveyDir, { recursive: true });
  const qFile = join(surveyDir, 'e2e', 'household.v1.json');
  const q = JSON.parse(readFileSync(qFile, 'utf8'));
  q.pages[1].elements.push(
    {
      type: 'paneldynamic',
      name: 'members',
      title: 'Membros',
      templateElements: [
        { type: 'radiogroup', name: 'c03_sex', title: 'Sexo', choices: [1, 2] },
        { type: 'text', inputType: 'number', name: 'c05_age', title: 'Idade' },
      ],
    },
    {
      type: 'paneldynamic',
      name: 'members_p',
      title: 'Entrevistas individuais',
      templateElements: [{ type: 'radiogroup', name: 'z05p_result', title: 'Resultado', choices: [31, 33] }],
    },
  );
  writeFileSync(qFile, JSON.stringify(q));
  const pFile = join(surveyDir, 'e2e', 'profile.json');
  const profile = JSON.parse(readFileSync(pFile, 'utf8'));
  // vacant (5) and not a dwelling (6) are no household: the household stage's UH and UO take an e each
  for (const c of profile.outcome.codes) if (c.code === 5 || c.code === 6) c.household = false;
  profile.roster = {
    variable: 'members',
    age: 'c05_age',
    sex: { variable: 'c03_sex', male: 1, female: 2 },
    eligible: '{c05_age} >= 0',
    individualMinAge: 15,
    personResult: {
      roster: 'members_p',
      variable: 'z05p_result',
      respondent: [31],
      codes: [
        { code: 31, aapor: 'I', label: { pt: 'Entrevista individual completa', en: 'Individual complete' } },
        { code: 33, aapor: 'R', label: { pt: 'Recusa individual', en: 'Individual refusal' } },
      ],
    },
  };
  // the survey lists its units before the draw: the screening stage (listings inserted below)
  profile.questionnaires.listing = 'listing';
  profile.listing = {
    units: 'dwellings',
    unit: 'l01_dwelling',
    disposition: 'l05_disposition',
    eligible: [1],
    ineligible: [2],
    unknown: [3, 4],
    unknownIfHousehold: [3],
    outOfScope: [5, 6],
  };
  cpSync(LISTING_FIXTURE, join(surveyDir, 'e2e', 'listing.v1.json'));
  writeFileSync(pFile, JSON.stringify(profile));
  return surveyDir;
}
const LISTING_FIXTURE = fileURLToPath(
  new URL('../fixtures/server/demo-questionnaires/ipei/listing.v1.json', import.meta.url),
);
/**
 * The two EAs' listing counts: E 12, I 3, OOS 2, U 3 in all, with the recorded dispositions that split U
 * into UH 2 (3, no contact) and UO 1 (4, screener refused).
 */
const LISTINGS = [
  {
    eaCode: 'CV-PR-0001',
    eligible: 8,
    ineligible: 2,
    unknown: 2,
    outOfScope: 0,
    dispositions: [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4],
  },
  {
    eaCode: 'CV-SL-0001',
    eligible: 4,
    ineligible: 1,
    unknown: 1,
    outOfScope: 2,
    dispositions: [1, 1, 1, 1, 2, 3, 5, 6],
  },
];

/** Each complete household: two persons of 15+ (one interviewed, one refusing) and a child. */
const ROSTER = {
  members: [
    { c03_sex: 1, c05_age: 40 },
    { c03_sex: 2, c05_age: 38 },
    { c03_sex: 2, c05_age: 9 },
  ],
  members_p: [{ z05p_result: 31 }, { z05p_result: 33 }, {}],
};

beforeAll(async () => {
  e2e = await startE2E({ assignmentsPerEnumerator: 4, questionnairesDir: twoStageSurvey() });
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
        answers: {
          a04_ea: who === 'enum_b1' ? 'CV-SL-0001' : 'CV-PR-0001',
          b01_consent: 1,
          outcome,
          ...(outcome === 11 || outcome === 12 ? ROSTER : {}),
        },
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
  await e2e.ctx.database.db.insert(eaListings).values(
    LISTINGS.map(({ dispositions, ...l }) => ({
      ...l,
      questionnaireId: 'e2e-listing',
      questionnaireVersion: 1,
      selected: l.eligible,
      answers: JSON.stringify({
        a04_ea: l.eaCode,
        dwellings: dispositions.map((d, i) => ({ l01_dwelling: i + 1, l05_disposition: d })),
      }),
    })),
  );
  await e2e.ctx.jobs.drain();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await e2e?.close();
  rmSync(surveyDir, { recursive: true, force: true });
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
    // the person stage: 4 responding households (three 11, one 12), 8 persons, 4 interviewed: 50 %;
    // households (12 less the ineligible 2 and 5: 10) RR1 3/10, RR2 4/10, RR3 3/9.6 (e = 0.8): overall
    // the screening stage: E 12, I 3, OOS 2, UH 2, UO 1: e UO = 12/15 = 0.8, e UH = (16/18) x 0.8 = 0.711,
    // RR1 = 12/15 = 80 %, RR3 = 12 / (12 + 2 x 32/45 + 0.8) = 27/32 = 84.4 %; overall RR1 = 0.8 x 0.3 x 0.5
    // = 12 %, RR2 = 0.8 x 0.4 x 0.5 = 16 %, RR3 = 27/32 x 0.3125 x 0.5 = 13.2 %.
    // Weighted by the base weights (CV-PR-0001 pi1 0.2, CV-SL-0001 pi1 1, every household pi2 0.5): listed
    // units 5 and 1: E 44, I 11, OOS 2, UH 6, UO 5: e UO = 44/55, e UH = 60/62 x 44/55 = 24/31, RR1 = 44/55 =
    // 80 %, RR3 = 44 / (44 + 6 x 24/31 + 5 x 0.8) = 341/408 = 83.6 %; households 10 (PR) and 2 (SL): I 22,
    // P 10, R 10, NC 10, O 12, UH 12, NE 12: RR1 = 22/76 = 28.9 %, RR2 = 32/76 = 42.1 %, e = 64/76,
    // RR3 = 22 / (64 + 12 x 64/76) = 29.7 %; persons (each household one I, one R) RR1 = RR2 = 50 %;
    // overall RR1 = 0.8 x 22/76 x 0.5 = 11.6 %, RR2 = 0.8 x 32/76 x 0.5 = 16.8 %,
    // RR3 = 341/408 x 0.297 x 0.5 = 12.4 %
    expect(headers).toContain('Triagem RR3 %');
    const screening = page.getByTestId('table-screening-rates').locator('tbody tr').first().locator('td');
    expect((await screening.allTextContents()).slice(1)).toEqual([
      '2',
      '12',
      '3',
      '2',
      '2',
      '1',
      '0.711',
      '0.8',
      '80',
      '84.4',
      '0.774',
      '0.8',
      '80',
      '83.6',
    ]);
    expect(headers).toContain('Triagem RR3 % pond.');
    expect(headers).toContain('Triagem e UH pond.');
    const household = page.getByTestId('table-rates').locator('tbody tr').first().locator('td');
    expect((await household.allTextContents()).slice(-3)).toEqual(['28.9', '42.1', '29.7']);
    // households of known eligibility 8 + 2 - 1 (5 is no household): e UO = 8/9, h = 9/10, e UH = 0.8
    expect(headers).toContain('e UO');
    expect((await household.allTextContents()).slice(-7, -5)).toEqual(['0.8', '0.889']);
    // weighted: NX is the vacant 5 (SL, weight 2): e UO = 64 / (64 + 12 - 2) = 0.865, h = 74/76, e UH = 64/76
    expect(headers).toContain('e UO pond.');
    expect((await household.allTextContents()).slice(-5, -3)).toEqual(['0.842', '0.865']);
    expect(await page.getByTestId('rate-definitions').textContent()).toContain('E / (E + e UH·UH + e UO·UO)');
    expect(headers).toContain('Pessoa RR2 %');
    expect(headers).toContain('Global RR2 %');
    const total = page.getByTestId('table-person-rates').locator('tbody tr').first().locator('td');
    expect((await total.allTextContents()).slice(1)).toEqual([
      '8',
      '4',
      '0',
      '4',
      '0',
      '0',
      '0',
      '50',
      '50',
      '50',
      '50',
      '12',
      '16',
      '13.2',
      '11.6',
      '16.8',
      '12.4',
    ]);
    expect(await page.getByTestId('rate-definitions').textContent()).toContain(
      'I = Entrevista individual completa (31); R = Recusa individual (33)',
    );
    await page.screenshot({ path: join(tmpdir(), 'morabeza-dashboard-1280.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  it('with all 12 outcome codes observed, the household rates table still fits 1280 px', async () => {
    // the two codes the plan lacks, as constructed cases: 1 (eligible at the screener, stopped there)
    // and 6 (not a dwelling), each a household of its own in CV-SL-0001
    for (const [k, outcome] of [1, 6].entries()) {
      const householdId = `CV-SL-0001-80${k}`;
      await e2e.ctx.database.db
        .insert(households)
        .values({ id: householdId, eaCode: 'CV-SL-0001', dwelling: 800 + k, pi2: 0.5 });
      await e2e.ctx.database.db.insert(assignments).values({
        id: `A-all-codes-${k}`,
        householdId,
        questionnaireId: E2E_QUESTIONNAIRE_ID,
        questionnaireVersion: 1,
        enumeratorId: e2e.ctx.userIds.enum_b1,
      });
      const env = envelope(e2e.ctx, 'enum_b1', {
        assignmentId: `A-all-codes-${k}`,
        questionnaireId: E2E_QUESTIONNAIRE_ID,
        outcome,
        answers: { a04_ea: 'CV-SL-0001', b01_consent: 1, outcome },
      });
      const res = await e2e.ctx.request('PUT', `/api/interviews/${env.interviewId}`, {
        as: 'enum_b1',
        body: env,
      });
      expect(res.status).toBe(201);
    }
    await e2e.ctx.jobs.drain();
    const page = await openDashboard({ width: 1280, height: 800 });
    const table = page.getByTestId('table-rates');
    await table.locator('th').first().waitFor();
    const headers = await table.locator('th').allTextContents();
    // one column per code of the profile, by its Portuguese label
    const codes = headers.flatMap((h) => h.match(/\((\d+)\)$/)?.[1] ?? []).map(Number);
    expect(codes).toEqual([1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, 16]);
    expect(headers).toContain('Não é alojamento / demolido / não encontrado (6)');
    const o = await overflow(page);
    expect(o.page).toBe(0);
    expect(o.tables['table-rates']).toBe(0);
    expect(o.tables).toEqual(Object.fromEntries(Object.keys(o.tables).map((k) => [k, 0])));
    await page.screenshot({ path: join(tmpdir(), 'morabeza-dashboard-1280-all-codes.png'), fullPage: true });
    await table.screenshot({ path: join(tmpdir(), 'morabeza-rates-1280-all-codes.png') });
    await page.context().close();
  }, 120_000);

  it('no horizontal overflow of the page at 800x1280', async () => {
    const page = await openDashboard({ width: 800, height: 1280 });
    expect((await overflow(page)).page).toBe(0);
    await page.context().close();
  }, 120_000);
});
