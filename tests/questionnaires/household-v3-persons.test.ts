/**
 * ipei/household.v3 person by person, on constructed households: the proxy is one of the
 * roster's members (its line) and must be another member aged 15+ (never the person, never in a one-person
 * household); names are piped into the person's questions; "don't know" is offered on the items a proxy
 * answers; a partial person result (26) keeps the answers given without requiring the rest; a complete
 * household (11) whose eligible persons were all non-interviews is refused.
 */
import { Model, type QuestionPanelDynamicModel } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../server/domain/answers-validation.ts';
import {
  type Answers,
  caboVerdean,
  completeV3,
  householdV3,
  type Member,
  v3Model,
} from '../helpers/ipei-households.ts';

const model = v3Model();
const selfOnly = /^[ijklm]\d/;
/** Moussa (line 3, 22, SN) answered by proxy line `line`: his self-only modules I-M are not asked. */
const proxied = (line: number, extra: Member[] = []): Answers => {
  const a = completeV3();
  const moussa = { ...a.members[2], z01_respondent: 2, z01a_proxy_line: line, z05p_person_result: 22 };
  a.members[2] = Object.fromEntries(Object.entries(moussa).filter(([k]) => !selfOnly.test(k)));
  a.members.push(...extra);
  return { ...a, b01_residents: a.members.length };
};
const PROXY = 'O respondente proxy é outro membro do agregado com 15 anos ou mais.';
const errors = (a: Answers) => validateAnswers(model, a).errors.map((e) => [e.path, e.text]);

describe('household.v3 proxy respondents', () => {
  it('accepts another adult member as proxy, by line', () => {
    expect(validateAnswers(model, proxied(1))).toMatchObject({ ok: true, errors: [] });
  });

  it('refuses the person as their own proxy, a line outside the roster and a child as proxy', () => {
    expect(errors(proxied(3))).toEqual([['members[2].z01a_proxy_line', PROXY]]);
    expect(errors(proxied(5))).toEqual([['members[2].z01a_proxy_line', PROXY]]);
    expect(errors(proxied(4, [caboVerdean('Zé', 10, 'CV', 3)]))).toEqual([
      ['members[2].z01a_proxy_line', PROXY],
    ]);
  });

  it('refuses a proxy in a one-person household', () => {
    const a = completeV3();
    const braima = { ...a.members[0], c02_relationship: 1, z01_respondent: 2, z01a_proxy_line: 1 };
    const one = { ...a, b01_residents: 1, members: [braima] };
    expect(errors(one)).toContainEqual([
      'members[0].z01_respondent',
      'Num agregado de uma só pessoa não há respondente proxy.',
    ]);
  });

  it("pipes the person's name into the respondent, proxy and result questions", () => {
    const survey = new Model(householdV3);
    survey.data = proxied(1);
    const panel = (survey.getQuestionByName('members_p') as QuestionPanelDynamicModel).panels[2];
    const title = (name: string) => panel.getQuestionByName(name).locTitle.renderedHtml;
    expect(title('z01_respondent')).toBe('Quem responde às perguntas individuais de Moussa?');
    expect(title('z01a_proxy_line')).toBe('Quem responde por Moussa (proxy)? Linha no roster');
    expect(title('z05p_person_result')).toBe('Resultado da entrevista individual de Moussa');
  });

  it('offers "don\'t know" on the items a proxy answers', () => {
    const a = proxied(1);
    Object.assign(a.members?.[2] as Member, { d02_abroad_12m: 98, f01_literate: 98, f05_studying: 98 });
    expect(validateAnswers(model, a)).toMatchObject({ ok: true, errors: [] });
    const codes = (name: string) =>
      (
        (
          householdV3 as {
            pages: { elements: { templateElements?: { name: string; choices?: { value: number }[] }[] }[] }[];
          }
        ).pages
          .flatMap((p) => p.elements)
          .flatMap((e) => e.templateElements ?? [])
          .find((q) => q.name === name)?.choices ?? []
      ).map((c) => c.value);
    for (const q of ['d02_abroad_12m', 'e07_passport', 'f01_literate', 'f05_studying', 'g16_work_before'])
      expect(codes(q), q).toContain(98);
    expect(codes('g14a_income_band')).toEqual([1, 2, 3, 4, 5, 98, 99]);
  });
});

describe('household.v3 person results', () => {
  it('a partial person (26) keeps the answers given and is not asked the rest', () => {
    const a = completeV3();
    const keep = (k: string) => /^[cz]\d|^d\d/.test(k);
    a.members[2] = {
      ...Object.fromEntries(Object.entries(a.members[2]).filter(([k]) => keep(k))),
      z05p_person_result: 26,
    };
    const r = validateAnswers(model, { ...a, z05_hh_result: 12 });
    expect(r).toMatchObject({ ok: true, errors: [], flagged: [] });
    expect((r.cleaned.members as Member[])[2]).toMatchObject({ d01_year_first: 2021, d05_reason: 5 });
    // a non-interview (refusal) keeps nothing: answers given are flagged as not asked
    a.members[2] = { ...a.members[2], z01_respondent: 3, z05p_person_result: 23 };
    expect(validateAnswers(model, { ...a, z05_hh_result: 12 }).flagged).toContainEqual({
      path: 'members[2].d01_year_first',
      reason: 'answered-but-hidden',
    });
  });

  it('refuses result 11 when every eligible person is a non-interview, accepts 12', () => {
    const a = completeV3();
    for (const i of [0, 2]) {
      const names = Object.keys(a.members[i]).filter((k) => /^c\d/.test(k));
      a.members[i] = {
        ...Object.fromEntries(names.map((k) => [k, a.members[i][k]])),
        z01_respondent: 3,
        z05p_person_result: 24,
      };
    }
    expect(errors(a)).toEqual([
      ['z05_hh_result', 'Nenhuma pessoa elegível foi entrevistada: o resultado não pode ser 11.'],
    ]);
    expect(validateAnswers(model, { ...a, z05_hh_result: 12 })).toMatchObject({ ok: true, errors: [] });
  });
});
