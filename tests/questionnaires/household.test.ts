import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { questionnaireFiles } from '../../questionnaires/ipei/src/build.ts';
import { createValidationModel, validateAnswers } from '../../server/domain/answers-validation.ts';
import { walkQuestions } from '../../server/domain/questionnaire-walk.ts';

const repo = new URL('../..', import.meta.url).pathname;
const read = (p: string) => JSON.parse(readFileSync(join(repo, p), 'utf8'));
const household = read('questionnaires/ipei/household.v2.json');
const listing = read('questionnaires/ipei/listing.v1.json');
type Member = Record<string, unknown>;
type Answers = Record<string, unknown> & { members: Member[] };
const complete = (): Answers => read('tests/fixtures/questionnaires/household-complete.json');

describe('ipei/household.v2 content', () => {
  const nodes = walkQuestions(household);
  const asked = nodes.filter(
    (q) => !['expression', 'html', 'paneldynamic'].includes(q.type) && !q.json.readOnly,
  );

  it('asks at least 90 items, with unique names, Portuguese as the default locale', () => {
    expect(asked.length).toBeGreaterThanOrEqual(90);
    expect(new Set(nodes.map((q) => q.name)).size).toBe(nodes.length);
    expect(household.locale).toBe('pt');
  });

  it('the latest version (v3) is exactly what the TypeScript source and the catalogues generate', () => {
    const generated = questionnaireFiles();
    expect(read('questionnaires/ipei/household.v3.json')).toEqual(generated['household.v3.json']);
    expect(read('questionnaires/ipei/listing.v2.json')).toEqual(generated['listing.v2.json']);
  });

  it('shows each language and falls back to Portuguese for a string a language lacks', () => {
    const survey = new Model(household);
    const consent = survey.getQuestionByName('a10_consent');
    const key = survey.getQuestionByName('a01_key');
    survey.locale = 'fr';
    expect(consent.locTitle.renderedHtml).toBe(
      'Après avoir entendu les informations sur l’enquête, acceptez-vous de participer ?',
    );
    survey.locale = 'zh-Hans';
    expect(consent.locTitle.renderedHtml).toBe('听完调查说明后，您是否同意参加？');
    survey.locale = 'wo';
    expect(survey.locDescription.renderedHtml).toBe(
      'Dados de demonstração sintéticos. Não são estatísticas oficiais do INE-CV nem da AAI.',
    );
    expect(key.locTitle.renderedHtml).toBe('Caabi waxtaan wi');
  });

  it('has the preloaded cover items the server fills from the assignment', () => {
    for (const name of ['a02_island', 'a03_municipality', 'a04_ea', 'a05_dwelling', 'a06_household'])
      expect(nodes.find((q) => q.name === name)?.json.readOnly, name).toBe(true);
  });

  it('uses every module letter A to M plus Z, and individual modules only inside the members roster', () => {
    const letters = new Set(asked.map((q) => q.name[0]));
    for (const l of 'abcdefghijklmz') expect(letters.has(l), l).toBe(true);
    for (const q of asked.filter((x) => 'defgijklm'.includes(x.name[0])))
      expect(q.roster, q.name).toBe('members');
  });

  it('offers all six languages and the listing carries the screening dispositions 1 to 6', () => {
    const title = household.pages[0].elements[9].title;
    expect(Object.keys(title).sort()).toEqual(['default', 'en', 'fr', 'kea', 'wo', 'zh-Hans']);
    const disposition = walkQuestions(listing).find((q) => q.name === 'l05_disposition');
    expect(((disposition?.json.choices ?? []) as { value: number }[]).map((c) => c.value)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
  });
});

describe('validating household responses against ipei/household.v2', () => {
  const model = createValidationModel(household);

  it('accepts a complete, realistic response (3 members, 2 eligible) with nothing flagged', () => {
    const r = validateAnswers(model, complete());
    expect(r.errors).toEqual([]);
    expect(r.flagged).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.cleaned).toMatchObject({
      hh_n_members: 3,
      hh_n_eligible: 2,
      hh_n_individual: 2,
      a01_key: 'CV-PR-0123-14-1',
    });
    expect((r.cleaned.members as Member[]).map((m) => m.c14_individual)).toEqual([1, 0, 1]);
  });

  it('reports a missing required answer in a roster row at its path', () => {
    const a = complete();
    delete a.members[2].c03_sex;
    const r = validateAnswers(model, a);
    expect(r.errors.map((e) => [e.path, e.type])).toEqual([['members[2].c03_sex', 'required']]);
  });

  it('reports an out-of-range value and an arrival year before birth at their paths', () => {
    const a = complete();
    a.members[0].g13_hours = 120;
    a.members[2].d01_year_first = 1990;
    const r = validateAnswers(model, a);
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.path).sort()).toEqual(['members[0].g13_hours', 'members[2].d01_year_first']);
    expect(r.errors.find((e) => e.path === 'members[2].d01_year_first')?.text).toBe(
      'Ano de chegada anterior ao nascimento.',
    );
  });

  it('flags answers to skipped questions in roster rows (non-eligible member, non-employed member)', () => {
    const a = complete();
    a.members[1].d01_year_first = 2010;
    a.members[2].g13_hours = 40;
    const r = validateAnswers(model, a);
    expect(r.flagged).toEqual([
      { path: 'members[1].d01_year_first', reason: 'answered-but-hidden' },
      { path: 'members[2].g13_hours', reason: 'answered-but-hidden' },
    ]);
    expect(r.valid).toBe(true);
    expect(r.ok).toBe(false);
  });

  it('flags a choice code that is not in the list', () => {
    const a = complete();
    a.members[0].c03_sex = 3;
    const r = validateAnswers(model, { ...a, a08_language: 7 });
    expect(r.flagged).toEqual([
      { path: 'a08_language', reason: 'choice-not-in-list' },
      { path: 'members[0].c03_sex', reason: 'choice-not-in-list' },
    ]);
  });

  it('ends an ineligible household after the screener, with result 2 and nothing else asked', () => {
    const cover = {
      a02_island: 4,
      a03_municipality: 'CV-SL',
      a04_ea: 'CV-SL-0007',
      a05_dwelling: 3,
      a06_household: 1,
      a07_visit: 1,
      a08_language: 1,
      a10_consent: 1,
    };
    const screener = {
      b01_residents: 2,
      b02_foreign_nat: 2,
      b03_stateless: 2,
      b04_foreign_born: 1,
      z03_understanding: 1,
    };
    const ended = validateAnswers(model, { ...cover, ...screener, z05_hh_result: 2 });
    expect(ended).toMatchObject({ ok: true, errors: [], flagged: [] });
    expect(ended.cleaned).toMatchObject({ b05_eligible: 0, b05a_extended_only: 1 });
    const wrong = validateAnswers(model, { ...cover, ...screener, z05_hh_result: 11, h01_dwelling_type: 1 });
    expect(wrong.errors.map((e) => e.path)).toEqual(['z05_hh_result']);
    expect(wrong.flagged).toEqual([{ path: 'h01_dwelling_type', reason: 'answered-but-hidden' }]);
  });

  it('records a visit without an interview (no one at home, language barrier, other): A10 = 3 and result 14-16 (v2)', () => {
    const cover = {
      a02_island: 4,
      a03_municipality: 'CV-SL',
      a04_ea: 'CV-SL-0007',
      a05_dwelling: 3,
      a06_household: 1,
      a07_visit: 3,
      a08_language: 1,
    };
    for (const result of [14, 15, 16]) {
      const r = validateAnswers(model, { ...cover, a10_consent: 3, z05_hh_result: result });
      expect(r).toMatchObject({ ok: true, errors: [], flagged: [] });
    }
    // a result of 14-16 needs A10 = 3, and A10 = 3 needs a result of 14-16
    const refused = validateAnswers(model, { ...cover, a10_consent: 2, z05_hh_result: 14 });
    expect(refused.errors.map((e) => e.path)).toContain('z05_hh_result');
    const contradicted = validateAnswers(model, { ...cover, a10_consent: 3, z05_hh_result: 13 });
    expect(contradicted.errors.map((e) => e.path)).toEqual(['z05_hh_result']);
    expect(contradicted.errors[0].text).toMatch(/14, 15 ou 16/);
    // nothing after the cover is asked
    const hidden = validateAnswers(model, { ...cover, a10_consent: 3, z05_hh_result: 14, b01_residents: 2 });
    expect(hidden.flagged).toEqual([{ path: 'b01_residents', reason: 'answered-but-hidden' }]);
  });

  it('accepts a proxy for modules D-G only and refuses a proxy line outside the roster', () => {
    const a = complete();
    const proxied = { ...a.members[2], z01_respondent: 2, z01a_proxy_line: 1, z05p_person_result: 22 };
    a.members[2] = Object.fromEntries(Object.entries(proxied).filter(([k]) => !/^[ijklm]\d/.test(k)));
    expect(validateAnswers(model, a).ok).toBe(true);
    a.members[2].z01a_proxy_line = 5;
    a.members[2].k02_felt_discriminated = 1;
    const r = validateAnswers(model, a);
    expect(r.errors.map((e) => e.path)).toEqual(['members[2].z01a_proxy_line']);
    expect(r.flagged).toEqual([{ path: 'members[2].k02_felt_discriminated', reason: 'answered-but-hidden' }]);
  });

  it('checks the roster against B01 and warns, without failing, on unusual values', () => {
    const a = complete();
    const wrongCount = validateAnswers(model, { ...a, b01_residents: 4 });
    expect(wrongCount.errors.map((e) => e.path)).toContain('members');
    a.members[0].g13_hours = 80;
    const unusual = validateAnswers(model, a);
    expect(unusual.ok).toBe(true);
    expect(unusual.warnings).toEqual([
      { path: 'members[0].g13_hours', text: 'Mais de 72 horas por semana: confirme.' },
    ]);
  });
});
