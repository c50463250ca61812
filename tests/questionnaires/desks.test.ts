import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIssue, parseTablePlan, parseTablesFile } from '../../analysis/tables/plan.ts';
import { exitV1 } from '../../questionnaires/desks/src/exit.ts';
import { design, frameCsv, frameRows, geography } from '../../questionnaires/desks/src/frame.ts';
import { profile as profileSource } from '../../questionnaires/desks/src/profile.ts';
import { tables as tablesSource } from '../../questionnaires/desks/src/tables.ts';
import { coverage } from '../../scripts/questionnaires/lib/coverage.ts';
import { surveyProfileSchema } from '../../server/contract/survey-profile.ts';
import { createValidationModel, validateAnswers } from '../../server/domain/answers-validation.ts';
import { walkQuestions } from '../../server/domain/questionnaire-walk.ts';

const dir = new URL('../../questionnaires/desks/', import.meta.url).pathname;
const text = (f: string) => readFileSync(join(dir, f), 'utf8');
const read = (f: string) => JSON.parse(text(f));
const exit = read('exit.v1.json');
const nodes = walkQuestions(exit);
const question = (name: string) => nodes.find((q) => q.name === name);

describe('desks survey folder', () => {
  it('holds exactly what its source generates (questionnaire, profile, tables, frame, design, geography)', () => {
    const rows = frameRows();
    expect(exit).toEqual(JSON.parse(JSON.stringify(exitV1)));
    expect(read('profile.json')).toEqual(JSON.parse(JSON.stringify(profileSource)));
    expect(read('tables.json')).toEqual(JSON.parse(JSON.stringify(tablesSource)));
    expect(text('frame.csv')).toBe(frameCsv(rows));
    expect(read('design.json')).toEqual(JSON.parse(JSON.stringify(design(rows))));
    expect(read('geography.json')).toEqual(JSON.parse(JSON.stringify(geography(rows))));
  });

  it('has a profile the schema accepts: pt/en/fr, exit interview, no listing, no roster, codes tied to z01_result', () => {
    const p = surveyProfileSchema.parse(read('profile.json'));
    expect(p.languages.map((l) => l.code)).toEqual(['pt', 'en', 'fr']);
    expect(p.questionnaires).toEqual({ interview: 'exit', listing: null });
    expect(p.roster).toBeNull();
    expect(p.outcome.codes.map((c) => [c.code, c.aapor])).toEqual([
      [11, 'I'],
      [12, 'P'],
      [13, 'R'],
      [14, 'NC'],
      [15, 'O'],
      [16, 'O'],
      [17, 'NE'],
    ]);
    const result = question(p.outcome.variable);
    const choices = (result?.json.choices ?? []) as Array<{ value: number; text: { default: string } }>;
    expect(choices.map((c) => c.value)).toEqual(p.outcome.codes.map((c) => c.code));
    expect(choices.map((c) => c.text.default)).toEqual(p.outcome.codes.map((c) => c.label.pt));
    for (const item of p.preload) expect(question(item.item)?.json.readOnly, item.item).toBe(true);
    expect(p.preload.map((x) => x.from)).toEqual(['cluster', 'period', 'position']);
  });

  it('is complete in pt, en and fr, with snake_case names carrying their module prefix', () => {
    const c = coverage(exit);
    expect(c.pt.total).toBeGreaterThan(100);
    for (const l of ['pt', 'en', 'fr'] as const) expect(c[l].present, l).toBe(c[l].total);
    for (const q of nodes) expect(q.name, q.name).toMatch(/^[asqrdz]\d{2}[a-z]?_[a-z0-9_]+$/);
    expect(exit.locale).toBe('pt');
  });

  it('has a frame whose weekly register counts add up and a design whose controls are those counts', () => {
    const lines = text('frame.csv').trim().split('\n');
    expect(lines).toHaveLength(19);
    const d = read('design.json');
    const totals: Record<string, number> = d.post_stratification.totals;
    for (const line of lines.slice(1)) {
      const cells = line.replace(/"[^"]*"/g, 'name').split(',');
      const weeks = cells.slice(11, 15).map(Number);
      expect(weeks.reduce((s, v) => s + v, 0)).toBe(Number(cells[15]));
      expect(totals[cells[0]]).toBe(Number(cells[15]));
      expect(cells[16]).toBe('1');
    }
    expect(d.strata).toHaveLength(18);
    for (const s of d.strata)
      expect(s.interval_k).toBe(Math.max(1, Math.round(s.weekly_visits_expected / 12)));
    expect(d.reliability).toMatchObject({ cv_flag: 0.3, min_n: 30 });
  });
  it('has a geography of the islands with a desk (frame names, questionnaire codes) and every desk placed', () => {
    const g = read('geography.json');
    const rows = frameRows();
    expect(g.areas.map((a: { name: string }) => a.name)).toEqual(
      [...new Set(rows.map((r) => r.desk.island))].sort(
        (a, b) =>
          rows.find((r) => r.desk.island === a)!.desk.islandCode -
          rows.find((r) => r.desk.island === b)!.desk.islandCode,
      ),
    );
    expect(g.areas).toHaveLength(9);
    for (const r of rows)
      expect(g.labels).toContainEqual({ text: r.desk.code, centroid: { lat: r.desk.lat, lon: r.desk.lon } });
  });
});

