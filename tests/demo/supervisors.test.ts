/**
 * The demo's supervisors say when one survey's decisions are all applied (`decided(survey)`), so the
 * demo weights that survey without waiting for another survey's validations: a survey with no
 * decision left is decided at the first look, one whose interviews are not validated yet is not, and
 * becomes decided once they are validated and its decisions applied.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { demoApi } from '../../demo/api.ts';
import { emptySummary, startDemoSupervisors } from '../../demo/supervisors.ts';
import { interviews } from '../../server/db/schema.ts';
import type { Started } from '../../server/startup.ts';
import { playFieldwork, startDemo } from '../helpers/simulated-demo.ts';

const dir = mkdtempSync(join(tmpdir(), 'morabeza-demo-supervisors-'));
let started: Started | undefined;

afterAll(async () => {
  await started?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo supervisors, survey by survey', () => {
  it('decide a survey once its own interviews are validated and decided', async () => {
    started = await startDemo(dir);
    const summary = await playFieldwork(started, (rows) => rows.slice(0, 2));
    const pending = summary.pending.filter((x) => x.decision);
    expect(pending.length).toBeGreaterThan(5);
    const { database } = started;
    const supervisors = startDemoSupervisors(
      database,
      demoApi(started.app),
      pending,
      'demo',
      emptySummary(),
      20,
    );
    let ipeiDecided = false;
    const ipei = supervisors.decided('ipei').then(() => {
      ipeiDecided = true;
    });
    // desks has no decision left: decided at the first look, while every IPEI interview waits
    await supervisors.decided('desks');
    await new Promise((r) => setTimeout(r, 100));
    expect(ipeiDecided).toBe(false);
    const ids = pending.map((x) => x.id);
    const before = await database.db
      .select({ status: interviews.status })
      .from(interviews)
      .where(inArray(interviews.id, ids));
    expect(before.every((r) => r.status === 'received')).toBe(true);
    // the validation jobs' move, done here by an SQL update: then the decisions apply
    await database.client.execute("update interviews set status = 'validated'");
    await ipei;
    const after = await database.db
      .select({ status: interviews.status })
      .from(interviews)
      .where(inArray(interviews.id, ids));
    expect(after.some((r) => r.status === 'validated' || r.status === 'received')).toBe(false);
    supervisors.stop();
  }, 120_000);
});
