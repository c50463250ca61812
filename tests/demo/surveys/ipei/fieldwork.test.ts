import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApi } from '../../../../demo/api.ts';
import { reviewInterviews, type SimulationSummary } from '../../../../demo/surveys/ipei/fieldwork.ts';
import type { Started } from '../../../../server/startup.ts';
import { playFieldwork, startDemo } from '../../../helpers/simulated-demo.ts';

let dir: string;
let started: Started;
let summary: SimulationSummary;
const q = async (sql: string) => (await started.database.client.execute(sql)).rows;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'morabeza-sim-'));
  started = await startDemo(dir);
  // the EAs of enumerator1 (Praia, where the problems are planted) and of enumerator14 (Sal)
  const chosen = new Set(
    (
      await q(
        "select distinct h.ea_code from assignments a join households h on h.id = a.household_id join users u on u.id = a.enumerator_id where u.username in ('enumerator1', 'enumerator14')",
      )
    ).map((r) => String(r.ea_code)),
  );
  summary = await playFieldwork(started, (rows) => rows.filter((r) => chosen.has(r.ea_id)));
  await started.jobs.drain();
  const left = await reviewInterviews(demoApi(started.app), summary.pending, 'demo', summary);
  expect(left).toEqual([]);
}, 900_000); // the real validation jobs, on a two-core machine shared with the other test files
afterAll(async () => {
  await started?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo seed and a small seeded fieldwork simulation (the EAs of two enumerators)', () => {
  it('seeds the 814-EA frame, 120 EAs selected by PPS (pi1 in (0, 1]), each listed with E, I, U and m = min(15, E)', async () => {
    // the IPEI frame's EAs (CV-<municipality>-<n>); the demo's other survey has its own clusters beside them
    expect(
      await q(
        "select count(*) n, count(pi1) s, sum(certainty) c from enumeration_areas where code like 'CV-%'",
      ),
    ).toEqual([{ n: 814, s: 120, c: expect.any(Number) }]);
    const listings = await q('select eligible, selected from ea_listings');
    expect(listings).toHaveLength(120);
    for (const l of listings) expect(Number(l.selected)).toBe(Math.min(15, Number(l.eligible)));
    const wrong = await q(
      'select count(*) n from households h join ea_listings l on l.ea_code = h.ea_code where abs(h.pi2 - 1.0 * l.selected / l.eligible) > 1e-12',
    );
    expect(wrong[0].n).toBe(0);
  });
  it('creates 46 demo accounts: 36 enumerators and 7 supervisors in 6 teams, every enumerator with assignments', async () => {
    expect(await q('select role, count(*) n from users group by role order by role')).toEqual([
      { role: 'admin', n: 1 },
      { role: 'analyst', n: 1 },
      { role: 'coordinator', n: 1 },
      { role: 'enumerator', n: 36 },
      { role: 'supervisor', n: 7 },
    ]);
    expect((await q('select count(distinct enumerator_id) n from assignments'))[0].n).toBe(36);
  });
  it('uploads one interview per assignment of the simulated EAs, with the dispositions of 5.6', async () => {
    const assigned = await q(
      'select count(*) n from assignments a join households h on h.id = a.household_id where h.pi2 is not null and h.ea_code in (select distinct h2.ea_code from interviews i join assignments a2 on a2.id = i.assignment_id join households h2 on h2.id = a2.household_id)',
    );
    expect(summary.interviews).toBe(Number(assigned[0].n));
    // the reserve household left for enumerator1 to start (demo/surveys/ipei/practice.ts) is not played
    const practice = await q(
      "select a.id, (select count(*) from interviews i where i.assignment_id = a.id) n from assignments a where a.id like 'A-practice-%'",
    );
    expect(practice.length).toBeGreaterThan(0);
    for (const p of practice) expect(Number(p.n), String(p.id)).toBe(0);
    expect(summary.failures).toEqual([]);
    const complete = (summary.outcomes[11] ?? 0) + (summary.outcomes[12] ?? 0);
    expect(complete / summary.interviews).toBeGreaterThan(0.7);
    expect(summary.problems.short).toBeDefined();
    expect(summary.problems.farGps).toBeDefined();
    expect(summary.problems.nearDuplicate).toBeDefined();
  });
  it('is reproducible: the same seed gives the same interviews', async () => {
    const ids = (await q('select id from interviews order by id')).map((r) => r.id);
    expect(ids).toHaveLength(summary.interviews);
    expect(summary.pending.map((p) => p.id)).toEqual(summary.pending.map((p) => p.id).sort());
  });
  // Complete interviews only: the server's validator reuses one SurveyJS model, and a short interview
  // (ineligible, refused) validated after one with a roster is flagged 'members answered-but-hidden'
  // (reported to the lead).
  it('approves most interviews, and approved complete interviews validate clean (>= 90%)', async () => {
    const approvedAll = await q("select count(*) n from interviews where status = 'approved_by_supervisor'");
    expect(Number(approvedAll[0].n)).toBe(summary.approved);
    const rows = await q(
      "select r.validation_status v, count(*) n from interviews i join interview_revisions r on r.interview_id = i.id and r.revision = i.current_revision where i.status = 'approved_by_supervisor' and i.outcome = 11 group by 1",
    );
    const total = rows.reduce((s, r) => s + Number(r.n), 0);
    const clean = Number(rows.find((r) => r.v === 'clean')?.n ?? 0);
    expect(Number(approvedAll[0].n) / summary.interviews).toBeGreaterThan(0.7);
    expect(total).toBeGreaterThan(0.6 * summary.interviews);
    expect(clean / total).toBeGreaterThanOrEqual(0.9);
  });
});
