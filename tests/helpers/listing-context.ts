/**
 * The server tests of listing and screening: a test context on the ipei stand-in survey folder
 * (tests/fixtures/server/demo-questionnaires: a survey that lists and screens its units before drawing
 * them) with selected EAs not yet listed, by default one of team A on Santiago (CV-PR-0002) and one of
 * team B on Sal (CV-SL-0002). Shared by listing, listing-scope and dashboard-screening-rates; each keeps
 * its own dwellings, dispositions and outcomes.
 */
import { fileURLToPath } from 'node:url';
import { enumerationAreas } from '../../server/db/schema.ts';
import { createTestContext, type TestContext } from './server.ts';

export const IPEI_STAND_IN = fileURLToPath(
  new URL('../fixtures/server/demo-questionnaires', import.meta.url),
);

/** A selected EA of team A (Santiago). */
export const EA_TEAM_A = {
  code: 'CV-PR-0002',
  stratum: 'PR',
  island: 'Santiago',
  municipality: 'CV-PR',
  teamId: 'team-a',
  pi1: 0.3,
};
/** A selected EA of team B (Sal). */
export const EA_TEAM_B = {
  code: 'CV-SL-0002',
  stratum: 'SL',
  island: 'Sal',
  municipality: 'CV-SL',
  teamId: 'team-b',
  pi1: 0.5,
};

/** A fresh test context on the stand-in survey with these EAs selected and not listed. */
export async function listingContext(eas = [EA_TEAM_A, EA_TEAM_B]): Promise<TestContext> {
  const ctx = await createTestContext({}, { surveyDirs: [IPEI_STAND_IN] });
  await ctx.database.db.insert(enumerationAreas).values(eas);
  return ctx;
}
