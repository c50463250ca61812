/**
 * A demo stopped before its supervisors had decided every interview: the decisions left are rows of
 * demo_reviews, and the restarted server applies them once the validation jobs (which resume on their
 * own) have validated the interviews, then starts the demo's weighting run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lastDemoSupervisors } from '../../demo/seed.ts';
import { startDemoMorabeza } from '../../demo/start.ts';
import { saveDemoReviews } from '../../demo/supervisors.ts';
import { demoReviews, interviews } from '../../server/db/schema.ts';
import type { Started } from '../../server/startup.ts';
import { demoEnv, playFieldwork } from '../helpers/simulated-demo.ts';

const dir = mkdtempSync(join(tmpdir(), 'morabeza-demo-resume-'));
const env = () => demoEnv(dir, { MORABEZA_JOB_WORKERS: '2' });
let second: Started | undefined;
afterAll(async () => {
  await second?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a restarted demo', () => {
  it('applies the supervisors’ decisions left in demo_reviews, then weights', async () => {
    // first run: the sample is seeded; the fieldwork of three EAs is played, nothing validated yet
    const first = await startDemoMorabeza(env(), { runJobs: false });
    const summary = await playFieldwork(first, (rows) => rows.slice(0, 3));
    expect(summary.pending.length).toBeGreaterThan(10);
    await saveDemoReviews(first.database, summary.pending);
    await first.close();

    // second run: the same database; the jobs validate, the supervisors resume
    second = await startDemoMorabeza(env(), { runJobs: true });
    const supervisors = lastDemoSupervisors;
    expect(supervisors).not.toBeNull();
    await supervisors?.done;
    expect(await second.database.db.select().from(demoReviews)).toEqual([]);
    const statuses = (await second.database.db.select({ status: interviews.status }).from(interviews)).map(
      (r) => r.status,
    );
    const approvals = summary.pending.filter((x) => x.decision?.action === 'approve').length;
    const returns = summary.pending.filter((x) => x.decision?.action === 'return').length;
    expect(statuses.filter((s) => s === 'approved_by_supervisor')).toHaveLength(approvals);
    expect(statuses.filter((s) => s === 'returned')).toHaveLength(returns);
    // then the demo's weighting run started by itself (on three EAs it cannot calibrate: it says why)
    const started = second;
    for (
      let t = 0;
      t < 600 && ['none', 'queued', 'running'].includes((await started.weighting.status('ipei')).state);
      t++
    )
      await new Promise((r) => setTimeout(r, 200));
    const status = await started.weighting.status('ipei');
    expect(status.state).not.toBe('none');
    if (status.state === 'failed') expect(status.error?.message).toMatch(/no sample|collapse/);
  }, 300_000);
});
