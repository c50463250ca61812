/**
 * The second survey end to end, beside the first in one demo database and one engine, with no engine
 * code of its own: the desks sample is seeded with IPEI's, the desks enumerators' interviews go through
 * the API under the desks profile, the validation jobs validate them against the desks questionnaire,
 * the supervisors decide, the desks weighting recipe weights the approved ones, and the analysts' tables
 * and the coordinators' dashboard of each survey count only that survey's interviews.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApi } from '../../../../demo/api.ts';
import { type DemoStarted, startDemoMorabeza } from '../../../../demo/start.ts';
import { emptySummary, startDemoSupervisors } from '../../../../demo/supervisors.ts';
import { loadDesks } from '../../../../demo/surveys/desks/frame.ts';
import { playDesksFieldwork } from '../../../../demo/surveys/desks/seed.ts';
import { simulateDesks } from '../../../../demo/surveys/desks/simulate.ts';
import type { TableResponse } from '../../../../server/contract/analysis.ts';
import type { Dashboard } from '../../../../server/contract/dashboard.ts';
import { demoEnv } from '../../../helpers/simulated-demo.ts';

const dir = mkdtempSync(join(tmpdir(), 'morabeza-desks-'));
const sim = simulateDesks(loadDesks());
let started: DemoStarted;

beforeAll(async () => {
  started = await startDemoMorabeza(demoEnv(dir, { MORABEZA_JOB_WORKERS: '2' }), { runJobs: true });
});
afterAll(async () => {
  await started?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function as(username: string, method: string, path: string, body?: unknown) {
  const api = demoApi(started.app);
  const login = await api.request('POST', '/api/auth/login', { username, password: 'demo' });
  return api.request(method, path, body, (login.body as { token: string }).token);
}

describe('two surveys in one demo: the desks survey beside IPEI', () => {
  it('seeds both samples: 18 desks with their visits assigned, beside the IPEI EAs', async () => {
    const counts = async (sql: string) => Number((await started.database.client.execute(sql)).rows[0].n);
    expect(await counts("select count(*) as n from assignments where questionnaire_id = 'desks-exit'")).toBe(
      sim.units.length,
    );
    expect(
      await counts("select count(*) as n from assignments where questionnaire_id = 'ipei-household'"),
    ).toBeGreaterThan(1000);
    const dashboard = (await as('coordinator', 'GET', '/api/dashboard?survey=desks')).body as Dashboard;
    expect(dashboard.survey).toBe('desks');
    expect(dashboard.progress.total.assigned).toBe(sim.units.length);
    expect(dashboard.progress.ea).toHaveLength(18);
  });

  it('validates, reviews and weights the desks interviews; the analysts get desks tables from them', async () => {
    const api = demoApi(started.app);
    const pending = await playDesksFieldwork(api, sim, 'demo');
    const supervisors = startDemoSupervisors(started.database, api, pending, 'demo', emptySummary(), 200);
    await supervisors.done;
    const statuses = (
      await started.database.client.execute(
        "select i.status as status, count(*) as n from interviews i join assignments a on a.id = i.assignment_id where a.questionnaire_id = 'desks-exit' group by i.status",
      )
    ).rows.map((r) => [String(r.status), Number(r.n)]);
    const approvals = pending.filter((p) => p.decision?.action === 'approve').length;
    expect(Object.fromEntries(statuses)).toMatchObject({ approved_by_supervisor: approvals, returned: 3 });

    // the IPEI dashboard sees none of them
    const ipei = (await as('coordinator', 'GET', '/api/dashboard?survey=ipei')).body as Dashboard;
    expect(ipei.progress.total.visited).toBe(0);
    const desks = (await as('coordinator', 'GET', '/api/dashboard?survey=desks')).body as Dashboard;
    expect(desks.progress.total.visited).toBe(sim.envelopes.length);

    await started.weighting.start('desks');
    for (let t = 0; t < 1500 && (await started.weighting.status('desks')).state === 'running'; t++)
      await new Promise((r) => setTimeout(r, 200));
    const status = await started.weighting.status('desks');
    expect(status.state, JSON.stringify(status.error ?? null)).toBe('done');

    // D01: overall satisfaction of the approved respondents (result 11 or 12) with an answer 1-5
    const approved = new Set(pending.filter((p) => p.decision?.action === 'approve').map((p) => p.id));
    const expectedN = sim.envelopes.filter(
      (e) =>
        approved.has(e.interviewId) &&
        [11, 12].includes(Number(e.answers.z01_result)) &&
        [1, 2, 3, 4, 5].includes(Number(e.answers.r01_sat_overall)),
    ).length;
    const res = await as('analyst', 'GET', '/api/analysis/desks/tables/D01?lang=en');
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    const table = (res.body as TableResponse).tables[0];
    const overall = table.cells.filter((c) => c.domain.length === 0);
    expect(overall.length).toBeGreaterThan(1);
    // one cell per answer level: their respondents add up to the approved respondents with an answer
    expect(overall.reduce((s, c) => s + c.n, 0)).toBe(expectedN);
    // each level's own n decides (design.json reliability.min_n 30): the few 'very dissatisfied'
    // (6 in the simulation) are suppressed, not published; the other shares are, and add up below 1
    for (const c of overall) expect(c.estimate === null, JSON.stringify(c)).toBe(c.n < 30);
    expect(overall.some((c) => c.reliability === 'suppress')).toBe(true);
    const shares = overall.flatMap((c) => (c.estimate === null ? [] : [c.estimate]));
    expect(shares.every((p) => p > 0 && p < 1)).toBe(true);
    expect(shares.reduce((s, p) => s + p, 0)).toBeLessThan(1);
  }, 600_000);
});
