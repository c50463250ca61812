/**
 * ipei/household.v3 consent, on constructed households: the consent and confidentiality script shown before
 * A10 (in every interview language) and a household refusal that ends the interview with result 13;
 * individual consent before a person's modules, a parent's or guardian's consent in addition for 15-17-year-
 * olds, and a refusal of either recorded as person result 23 with the person's modules skipped; the check of
 * the residence status (E01) against the nationality (C07/C08A), as the consent rules read the roster row.
 */
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../server/domain/answers-validation.ts';
import { walkQuestions } from '../../server/domain/questionnaire-walk.ts';
import {
  type Answers,
  completeV3,
  cover,
  householdV3,
  type Member,
  v3Model,
} from '../helpers/ipei-households.ts';

const model = v3Model();
const LANGS = ['en', 'fr', 'kea', 'wo', 'zh-Hans'];
const REFUSED = 'Consentimento individual recusado (Z01b ou Z01c): o resultado é 23 (recusa).';
const errors = (a: Answers) => validateAnswers(model, a).errors.map((e) => [e.path, e.type, e.text]);
const json = (name: string) => walkQuestions(householdV3).find((q) => q.json.name === name)?.json as Answers;
/** Moussa (line 3, SN) with `m`; `keepModules` false drops his answers to modules D-M. */
const moussa = (m: Member, keepModules = true): Answers => {
  const a = completeV3();
  const own = { ...a.members[2], ...m };
  a.members[2] = keepModules
    ? own
    : Object.fromEntries(Object.entries(own).filter(([k]) => !/^[d-m]\d/.test(k)));
  return a;
};

describe('household.v3 consent and confidentiality script', () => {
  it('shows the script before A10, with contact only, in every interview language', () => {
    const names = walkQuestions(householdV3).map((q) => q.json.name);
    expect(names.indexOf('a10s_script')).toBe(names.indexOf('a10_consent') - 1);
    const script = json('a10s_script');
    expect(script).toMatchObject({ type: 'html', visibleIf: '{a07f_contact} = 1' });
    const html = script.html as Record<string, string>;
    expect(html.default).toContain('segredo estatístico');
    for (const lang of LANGS) expect(html[lang], lang).toMatch(/^<p><b>.+13/s);
  });

  it('a refusal at A10 ends the interview with result 13; any other result is refused', () => {
    const refusal = { ...cover(), a10_consent: 2, z05_hh_result: 13 };
    expect(validateAnswers(model, refusal)).toMatchObject({ ok: true, errors: [], flagged: [] });
    expect(errors({ ...refusal, z05_hh_result: 11 })).toContainEqual([
      'z05_hh_result',
      'custom',
      'Sem consentimento, o resultado é 13 (recusa).',
    ]);
    // nothing after A10 is asked: a roster answered anyway is flagged
    expect(validateAnswers(model, { ...refusal, b01_residents: 2 }).flagged).toContainEqual({
      path: 'b01_residents',
      reason: 'answered-but-hidden',
    });
  });
});

