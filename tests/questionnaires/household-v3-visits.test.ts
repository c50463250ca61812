/**
 * ipei/household.v3 field controls on constructed households: the visit log (one line per visit; result
 * 14 needs three recorded visits without contact; a visit without contact asks nothing else and can only
 * end as 14), reference years checked against the interview's date rather than the day of validation or a
 * fixed 2026, the consistency checks across modules (one reference person; INPS contributions vs
 * registration), and every new check's message in each interview language.
 */
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../server/domain/answers-validation.ts';
import { walkQuestions } from '../../server/domain/questionnaire-walk.ts';
import { type Answers, completeV3, cover, householdV3, v3Model } from '../helpers/ipei-households.ts';

const model = v3Model();
const errors = (a: Answers) => validateAnswers(model, a).errors.map((e) => [e.path, e.text]);
const log = (...results: number[]) =>
  results.map((r, k) => ({ a07c_visit_date: `2026-10-0${1 + k}`, a07e_visit_result: r }));
/** A third visit without contact: only the cover's visit items and the result. */
const noContact = (results: number[], result: number): Answers => {
  const { a08_language: _l, a10_consent: _c, ...c } = cover();
  return { ...c, a07_visit: 3, a07b_visits: log(...results), a07f_contact: 2, z05_hh_result: result };
};

describe('household.v3 visit log', () => {
  it('a third visit without contact, after two others without contact, is result 14 and asks nothing else', () => {
    expect(validateAnswers(model, noContact([2, 2, 2], 14))).toMatchObject({ ok: true, errors: [] });
    const asked = validateAnswers(model, { ...noContact([2, 2, 2], 14), a10_consent: 1 });
    expect(asked.flagged).toEqual([{ path: 'a10_consent', reason: 'answered-but-hidden' }]);
  });

  it('refuses result 14 without three recorded visits without contact', () => {
    expect(errors(noContact([2, 3, 2], 14))).toEqual([
      ['z05_hh_result', 'O resultado 14 exige três visitas registadas sem contacto.'],
    ]);
  });

  it('refuses another result for a visit without contact', () => {
    expect(errors(noContact([2, 2, 2], 13))).toEqual([
      ['z05_hh_result', 'Sem contacto nesta visita: o resultado é 14 (ninguém em casa após 3 visitas).'],
    ]);
  });

  it('needs one log line per visit', () => {
    expect(errors({ ...completeV3(), a07_visit: 2 })).toEqual([
      ['a07b_visits', 'O registo de visitas deve ter uma linha por visita (A07).'],
    ]);
  });
});

describe('household.v3 reference dates and checks across modules', () => {
  it('checks arrival years against the interview date, not the day of validation', () => {
    const a = completeV3();
    a.members[2].d01_year_first = 2026;
    expect(validateAnswers(model, a)).toMatchObject({ ok: true, errors: [] });
    expect(errors({ ...a, a07a_date: '2025-06-01', a07b_visits: log(1) })).toEqual([
      ['members[2].d01_year_first', 'Ano no futuro.'],
    ]);
  });

  it('refuses a roster with two reference persons', () => {
    const a = completeV3();
    a.members[2].c02_relationship = 1;
    expect(errors(a)).toEqual([['members', 'O agregado tem um e um só representante (relação 1 em C02).']]);
  });

  it('refuses INPS contributions paid for someone not registered with the INPS', () => {
    const a = completeV3();
    a.members[0].e05_inps = 2;
    expect(errors(a)).toEqual([
      [
        'z05_hh_result',
        'Contribuições pagas ao INPS (G12), mas E05 diz que não está inscrito(a): corrija uma das respostas.',
      ],
    ]);
  });

  it('has every new check message in each interview language', () => {
    const texts = walkQuestions(householdV3).flatMap((q) =>
      ((q.json.validators ?? []) as { text: Record<string, string> }[]).map((v) => v.text),
    );
    const fresh = [
      'O resultado 14 exige três visitas registadas sem contacto.',
      'Sem contacto nesta visita: o resultado é 14 (ninguém em casa após 3 visitas).',
      'O registo de visitas deve ter uma linha por visita (A07).',
      'A data da entrevista está no futuro.',
      'O agregado tem um e um só representante (relação 1 em C02).',
      'Contribuições pagas ao INPS (G12), mas E05 diz que não está inscrito(a): corrija uma das respostas.',
      'Nenhuma pessoa elegível foi entrevistada: o resultado não pode ser 11.',
      'O respondente proxy é outro membro do agregado com 15 anos ou mais.',
      'Num agregado de uma só pessoa não há respondente proxy.',
      'Nenhum membro elegível no roster (B05): o resultado é 2, não 11 nem 12.',
    ];
    for (const pt of fresh) {
      const text = texts.find((t) => t.default === pt);
      expect(text, pt).toBeDefined();
      for (const lang of ['en', 'fr', 'kea', 'wo', 'zh-Hans'])
        expect(text?.[lang], `${lang}: ${pt}`).toBeTruthy();
    }
  });
});