describe('desks tables.json', () => {
  it('parses with the table plan schema, every plan valid, naming questionnaire, derived or design variables', () => {
    const file = parseTablesFile(read('tables.json'));
    expect(file.tables).toHaveLength(7);
    const known = new Set([...nodes.map((q) => q.name), ...Object.keys(file.derived), 'stratum']);
    for (const [i, raw] of file.tables.entries()) {
      const plan = parseTablePlan(raw, i);
      if (isIssue(plan)) throw new Error(`${plan.table}: ${plan.field}: ${plan.message}`);
      for (const v of [plan.variable, ...plan.domains, ...plan.universe.map((c) => c.variable)])
        expect(known.has(v), `${plan.id}: ${v}`).toBe(true);
    }
    for (const d of Object.values(file.derived)) expect(known.has(d.from), d.from).toBe(true);
  });

  it('refuses a broken plan naming the table and field (the test can fail)', () => {
    const bad = { ...read('tables.json').tables[1], statistic: 'mode' };
    expect(parseTablePlan(bad, 1)).toMatchObject({ table: 'D02', field: 'statistic' });
  });
});

describe('validating exit interviews against desks/exit.v1', () => {
  const model = createValidationModel(exit);
  const cover = { a01_desk: 'SL01', a02_week: 2, a03_visitor: 37, a04_interview_language: 3 };
  const complete = () => ({
    ...cover,
    a05_consent: 1,
    s01_age15: 1,
    s02_for_whom: 1,
    q01_purpose: 1,
    q02_first_visit: 2,
    q03_outcome: 3,
    q04_wait_minutes: 45,
    q05_language: 1,
    q06_interp_needed: 1,
    q07_interp_provided: 2,
    r01_sat_overall: 3,
    r02_sat_courtesy: 4,
    r03_sat_clarity: 98,
    r04_sat_time: 2,
    d01_nationality: 'SN',
    d02_sex: 1,
    d03_age_group: 2,
    z01_result: 11,
  });

  it('accepts a complete interview, computing eligibility and the interpretation status', () => {
    const r = validateAnswers(model, complete());
    expect(r).toMatchObject({ ok: true, errors: [], flagged: [], warnings: [] });
    expect(r.cleaned).toMatchObject({ s04_eligible: 1, q08_interp_status: 3 });
  });

  it('accepts a refusal (13), each no-interview code (14-16) and both kinds of ineligible visitor (17)', () => {
    expect(validateAnswers(model, { ...cover, a05_consent: 2, z01_result: 13 }).ok).toBe(true);
    for (const z01_result of [14, 15, 16])
      expect(validateAnswers(model, { ...cover, a05_consent: 3, z01_result }).ok, String(z01_result)).toBe(
        true,
      );
    const child = validateAnswers(model, { ...cover, a05_consent: 1, s01_age15: 2, z01_result: 17 });
    expect(child).toMatchObject({ ok: true, errors: [] });
    const errand = {
      ...cover,
      a05_consent: 1,
      s01_age15: 1,
      s02_for_whom: 2,
      s03_cv_national: 1,
      z01_result: 17,
    };
    expect(validateAnswers(model, errand).ok).toBe(true);
  });

  it('accepts a partial interview (12) that stopped after module Q, and refuses a complete one that did', () => {
    const partial = Object.fromEntries(Object.entries(complete()).filter(([k]) => !/^[rd]\d/.test(k)));
    expect(validateAnswers(model, { ...partial, z01_result: 12 }).ok).toBe(true);
    const r = validateAnswers(model, { ...partial, z01_result: 11 });
    expect(r.errors.map((e) => [e.path, e.type])).toEqual([
      ['r01_sat_overall', 'required'],
      ['r02_sat_courtesy', 'required'],
      ['r03_sat_clarity', 'required'],
      ['r04_sat_time', 'required'],
      ['d01_nationality', 'required'],
      ['d02_sex', 'required'],
      ['d03_age_group', 'required'],
    ]);
  });

  it('checks the waiting time: 0-480 or -98, a warning past 3 hours', () => {
    expect(validateAnswers(model, { ...complete(), q04_wait_minutes: -98 }).ok).toBe(true);
    const far = validateAnswers(model, { ...complete(), q04_wait_minutes: 900 });
    expect(far.errors.map((e) => e.path)).toEqual(['q04_wait_minutes']);
    expect(far.errors[0].text).toBe('Entre 0 e 480 minutos, ou -98 (não sabe).');
    const long = validateAnswers(model, { ...complete(), q04_wait_minutes: 200 });
    expect(long.ok).toBe(true);
    expect(long.warnings.map((w) => w.path)).toEqual(['q04_wait_minutes']);
  });

  it('ties the result code to consent and eligibility, each contradiction an error at z01_result', () => {
    const cases: Array<[Record<string, unknown>, number]> = [
      [complete(), 17],
      [complete(), 13],
      [{ ...cover, a05_consent: 2 }, 11],
      [{ ...cover, a05_consent: 2 }, 14],
      [{ ...cover, a05_consent: 3 }, 13],
      [{ ...cover, a05_consent: 1, s01_age15: 2 }, 11],
    ];
    for (const [answers, z01_result] of cases) {
      const r = validateAnswers(model, { ...answers, z01_result });
      expect(
        r.errors.map((e) => e.path),
        `${JSON.stringify(answers)} -> ${z01_result}`,
      ).toEqual(['z01_result']);
    }
  });

  it('flags answers to skipped questions and codes outside the lists', () => {
    const r = validateAnswers(model, { ...complete(), q06_interp_needed: 2, d01_nationality: 'QQ' });
    expect(r.flagged).toEqual([
      { path: 'd01_nationality', reason: 'choice-not-in-list' },
      { path: 'q07_interp_provided', reason: 'answered-but-hidden' },
    ]);
    const refusal = validateAnswers(model, { ...cover, a05_consent: 2, z01_result: 13, q01_purpose: 1 });
    expect(refusal.flagged).toEqual([{ path: 'q01_purpose', reason: 'answered-but-hidden' }]);
  });
});
