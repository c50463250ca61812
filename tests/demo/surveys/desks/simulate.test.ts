import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { loadDesks } from '../../../../demo/surveys/desks/frame.ts';
import { selectDesksSample } from '../../../../demo/surveys/desks/sample.ts';
import { DESKS_SEED, simulateDesks } from '../../../../demo/surveys/desks/simulate.ts';
import { DESK_STAFF } from '../../../../demo/surveys/desks/staff.ts';
import { interviewEnvelopeSchema } from '../../../../server/contract/interview.ts';
import { createValidationModel, validateAnswers } from '../../../../server/domain/answers-validation.ts';

const input = loadDesks();
const sim = simulateDesks(input);
const design = JSON.parse(
  readFileSync(new URL('../../../../questionnaires/desks/design.json', import.meta.url), 'utf8'),
) as { strata: Array<{ code: string; interval_k: number; visits_registered: number[] }> };

describe('desks simulator: the sample', () => {
  it('is deterministic for a seed and changes with it', () => {
    expect(simulateDesks(loadDesks())).toEqual(sim);
    const other = simulateDesks(input, { seed: DESKS_SEED + 1 });
    expect(other.units.map((u) => u.id)).not.toEqual(sim.units.map((u) => u.id));
  });

  it('covers every desk-week of the design with its interval k, its register count and a tally below it', () => {
    expect(sim.deskWeeks).toHaveLength(design.strata.length * 4);
    for (const s of design.strata)
      for (const [w, registered] of s.visits_registered.entries()) {
        const dw = sim.deskWeeks.find((x) => x.desk === s.code && x.week === w + 1);
        expect(dw, `${s.code} week ${w + 1}`).toMatchObject({ k: s.interval_k, registered });
        if (!dw) continue;
        expect(dw.tallied).toBeLessThanOrEqual(registered);
        expect(dw.tallied).toBeGreaterThanOrEqual(Math.floor(registered * 0.94));
        expect(dw.start).toBeGreaterThanOrEqual(1);
        expect(dw.start).toBeLessThanOrEqual(dw.k);
        // where k = 1 every visit of the week is taken
        if (dw.k === 1) expect(dw.sampled).toBe(dw.tallied);
      }
  });

  it('samples every k-th visitor from the start, with pi2 = n / N tallied, so the base weights add up to the tally', () => {
    for (const dw of sim.deskWeeks) {
      const units = sim.units.filter((u) => u.eaCode === dw.desk && u.dwelling === dw.week);
      expect(units.map((u) => u.household)).toEqual(
        Array.from({ length: dw.sampled }, (_, j) => dw.start + j * dw.k),
      );
      expect(dw.sampled).toBe(Math.floor((dw.tallied - dw.start) / dw.k) + 1);
      for (const u of units) expect(u.pi2).toBeCloseTo(dw.sampled / dw.tallied, 15);
      expect(units.reduce((s, u) => s + 1 / (u.pi2 as number), 0)).toBeCloseTo(dw.tallied, 9);
    }
    // the sampling fraction is about 1 / k (the tally differs from the register by a few visits)
    for (const s of design.strata) {
      const units = sim.units.filter((u) => u.eaCode === s.code);
      const tallied = sim.deskWeeks.filter((x) => x.desk === s.code).reduce((a, x) => a + x.tallied, 0);
      expect(Math.abs(units.length / tallied - 1 / s.interval_k), s.code).toBeLessThan(0.5 / tallied + 0.02);
    }
  });

  it('makes the desks certainty clusters, each its own stratum, and gives each visit one assignment at its desk', () => {
    expect(sim.clusters).toHaveLength(18);
    for (const c of sim.clusters) expect(c).toMatchObject({ pi1: 1, certainty: true, stratum: c.code });
    expect(new Set(sim.units.map((u) => u.id)).size).toBe(sim.units.length);
    expect(sim.assignments.map((a) => a.householdId)).toEqual(sim.units.map((u) => u.id));
    for (const a of sim.assignments) {
      const unit = sim.units.find((u) => u.id === a.householdId);
      expect(a.enumerator).toBe(DESK_STAFF[unit?.eaCode as string].enumerator);
      expect(a).toMatchObject({ questionnaireId: 'desks-exit', questionnaireVersion: 1 });
    }
  });

  it('stops on a desk without a stationed enumerator, naming the desk', () => {
    const desks = input.desks.map((d) => (d.code === 'BR01' ? { ...d, code: 'BR99' } : d));
    expect(() => simulateDesks({ ...input, desks })).toThrow(/BR99/);
    expect(selectDesksSample([], 1)).toEqual({ deskWeeks: [], visits: [] });
  });
});

