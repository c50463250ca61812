/**
 * The weighting's inputs and run for any survey folder: a one-stage survey without a roster or a
 * listing ("kiosk", written to a temporary questionnaires folder) in a database that also holds another
 * survey's units. Only the kiosk's units are weighted; the outcome classes come from its profile (NE
 * ineligible whatever the review state, I/P respondents only in ANALYSIS_STATES); the run writes the
 * unit weights and no roster files. A bad recipe or a recipe that weights persons without a roster is
 * refused naming the file and the field; each refusal of the survey's files, and a database without the
 * app's tables, carries its catalogue code and structured detail, said in pt, en, fr and kea.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeightingError } from '../../analysis/weighting/errors.ts';
import { detailText } from '../../analysis/weighting/failure-text.ts';
import { type Database, openDatabase } from '../../server/db/client.ts';
import { ANALYSIS_STATES } from '../../server/domain/interview-states.ts';
import { loadWeightingInputs } from '../../server/domain/weighting/inputs.ts';
import { loadWeightingSurvey } from '../../server/domain/weighting/survey-files.ts';
import { weighSurvey } from '../../server/domain/weighting/weigh-survey.ts';
import type { TestDatabase } from '../helpers/database.ts';
import {
  insertCluster,
  insertVisit,
  KIOSK_VISIT,
  kioskDatabase,
  kioskProfile,
  surveyFolders,
} from '../helpers/kiosk-survey.ts';

const { dir, questionnaires, writeSurvey, remove } = surveyFolders('morabeza-kiosk-');
const profile = kioskProfile(
  [
    [1, 'I'],
    [2, 'P'],
    [3, 'R'],
    [4, 'NE'],
  ],
  // the report is written in pt (the default, first) and en; it has no Wolof
  [
    { code: 'pt', name: 'Português' },
    { code: 'en', name: 'English' },
    { code: 'wo', name: 'Wolof' },
  ],
);
const recipe = {
  survey: 'kiosk',
  base: { inclusion: ['pi1', 'pi2'] },
  units: {
    nonresponse: { by: [], collapse: { minRespondents: 1 } },
    calibration: {
      method: 'postStratify',
      margins: [{ variable: 'stratum', controls: { design: 'served', key: 'kiosk', value: 'visits' } }],
    },
  },
  replicates: { method: 'JKn' },
};
const design = {
  served: [
    { kiosk: 'K1', visits: 100 },
    { kiosk: 'K2', visits: 60 },
  ],
};

writeSurvey('kiosk', {
  'profile.json': profile,
  'weighting.json': recipe,
  'design.json': design,
  'visit.v1.json': KIOSK_VISIT,
});

// kiosk: visits of two desks (certainty clusters, their own strata), 4 per desk; one visit of another survey.
const visits: Array<[id: string, kiosk: string, pi2: number, status: string | null, outcome: number | null]> =
  [
    ['K1-1', 'K1', 0.1, 'approved_by_supervisor', 1],
    ['K1-2', 'K1', 0.1, 'approved', 2],
    ['K1-3', 'K1', 0.1, 'validated', 1], // not yet reviewed: a nonrespondent for now
    ['K1-4', 'K1', 0.1, 'returned', 4], // found ineligible: ineligible whatever the review
    ['K2-1', 'K2', 0.2, 'approved', 1],
    ['K2-2', 'K2', 0.2, 'approved', 3],
    ['K2-3', 'K2', 0.2, null, null], // never visited
    ['K2-4', 'K2', 0.2, 'approved_by_supervisor', 1],
  ];

let db: TestDatabase;
let database: Database;
beforeAll(async () => {
  ({ db, database } = await kioskDatabase());
  for (const k of ['K1', 'K2', 'O1'])
    await insertCluster(database, { code: k, stratum: k, pi1: 1, certainty: 1 });
  const rows = [...visits, ['O1-1', 'O1', 0.5, 'approved', 1] as const];
  for (const [n, [id, kiosk, pi2, status, outcome]] of rows.entries()) {
    const questionnaire = kiosk === 'O1' ? 'other-visit' : 'kiosk-visit';
    await insertVisit(database, { id, cluster: kiosk, dwelling: n + 1, pi2, questionnaire, status, outcome });
  }
});
afterAll(async () => {
  database?.close();
  await db?.dispose();
  remove();
});

describe('a one-stage survey without a roster, beside another survey in the same database', () => {
  it("takes the survey's units only, with the profile's outcome classes and ANALYSIS_STATES", async () => {
    expect(ANALYSIS_STATES).toEqual(['approved_by_supervisor', 'approved']);
    const inputs = await loadWeightingInputs(database.client, loadWeightingSurvey(questionnaires, 'kiosk'));
    expect(inputs.households.map((h) => [h.id, h.status])).toEqual([
      ['K1-1', 'respondent'],
      ['K1-2', 'respondent'],
      ['K1-3', 'nonrespondent'],
      ['K1-4', 'ineligible'],
      ['K2-1', 'respondent'],
      ['K2-2', 'nonrespondent'],
      ['K2-3', 'nonrespondent'],
      ['K2-4', 'respondent'],
    ]);
    expect(inputs.households.every((h) => h.E === null && h.certainty)).toBe(true);
    expect(inputs.persons).toEqual([]);
    expect(inputs.answers.map((a) => a.householdId)).toEqual(['K1-1', 'K1-2', 'K2-1', 'K2-4']);
  });

  it('weighs them: nonresponse within the kiosk, post-stratified to its visits, one replicate per visit; no roster files', async () => {
    const inputs = await loadWeightingInputs(database.client, loadWeightingSurvey(questionnaires, 'kiosk'));
    const out = join(dir, 'weights');
    const { summary: s } = await weighSurvey(inputs, {
      survey: 'kiosk',
      outDir: out,
      questionnairesDir: questionnaires,
      replicates: true,
      source: 'test',
    });
    expect(s.respondents).toBe(4);
    expect(s.replicates).toBe(8);
    expect(s.maxControlDifference).toBeLessThan(1e-9);
    expect(s.files.map((f) => f.slice(out.length + 1)).sort()).toEqual([
      'kiosk-households.csv',
      'kiosk-weighting-report.en.md',
      'kiosk-weighting-report.json',
      'kiosk-weighting-report.md',
      'kiosk-weighting-report.pt.md',
      'kiosk/weights.json',
    ]);
    expect(s.files.filter((f) => f.endsWith('.md')).map((f) => f.slice(out.length + 1))).toEqual([
      'kiosk-weighting-report.md',
      'kiosk-weighting-report.pt.md',
      'kiosk-weighting-report.en.md',
    ]);
    const csv = readFileSync(join(out, 'kiosk-households.csv'), 'utf8').trim().split('\n');
    const head = csv[0].split(',');
    const w = (id: string) =>
      Number(csv.find((l) => l.startsWith(`${id},`))?.split(',')[head.indexOf('w_hh')]);
    // K1: three eligible visits (w1 = 10), two respond: factor 3/2, then post-stratified to 100
    expect(w('K1-1')).toBeCloseTo(50, 9);
    expect(w('K1-4')).toBe(0);
    expect(w('K2-1') + w('K2-4')).toBeCloseTo(60, 9);
    const md = readFileSync(join(out, 'kiosk-weighting-report.md'), 'utf8');
    expect(md).toMatch(/units: post-stratification \(postStratify\) to stratum/);
    expect(md).not.toMatch(/Roster persons/);
    expect(readFileSync(join(out, 'kiosk-weighting-report.en.md'), 'utf8')).toBe(md);
    const pt = readFileSync(join(out, 'kiosk-weighting-report.pt.md'), 'utf8');
    expect(pt.split('\n')[0]).toBe('# Relatório de ponderação: kiosk');
    expect(pt).toMatch(/^## Amostra$/m);
    expect(pt).not.toMatch(/^## Sample$/m);
  });
});

describe('a cancelled assignment (staff) in the weighting', () => {
  const k23 = async () => {
    const inputs = await loadWeightingInputs(database.client, loadWeightingSurvey(questionnaires, 'kiosk'));
    return {
      rows: inputs.households.filter((h) => h.id === 'K2-3').map((h) => h.status),
      skipped: inputs.skipped.filter((s) => s.startsWith('K2-3')),
    };
  };
  it('leaves its household a unit of the sample, and one assigned anew is read once, by its new assignment', async () => {
    const c = database.client;
    await c.execute("update assignments set status = 'cancelled' where id = 'A-K2-3'");
    expect(await k23()).toEqual({ rows: ['nonrespondent'], skipped: [] });
    await c.execute(
      "insert into assignments (id, household_id, questionnaire_id, questionnaire_version, enumerator_id) values ('A-K2-3-new', 'K2-3', 'kiosk-visit', 1, 'u1')",
    );
    await c.execute(
      "insert into interviews (id, assignment_id, enumerator_id, questionnaire_id, questionnaire_version, current_revision, status, outcome) values ('I-K2-3-new', 'A-K2-3-new', 'u1', 'kiosk-visit', 1, 1, 'approved', 1)",
    );
    await c.execute({
      sql: "insert into interview_revisions (interview_id, revision, content_hash, envelope, received_by) values ('I-K2-3-new', 1, 'h', ?, 'u1')",
      args: [JSON.stringify({ answers: { q1: 'redo', z_result: 1 } })],
    });
    expect(await k23()).toEqual({ rows: ['respondent'], skipped: [] });
  });
});

describe('a bad survey folder is refused naming the file and the field', () => {
  it('a recipe field of the wrong type', () => {
    writeSurvey('broken', {
      'profile.json': { ...profile, id: 'broken' },
      'weighting.json': {
        ...recipe,
        survey: 'broken',
        units: { calibration: { method: 'rake', margins: [] } },
      },
      'design.json': design,
    });
    expect(() => loadWeightingSurvey(questionnaires, 'broken')).toThrow(
      /broken\/weighting\.json: units\.calibration\.method: .*units\.calibration\.margins: /,
    );
  });
  it('a recipe that weights persons for a survey whose profile has no roster', () => {
    writeSurvey('noroster', {
      'profile.json': { ...profile, id: 'noroster' },
      'weighting.json': { ...recipe, survey: 'noroster', persons: {} },
      'design.json': design,
    });
    expect(() => loadWeightingSurvey(questionnaires, 'noroster')).toThrow(
      /noroster\/weighting\.json: persons: the recipe weights persons but profile\.json has no roster/,
    );
  });
  it('a missing recipe, and a control path design.json does not have', async () => {
    writeSurvey('norecipe', { 'profile.json': { ...profile, id: 'norecipe' }, 'design.json': design });
    expect(() => loadWeightingSurvey(questionnaires, 'norecipe')).toThrow(
      /norecipe\/weighting\.json is missing/,
    );
    writeSurvey('badpath', {
      'profile.json': { ...profile, id: 'badpath' },
      'weighting.json': {
        ...recipe,
        survey: 'badpath',
        units: {
          ...recipe.units,
          calibration: {
            method: 'postStratify',
            margins: [{ variable: 'stratum', controls: { design: 'served.total' } }],
          },
        },
      },
      'design.json': design,
    });
    const survey = loadWeightingSurvey(questionnaires, 'badpath');
    const inputs = await loadWeightingInputs(database.client, survey);
    expect(inputs.households).toEqual([]); // no assignment is for badpath-visit
    const kiosk = await loadWeightingInputs(database.client, loadWeightingSurvey(questionnaires, 'kiosk'));
    await expect(
      weighSurvey(kiosk, {
        survey: 'badpath',
        outDir: join(dir, 'w2'),
        questionnairesDir: questionnaires,
        replicates: false,
        source: 'test',
      }),
    ).rejects.toThrow(
      /units\.calibration\.margins\.0 \(stratum\): design\.json has nothing at 'served\.total' \(missing 'total'\)/,
    );
  });
});

/** The error `run` throws, as a WeightingError. */
async function refusal(run: () => unknown): Promise<WeightingError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(WeightingError);
    return error as WeightingError;
  }
  throw new Error('no error');
}
const inEach = (e: WeightingError) =>
  (['pt', 'en', 'fr', 'kea'] as const).map((l) => detailText(l, e.detail as NonNullable<typeof e.detail>));

