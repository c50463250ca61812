/**
 * A household without a stage-two probability (pi2) in the weighting: one no listing drew (no line of an
 * eligible list: a practice or reserve household) is skipped and the run weighs the others; one a
 * listing drew (its eligible_line says so) whose pi2 was lost fails the run with the catalogue's
 * weighting.input, naming every such household and its cluster (in English and as a structured detail
 * the staff screens translate), and leaves the last finished run the one served. A one-stage survey
 * ("kiosk", written to a temporary questionnaires folder) weighed in process.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeightingError } from '../../analysis/weighting/errors.ts';
import { detailText } from '../../analysis/weighting/failure-text.ts';
import { weightingStatusSchema } from '../../server/contract/weighting.ts';
import type { Database } from '../../server/db/client.ts';
import { loadWeightingInputs } from '../../server/domain/weighting/inputs.ts';
import { createWeightingRuns, type WeightingRuns } from '../../server/domain/weighting/runs.ts';
import { loadWeightingSurvey } from '../../server/domain/weighting/survey-files.ts';
import { weighSurvey } from '../../server/domain/weighting/weigh-survey.ts';
import { problemCatalogue } from '../../server/problems.ts';
import type { TestDatabase } from '../helpers/database.ts';
import {
  insertCluster,
  insertVisit,
  KIOSK_VISIT,
  kioskDatabase,
  kioskProfile,
  surveyFolders,
} from '../helpers/kiosk-survey.ts';

const { dir, questionnaires, writeSurvey, remove } = surveyFolders('morabeza-pi2-');
writeSurvey('kiosk', {
  'profile.json': kioskProfile([
    [1, 'I'],
    [3, 'R'],
  ]),
  'weighting.json': {
    survey: 'kiosk',
    base: { inclusion: ['pi1', 'pi2'] },
    units: { nonresponse: { by: [], collapse: { minRespondents: 1 } } },
    replicates: { method: 'JKn' },
  },
  'design.json': {},
  'visit.v1.json': KIOSK_VISIT,
});

// [id, cluster, pi2, line of the eligible list it was drawn from, outcome]; K1-9: a reserve household
const units: Array<[string, string, number | null, number | null, number]> = [
  ['K1-1', 'K1', 0.25, 1, 1],
  ['K1-2', 'K1', 0.25, 3, 1],
  ['K1-3', 'K1', 0.25, 5, 3],
  ['K2-1', 'K2', 0.5, 1, 1],
  ['K2-2', 'K2', 0.5, 2, 1],
  ['K1-9', 'K1', null, null, 1],
];

let db: TestDatabase;
let database: Database;
let runs: WeightingRuns;
beforeAll(async () => {
  ({ db, database } = await kioskDatabase());
  for (const k of ['K1', 'K2'])
    await insertCluster(database, { code: k, stratum: 'S', pi1: 0.5, certainty: 0 });
  for (const [n, [id, cluster, pi2, eligibleLine, outcome]] of units.entries())
    await insertVisit(database, {
      id,
      cluster,
      dwelling: n + 1,
      pi2,
      eligibleLine,
      status: 'approved',
      outcome,
    });
  runs = createWeightingRuns(database, {
    outDir: join(dir, 'weights'),
    root: dir,
    source: 'test',
    replicates: false,
    weigh: (inputs, options) => weighSurvey(inputs, options),
  });
});
afterAll(async () => {
  await runs?.close();
  database?.close();
  await db?.dispose();
  remove();
});

const survey = () => loadWeightingSurvey(questionnaires, 'kiosk');
async function weigh() {
  await runs.start('kiosk');
  await runs.settled('kiosk');
  return weightingStatusSchema.parse(await runs.status('kiosk'));
}

describe('a household without pi2', () => {
  it('is skipped when no listing drew it (a reserve household), and the run weighs the others', async () => {
    const inputs = await loadWeightingInputs(database.client, survey());
    expect(inputs.households.map((h) => h.id)).toEqual(['K1-1', 'K1-2', 'K1-3', 'K2-1', 'K2-2']);
    expect(inputs.skipped).toEqual([
      'K1-9: not drawn by a listing (no pi2: a practice or reserve household); not weighted',
    ]);
    expect(inputs.interviews).not.toContain('I-K1-9:1');
    const status = await weigh();
    expect(status).toMatchObject({ state: 'done', error: null });
    expect(status.last).toMatchObject({ households: 5, respondents: 4, skipped: 1 });
  });

  it('fails the run, naming it, when a listing drew it and its pi2 was lost', async () => {
    const before = weightingStatusSchema.parse(await runs.status('kiosk')).lastRunId;
    await database.client.execute("update households set pi2 = null where id in ('K1-2', 'K2-1')");
    const detail = { key: 'input.pi2_lost', params: { units: ['K1-2', 'K2-1'], clusters: ['K1', 'K2'] } };
    let error: unknown;
    await loadWeightingInputs(database.client, survey()).catch((e) => {
      error = e;
    });
    expect(error).toBeInstanceOf(WeightingError);
    expect(error).toMatchObject({ code: 'weighting.input', detail });
    const status = await weigh();
    expect(status.state).toBe('failed');
    expect(status.error).toEqual({
      code: 'weighting.input',
      message: problemCatalogue['weighting.input'].message,
      details:
        "Drawn in the sample by their cluster's listing but without a stage-two inclusion probability (pi2): K1-2, K2-1 (clusters K1, K2). Restore pi2 (record the cluster's listing again); only practice or reserve households, which no listing drew, are left out of the weighting.",
      detail,
    });
    expect(status.error?.details).not.toContain('K1-9');
    if (!status.error?.detail) throw new Error('no detail');
    expect(detailText('pt', status.error.detail as never)).toContain('K1-2, K2-1');
    // the last finished run is still the one served
    expect(status.lastRunId).toBe(before);
    // the run's list says the same
    const [latest] = await runs.list('kiosk');
    expect(latest.error?.detail).toEqual(detail);
  });
});