describe('desks simulator: the interviews', () => {
  const codes = input.profile.outcome.codes.map((c) => c.code);
  // today's envelope schema lists the first survey's codes; the profile's codes are the desks survey's
  const envelope = z.extend(interviewEnvelopeSchema, { outcome: z.number().check(z.int()) });

  it('sends one envelope per assignment that the interview contract accepts, its outcome from z01_result', () => {
    expect(sim.envelopes).toHaveLength(sim.assignments.length);
    for (const [i, e] of sim.envelopes.entries()) {
      expect(envelope.safeParse(e).success).toBe(true);
      expect(e.assignmentId).toBe(sim.assignments[i].id);
      expect(codes).toContain(e.outcome);
      expect(e.outcome).toBe(e.answers.z01_result);
      const unit = sim.units[i];
      expect(e.answers).toMatchObject({
        a01_desk: unit.eaCode,
        a02_week: unit.dwelling,
        a03_visitor: unit.household,
      });
    }
  });

  it('has plausible nonresponse: every result code occurs, about 80% complete among the eligible', () => {
    for (const c of codes) expect(sim.outcomes[c] ?? 0, String(c)).toBeGreaterThan(0);
    const eligible = sim.envelopes.length - (sim.outcomes[17] ?? 0);
    expect((sim.outcomes[11] ?? 0) / eligible).toBeGreaterThan(0.7);
    expect((sim.outcomes[11] ?? 0) / eligible).toBeLessThan(0.9);
  });

  it('validates clean except for the planted problems, which the questionnaire catches at their questions', () => {
    const model = createValidationModel(
      JSON.parse(
        readFileSync(new URL('../../../../questionnaires/desks/exit.v1.json', import.meta.url), 'utf8'),
      ),
    );
    const planted = new Set(Object.values(sim.problems));
    expect(planted.size).toBe(4);
    // every result code's first envelopes, the planted ones and one in twelve of the rest (validation is ~0.1 s each)
    const seen: Record<number, number> = {};
    const chosen = sim.envelopes.filter((e, i) => {
      seen[e.outcome] = (seen[e.outcome] ?? 0) + 1;
      return seen[e.outcome] <= 3 || planted.has(sim.units[i].id) || i % 12 === 0;
    });
    const verdicts = new Map<string, ReturnType<typeof validateAnswers>>();
    for (const e of chosen) verdicts.set(e.assignmentId.slice(2), validateAnswers(model, e.answers));
    for (const [id, r] of verdicts)
      if (!planted.has(id))
        expect({ id, errors: r.errors, flagged: r.flagged }).toEqual({ id, errors: [], flagged: [] });
    const at = (id: string | undefined) => verdicts.get(id as string);
    expect(at(sim.problems.outOfRange)?.errors.map((e) => e.path)).toEqual(['q04_wait_minutes']);
    expect(at(sim.problems.hiddenAnswer)?.flagged).toEqual([
      { path: 'q07_interp_provided', reason: 'answered-but-hidden' },
    ]);
    expect(at(sim.problems.wrongResult)?.errors.map((e) => e.path)).toEqual(['z01_result']);
    // the short interview is clean answers in 35 seconds: a duration flag for the server's quality checks
    expect(at(sim.problems.short)?.ok).toBe(true);
    const short = sim.envelopes.find((e) => e.assignmentId === `a-${sim.problems.short}`);
    expect(Date.parse(short?.completedAt as string) - Date.parse(short?.startedAt as string)).toBe(35_000);
  });
});