describe('household.v3 individual consent', () => {
  it('requires individual consent of each person interviewed', () => {
    expect(errors(moussa({ z01b_consent: undefined }))).toContainEqual([
      'members[2].z01b_consent',
      'required',
      expect.any(String),
    ]);
  });

  it('a person who refuses consent is result 23 and is asked no module', () => {
    const refused = moussa({ z01b_consent: 2, z05p_person_result: 23 }, false);
    expect(validateAnswers(model, refused)).toMatchObject({ ok: true, errors: [], flagged: [] });
    expect(
      errors({
        ...refused,
        members: refused.members?.map((m, i) => (i === 2 ? { ...m, z05p_person_result: 21 } : m)),
      }),
    ).toEqual([['members[2].z05p_person_result', 'custom', REFUSED]]);
    const answered = validateAnswers(model, moussa({ z01b_consent: 2, z05p_person_result: 23 }));
    expect(answered.flagged).toContainEqual({
      path: 'members[2].e01_residence_status',
      reason: 'answered-but-hidden',
    });
  });

  it('at 15-17 a parent or guardian consents too; without it the person is result 23', () => {
    const teen = (m: Member, keep = true) => moussa({ c05_age: 16, c10_marital: 1, ...m }, keep);
    expect(errors(teen({}))).toEqual([['members[2].z01c_guardian_consent', 'required', expect.any(String)]]);
    expect(validateAnswers(model, teen({ z01c_guardian_consent: 1 }))).toMatchObject({
      ok: true,
      errors: [],
    });
    expect(errors(teen({ z01c_guardian_consent: 2 }, false))).toEqual([
      ['members[2].z05p_person_result', 'custom', REFUSED],
    ]);
    const refused = teen({ z01c_guardian_consent: 2, z05p_person_result: 23 }, false);
    expect(validateAnswers(model, refused)).toMatchObject({ ok: true, errors: [], flagged: [] });
    // an adult is not asked for a guardian's consent
    expect(validateAnswers(model, moussa({ z01c_guardian_consent: 1 })).flagged).toContainEqual({
      path: 'members[2].z01c_guardian_consent',
      reason: 'answered-but-hidden',
    });
  });

  it('has the consent questions and the check in every interview language', () => {
    const texts = [
      json('z01b_consent').title,
      json('z01c_guardian_consent').title,
      ...(json('z05p_person_result').validators as { text: unknown }[]).map((v) => v.text),
    ] as Record<string, string>[];
    expect(texts.map((t) => t.default)).toContain(REFUSED);
    for (const t of texts) for (const lang of LANGS) expect(t[lang], `${lang}: ${t.default}`).toBeTruthy();
  });
});

describe('household.v3 residence status vs nationality', () => {
  const CV_STATUS =
    'Tem nacionalidade cabo-verdiana (C07/C08A): não tem estatuto de residência de estrangeiro; escolha “Não precisa” ou corrija a nacionalidade.';
  const NOT_CV =
    '“Não precisa: tem nacionalidade cabo-verdiana” exige a nacionalidade cabo-verdiana em C07 ou C08A.';
  /** Moussa, Senegalese first, with Cabo Verdean second citizenship (E06, naturalisation, is then not asked). */
  const dual = (e01: number) => {
    const a = moussa({
      c08_other_nationality: 1,
      c08a_nationality2: 'CV',
      c09_first_nationality: 1,
      e01_residence_status: e01,
    });
    delete a.members?.[2].e06_nationality_intent;
    return a;
  };

  it('refuses a foreigner’s residence status for a Cabo Verdean national', () => {
    for (const status of [1, 2, 6, 7])
      expect(errors(dual(status))).toEqual([['members[2].e01_residence_status', 'custom', CV_STATUS]]);
    // "not needed" is accepted, and the 2022 regularisation (E02) is then not asked
    const nine = validateAnswers(model, dual(9));
    expect(nine.errors).toEqual([]);
    expect(nine.flagged).toEqual([{ path: 'members[2].e02_regularisation', reason: 'answered-but-hidden' }]);
  });

  it('refuses "not needed" for a person without Cabo Verdean citizenship', () => {
    expect(errors(moussa({ e01_residence_status: 9 }))).toEqual([
      ['members[2].e01_residence_status', 'custom', NOT_CV],
    ]);
  });

  it('has the new code and both messages in every interview language', () => {
    const e01 = json('e01_residence_status') as {
      choices: { value: number; text: Record<string, string> }[];
      validators: { text: Record<string, string> }[];
    };
    const texts = [e01.choices.find((c) => c.value === 9)?.text ?? {}, ...e01.validators.map((v) => v.text)];
    expect(texts.map((t) => t.default).slice(1)).toEqual([CV_STATUS, NOT_CV]);
    for (const t of texts) for (const lang of LANGS) expect(t[lang], `${lang}: ${t.default}`).toBeTruthy();
  });
});