describe("the survey files' and the database's refusals in the staff's languages", () => {
  it('gives each check of the files its code and detail, said in pt, en, fr and kea', async () => {
    const badId = await refusal(() => loadWeightingSurvey(questionnaires, 'Kiosk!'));
    expect([badId.code, badId.detail]).toEqual([
      'weighting.input',
      { key: 'files.survey_id', params: { survey: 'Kiosk!' } },
    ]);
    expect((await refusal(() => loadWeightingSurvey(questionnaires, 'nowhere'))).detail?.key).toBe(
      'files.no_folder',
    );
    const missing = await refusal(() => loadWeightingSurvey(questionnaires, 'norecipe'));
    expect([missing.code, missing.detail?.key]).toEqual(['weighting.recipe', 'files.missing']);
    const [pt, en, fr, kea] = inEach(missing);
    expect(en).toBe(missing.message);
    expect(pt).toMatch(
      /^Falta .*norecipe\/weighting\.json: cada pasta de inquérito precisa da sua receita de ponderação\.$/,
    );
    expect(fr).toMatch(
      /norecipe\/weighting\.json manque : chaque dossier d'enquête a besoin de sa recette de pondération\.$/,
    );
    expect(kea).toMatch(
      /norecipe\/weighting\.json ka sta la: kada pasta di inkéritu presiza di se reseita di ponderason\.$/,
    );
    const broken = await refusal(() => loadWeightingSurvey(questionnaires, 'broken'));
    expect(broken.detail?.key).toBe('files.invalid');
    expect(inEach(broken)[2]).toMatch(
      /broken\/weighting\.json n'est pas valide : units\.calibration\.method: /,
    );
    const noRoster = await refusal(() => loadWeightingSurvey(questionnaires, 'noroster'));
    expect(noRoster.detail?.key).toBe('files.persons_no_roster');
    expect(inEach(noRoster)[0]).toContain(
      'a receita pondera pessoas, mas o profile.json não descreve o agregado',
    );
    writeSurvey('notjson', { 'design.json': design });
    writeFileSync(join(questionnaires, 'notjson', 'profile.json'), '{ "id": ');
    const notJson = await refusal(() => loadWeightingSurvey(questionnaires, 'notjson'));
    expect(notJson.detail?.key).toBe('files.not_json');
    expect(inEach(notJson)[3]).toMatch(/notjson\/profile\.json ka e JSON validu \(/);
    writeSurvey('other', {
      'profile.json': { ...profile, id: 'other' },
      'weighting.json': recipe,
      'design.json': design,
    });
    const mismatch = await refusal(() => loadWeightingSurvey(questionnaires, 'other'));
    expect(mismatch.detail).toMatchObject({
      key: 'files.survey_mismatch',
      params: { survey: 'kiosk', folder: 'other' },
    });
    expect(inEach(mismatch)[2]).toContain("l'enquête (survey) est « kiosk », mais le dossier est « other »");
  });

  it('says a database without tables in each language', async () => {
    const empty = await openDatabase({ url: `file:${join(dir, 'empty.db')}` });
    try {
      const e = await refusal(() =>
        loadWeightingInputs(empty.client, loadWeightingSurvey(questionnaires, 'kiosk')),
      );
      expect([e.code, e.detail?.key]).toEqual(['weighting.input', 'input.no_tables']);
      expect(e.message).toMatch(/^The database has no Morabeza tables \(.*no such table/);
      const [pt, , fr, kea] = inEach(e);
      expect(pt).toMatch(
        /^A base de dados não tem as tabelas do Morabeza \(.*no such table.*\): verifique DATABASE_URL/,
      );
      expect(fr).toMatch(/^La base de données n'a pas les tables de Morabeza/);
      expect(kea).toMatch(/^Baze di dadus ka ten tabelas di Morabeza/);
    } finally {
      empty.close();
    }
  });
});
