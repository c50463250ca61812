import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWeighting, type WeightingResult } from '../../../../analysis/weighting/index.ts';
import { loadWeightingInputs } from '../../../../server/domain/weighting/inputs.ts';
import { weightingSurveyOf } from '../../../../server/domain/weighting/weigh-survey.ts';
import type { Started } from '../../../../server/startup.ts';
import { expectFullSample, readBaseline } from '../../../analysis/weighting/baseline.ts';
import { decideWithoutValidation, playFieldwork, startDemo } from '../../../helpers/simulated-demo.ts';

// The whole demo fieldwork (120 EAs) is simulated; to keep the test short the interviews are marked
// validated in SQL instead of running ~1,400 validation jobs (fieldwork.test.ts runs the real jobs),
// then the supervisors' decisions are applied through the API and the weighting runs on the approved ones.
let dir: string;
let started: Started;
let result: WeightingResult;
const members = new Map<string, Record<string, unknown>>();
const size = new Map<string, number>();
const survey = weightingSurveyOf({ root: new URL('../../../..', import.meta.url).pathname, survey: 'ipei' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'morabeza-weights-'));
  started = await startDemo(dir);
  await decideWithoutValidation(started, await playFieldwork(started));
  const { households, persons } = await loadWeightingInputs(started.database.client, survey);
  result = runWeighting(households, persons, survey.recipe, survey.design, { replicates: false });
  const rows = await started.database.client.execute(
    "select h.id, r.envelope from households h join assignments a on a.household_id = h.id join interviews i on i.assignment_id = a.id join interview_revisions r on r.interview_id = i.id and r.revision = i.current_revision where i.status = 'approved_by_supervisor'",
  );
  for (const row of rows.rows) {
    const answers = JSON.parse(String(row.envelope)).answers;
    size.set(String(row.id), Number(answers.b01_residents));
    const list: Record<string, unknown>[] = answers.members ?? [];
    for (const [k, m] of list.entries()) members.set(`${row.id}-${k + 1}`, m);
  }
}, 900_000);
afterAll(async () => {
  await started?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Weighted share of `yes` among `among` (individual respondents, w_person_final). */
function share(among: (m: Record<string, unknown>) => boolean, yes: (m: Record<string, unknown>) => boolean) {
  let num = 0;
  let den = 0;
  for (const p of result.persons) {
    if (!(p.w_person_final > 0)) continue;
    const m = members.get(p.id) as Record<string, unknown>;
    if (!among(m)) continue;
    den += p.w_person_final;
    if (yes(m)) num += p.w_person_final;
  }
  return num / den;
}
const self = (m: Record<string, unknown>) => m.z01_respondent === 1;
const employed = (m: Record<string, unknown>) => m.g01_worked === 1 || m.g02_absent === 1;

describe('the IPEI recipe (questionnaires/ipei/weighting.json) reproduces the weights before the recipe', () => {
  it('every step of households and persons equals tests/fixtures/weighting/baseline/demo.json.gz at 1e-10', () => {
    expectFullSample(result, readBaseline('demo.json.gz'));
  });
});

describe('the weighted simulated demo lands near the IPEI findings (ipei.md 5.9 step 8)', () => {
  it('has the sample sizes of 5.4 (about 1,300 selected, 1,150 responding households)', () => {
    const s = result.report.sample;
    expect(s.households).toBeGreaterThan(1100);
    expect(s.households).toBeLessThan(1600);
    expect(s.respondents / (s.respondents + s.nonrespondents)).toBeGreaterThan(0.8);
    expect(s.individualRespondents).toBeGreaterThan(1000);
  });
  it('reproduces every control total (households, persons by stratum, sex x age, nationality)', () => {
    for (const c of result.report.controls)
      expect(Math.abs(c.difference), `${c.margin} ${c.category}`).toBeLessThan(1e-3);
  });
  it('men 68.3% of foreign residents (calibrated), within 0.1 point', () => {
    let men = 0;
    let all = 0;
    for (const p of result.persons) {
      if (!p.eligible) continue;
      all += p.w_roster_final;
      if (p.sex === 'male') men += p.w_roster_final;
    }
    expect(men / all).toBeCloseTo(7428 / 10875, 3);
  });
  it('activity rate about 81% (+-7 points), INPS registration about 56% of the employed (+-8)', () => {
    const active = share(
      () => true,
      (m) => employed(m) || (m.g04_searched === 1 && m.g06_available === 1),
    );
    expect(Math.abs(active - 0.81)).toBeLessThan(0.07);
    expect(Math.abs(share(employed, (m) => m.e05_inps === 1) - 0.56)).toBeLessThan(0.08);
  });
  it('remitters about 58%, discrimination perceived about 39% and felt about 32%, integrated above 80% (+-8 points)', () => {
    expect(Math.abs(share(self, (m) => m.j01_remit === 1) - 0.58)).toBeLessThan(0.08);
    expect(Math.abs(share(self, (m) => m.k01e_perceived_origin === 1) - 0.39)).toBeLessThan(0.08);
    expect(Math.abs(share(self, (m) => m.k02_felt_discriminated === 1) - 0.32)).toBeLessThan(0.08);
    expect(share(self, (m) => m.l01_integrated === 1 || m.l01_integrated === 2)).toBeGreaterThan(0.8);
  });
  it('Cabo Verdean ancestry about 19% (+-6) and mean household size about 3 (+-0.6)', () => {
    expect(
      Math.abs(
        share(
          () => true,
          (m) => m.c11_cv_ancestry === 1,
        ) - 0.19,
      ),
    ).toBeLessThan(0.06);
    let t = 0;
    let w = 0;
    for (const h of result.households)
      if (h.w_hh > 0) {
        t += h.w_hh * (size.get(h.id) as number);
        w += h.w_hh;
      }
    expect(Math.abs(t / w - 3)).toBeLessThan(0.6);
  });
});

describe("the server's weighting run on the same approved interviews (POST /api/weighting/ipei)", () => {
  const call = async (method: string, path: string, token?: string) =>
    started.app.request(path, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const login = async (username: string) => {
    const res = await started.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo' }),
    });
    return ((await res.json()) as { token: string }).token;
  };

  it('weights them in a worker with JKn replicates, and the analysts get tables from that run', async () => {
    const coordinator = await login('coordinator');
    expect((await call('GET', '/api/analysis/ipei/tables/T01', coordinator)).status).toBe(409);
    const res = await call('POST', '/api/weighting/ipei', coordinator);
    expect(res.status).toBe(202);
    await started.weighting.settled('ipei');
    const status = await (await call('GET', '/api/weighting/ipei', coordinator)).json();
    expect(status.error).toBeNull();
    expect(status.state).toBe('done');
    const s = status.last;
    expect(s.respondents).toBe(result.report.sample.respondents);
    expect(s.individualRespondents).toBe(result.report.sample.individualRespondents);
    expect(s.replicates).toBeGreaterThan(120);
    expect(s.failedReplicates).toBe(0);
    expect(s.maxControlDifference).toBeLessThan(1e-3);
    const report = await call('GET', '/api/weighting/ipei/report', coordinator);
    expect(report.status).toBe(200);
    expect(await report.text()).toMatch(/Weighting report: ipei/);
    const analyst = await login('analyst');
    const table = await call('GET', '/api/analysis/ipei/tables/T01?lang=en', analyst);
    expect(table.status).toBe(200);
    const body = JSON.stringify(await table.json());
    expect(body).toMatch(/"se":/);
  }, 600_000);
});
