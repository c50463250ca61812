/**
 * The demo leaves enumerator1-3 something to start (demo/surveys/ipei/practice.ts): each has exactly one
 * assignment with no interview, for a reserve household of an EA they worked (an eligible household of the
 * listing that the listing did not draw, no pi2). The weighting never counts such a household: even with
 * an approved interview it is listed as skipped and left out of the units and of the run's input list.
 * (That the demo's interviews and weights are unchanged is tests/demo/surveys/ipei/weights.test.ts, whose
 * baseline predates these assignments, and fieldwork.test.ts.)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_ENUMERATORS } from '../../../../demo/surveys/ipei/practice.ts';
import type { Assignment } from '../../../../server/contract/assignments.ts';
import { loadWeightingInputs } from '../../../../server/domain/weighting/inputs.ts';
import { weightingSurveyOf } from '../../../../server/domain/weighting/weigh-survey.ts';
import type { Started } from '../../../../server/startup.ts';
import { startDemo } from '../../../helpers/simulated-demo.ts';

let dir: string;
let started: Started;
const q = async (sql: string, args: Array<string | number> = []) =>
  (await started.database.client.execute({ sql, args })).rows;
const survey = weightingSurveyOf({ root: new URL('../../../..', import.meta.url).pathname, survey: 'ipei' });

async function tokenOf(username: string): Promise<string> {
  const res = await started.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  return ((await res.json()) as { token: string }).token;
}
async function startable(username: string): Promise<Assignment[]> {
  const res = await started.app.request('/api/assignments', {
    headers: { authorization: `Bearer ${await tokenOf(username)}` },
  });
  return ((await res.json()) as Assignment[]).filter((a) => a.status === 'assigned' && !a.interviewId);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'morabeza-practice-'));
  started = await startDemo(dir);
}, 300_000);
afterAll(async () => {
  await started?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startable demo assignments for enumerator1-3', () => {
  it('gives each one reserve household of an EA they worked, eligible in its listing and not drawn', async () => {
    const practice = await q("select a.id from assignments a where a.id like 'A-practice-%'");
    expect(practice).toHaveLength(PRACTICE_ENUMERATORS.length);
    for (const username of PRACTICE_ENUMERATORS) {
      const mine = (await startable(username)).filter((a) => a.id.startsWith('A-practice-'));
      expect(mine, username).toHaveLength(1);
      const [a] = mine;
      expect(a.questionnaireId).toBe('ipei-household');
      expect(a.preload).toMatchObject({
        a04_ea: a.ea.code,
        a05_dwelling: a.dwelling,
        a06_household: a.household,
      });
      const [hh] = await q(
        'select pi2, eligible_line from households where ea_code = ? and dwelling = ? and household = ?',
        [a.ea.code, a.dwelling, a.household],
      );
      expect(hh).toMatchObject({ pi2: null, eligible_line: null });
      // an eligible household of the listing (listing.v2: the household's own screening result l16 = 1)
      const [listing] = await q('select answers from ea_listings where ea_code = ?', [a.ea.code]);
      const dwellings = JSON.parse(String(listing.answers)).dwellings as Array<{
        l01_dwelling: number;
        households?: Array<Record<string, number>>;
      }>;
      const row = dwellings
        .find((d) => d.l01_dwelling === a.dwelling)
        ?.households?.find((h) => h.l10_household === a.household);
      expect(row?.l16_hh_disposition).toBe(1);
      // an EA the enumerator worked: the listing gave them drawn households there too
      const drawn = await q(
        'select count(*) n from assignments a join households h on h.id = a.household_id join users u on u.id = a.enumerator_id where u.username = ? and h.ea_code = ? and h.pi2 is not null',
        [username, a.ea.code],
      );
      expect(Number(drawn[0].n)).toBeGreaterThan(0);
    }
  });

  it('never weights a reserve household, even with an approved interview', async () => {
    const [a] = (await startable('enumerator1')).filter((x) => x.id.startsWith('A-practice-'));
    const before = await loadWeightingInputs(started.database.client, survey);
    const interviewId = randomUUID();
    const put = await started.app.request(`/api/interviews/${interviewId}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${await tokenOf('enumerator1')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        interviewId,
        revision: 1,
        questionnaireId: a.questionnaireId,
        questionnaireVersion: a.questionnaireVersion,
        assignmentId: a.id,
        answers: { ...a.preload },
        paradata: {},
        outcome: 11,
        locale: 'pt',
        startedAt: '2026-12-06T10:00:00.000Z',
        completedAt: '2026-12-06T10:40:00.000Z',
        deviceId: 'tablet-practice',
      }),
    });
    expect(put.status).toBe(201);
    await q("update interviews set status = 'approved' where id = ?", [interviewId]);
    const after = await loadWeightingInputs(started.database.client, survey);
    const householdId = `${a.ea.code}-${String(a.dwelling).padStart(3, '0')}-${a.household}`;
    expect(after.households.map((h) => h.id)).not.toContain(householdId);
    expect(after.households).toEqual(before.households);
    expect(after.interviews).toEqual(before.interviews);
    expect(after.skipped.filter((s) => s.startsWith(householdId))).toEqual([
      `${householdId}: not drawn by a listing (no pi2: a practice or reserve household); not weighted`,
    ]);
  });
});
