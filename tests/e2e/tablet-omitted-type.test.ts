/**
 * The tablet never silently drops a question it cannot draw. The production build (a fresh vite build,
 * as every e2e test serves it) follows the project's survey folders and leaves out the SurveyJS types
 * none of them uses, `rating` among them (scripts/build/omit-question-types.ts). The server here is the
 * test server, which publishes a copy of the e2e survey folder without the start's manifest check
 * (server/startup.ts), so it can deliver what the real start refuses: a version 2 of the e2e household
 * with a `rating` question, as if the folder had changed after the build. One of enum_a1's two
 * households gets version 2: its interview shows the refusal sentence in the app's language (pt, then
 * en, fr and kea after switching) and no questionnaire; the other, on version 1, opens as usual.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../client/i18n.ts';
import {
  QUESTION_TYPES_MANIFEST,
  type QuestionTypesManifest,
} from '../../server/contract/tablet-question-types.ts';
import { assignments } from '../../server/db/schema.ts';
import { launchChromium } from '../helpers/browser.ts';
import { type E2E, E2E_QUESTIONNAIRES, startE2E } from './harness.ts';
import { languageSwitch, login, openTablet } from './steps.ts';

let e2e: E2E;
let browser: Browser;

const RATING_TITLE = 'Satisfação com o serviço (e2e rating)';
const CONSENT_TITLE = 'Aceita participar?';

/** The e2e survey folder with a household.v2.json: version 1 plus a `rating` question on the cover. */
const surveyDir = mkdtempSync(join(tmpdir(), 'omitted-type-e2e-survey-'));
function surveyWithRating(): string {
  cpSync(E2E_QUESTIONNAIRES, surveyDir, { recursive: true });
  const q = JSON.parse(readFileSync(join(surveyDir, 'e2e', 'household.v1.json'), 'utf8'));
  q.pages[0].elements.push({ type: 'rating', name: 'z99_rating', title: RATING_TITLE, rateMax: 5 });
  writeFileSync(join(surveyDir, 'e2e', 'household.v2.json'), JSON.stringify(q));
  return surveyDir;
}

beforeAll(async () => {
  e2e = await startE2E({ questionnairesDir: surveyWithRating(), assignmentsPerEnumerator: 2 });
  // enum_a1's first household on the version with the rating, the second stays on version 1
  await e2e.ctx.database.db
    .update(assignments)
    .set({ questionnaireVersion: 2 })
    .where(eq(assignments.id, 'A-enum_a1'));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await e2e?.close();
  rmSync(surveyDir, { recursive: true, force: true });
});

describe('tablet: a version with a question type the build left out', () => {
  it('the build under test left `rating` out', () => {
    const manifest = JSON.parse(
      readFileSync(join(e2e.dist, QUESTION_TYPES_MANIFEST), 'utf8'),
    ) as QuestionTypesManifest;
    expect(manifest.omitted).toContain('rating');
  });

  it('refuses to open it, in the app language, and still opens a version 1 interview', async () => {
    const { context, page } = await openTablet(browser, e2e.baseUrl);
    await login(page, 'enum_a1');
    const refusal = page.locator('main .message.error');

    // control: the household on version 1 opens its questionnaire
    await page.getByTestId('assignment-A-enum_a1-2').getByRole('button').first().click();
    await page.getByTestId('interview').waitFor();
    await page.getByText(CONSENT_TITLE, { exact: true }).waitFor();
    expect(await refusal.count()).toBe(0);

    await page.getByRole('button', { name: MESSAGES.pt['nav.assignments'], exact: true }).click();
    await page.getByTestId('assignment-A-enum_a1').getByRole('button').first().click();
    // whichever comes: the refusal, or the interview drawn without the rating (the silent drop)
    await refusal.or(page.getByTestId('interview')).waitFor();
    // no questionnaire at all: neither the question it cannot draw nor the ones it could
    expect(await page.getByTestId('interview').count()).toBe(0);
    expect(await page.locator('.sd-root-modern').count()).toBe(0);
    expect(await page.getByText(CONSENT_TITLE).count()).toBe(0);
    expect(await page.getByText(RATING_TITLE).count()).toBe(0);
    expect(await refusal.textContent()).toBe(MESSAGES.pt['interview.unsupportedQuestion']);

    for (const lang of ['en', 'fr', 'kea'] as const) {
      await languageSwitch(page).selectOption(lang);
      await refusal.filter({ hasText: MESSAGES[lang]['interview.unsupportedQuestion'] }).waitFor();
      expect(await refusal.textContent()).toBe(MESSAGES[lang]['interview.unsupportedQuestion']);
      expect(await page.getByText(CONSENT_TITLE).count()).toBe(0);
    }
    await context.close();
  }, 120_000);
});
