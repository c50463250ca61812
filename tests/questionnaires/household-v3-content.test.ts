/**
 * ipei/household.v3 content added for the IPEI objectives (issue 18), on constructed persons: years of
 * schooling checked against the age and the level, mother tongue against speaking ability, self-rated
 * health and the Washington Group short set with its disability identifier, remittances over 12 months
 * (total, recipient, last transfer's amount and cost, SDG 10.c.1), the grounds of SDG 10.3.1 (migration
 * status among them, 12-month reference) with the derived indicators, local voting; each new check is
 * triggered, and each new check message exists in every interview language. Every open code list ("other",
 * 96) has its optional "specify" text, shown only when 96 is chosen.
 */
import { Model, type QuestionPanelDynamicModel } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../server/domain/answers-validation.ts';
import { walkQuestions } from '../../server/domain/questionnaire-walk.ts';
import { type Answers, completeV3, householdV3, type Member, v3Model } from '../helpers/ipei-households.ts';

const model = v3Model();
const verdict = (a: Answers) => {
  const r = validateAnswers(model, a);
  return {
    errors: r.errors.map((e) => [e.path, e.text]),
    warnings: r.warnings.map((w) => [w.path, w.text]),
    flagged: r.flagged,
  };
};
/** The household with Aminata (line 1, 34, self-respondent, remits monthly 10 000 CVE) changed by `m`. */
const aminata = (m: Member): Answers => {
  const a = completeV3();
  Object.assign(a.members[0], m);
  return a;
};

type Page = { name: string; elements: { templateElements?: Member[] }[] };
/** One person module of v3 exactly as generated, alone in a one-row roster; returns its computed values. */
function computed(page: string, names: string[]) {
  const template = (householdV3.pages as Page[]).find((p) => p.name === page)?.elements[0].templateElements;
  const survey = new Model({
    elements: [{ type: 'paneldynamic', name: 'members', templateElements: template }],
  });
  return (row: Member) => {
    survey.data = { members: [row] };
    const panel = (survey.getQuestionByName('members') as QuestionPanelDynamicModel).panels[0];
    return names.map((n) => panel.getQuestionByName(n).value);
  };
}

describe('household.v3 content for the IPEI objectives', () => {
  it('a household answering all of it validates clean', () => {
    expect(verdict(completeV3())).toEqual({ errors: [], warnings: [], flagged: [] });
  });

  it('checks years of schooling against the age and the level', () => {
    const moussa = completeV3(); // line 3, 22 years old: at most 19 years of schooling
    moussa.members[2].f02a_years_school = 20;
    expect(verdict(moussa).errors).toEqual([
      ['members[2].f02a_years_school', 'Mais anos de escolaridade do que a idade permite (idade menos 3).'],
    ]);
    expect(verdict(aminata({ f02_education: 0, f02a_years_school: 3 })).errors).toEqual([
      [
        'members[0].f02a_years_school',
        'Nenhum nível concluído (F02) mas com anos de escolaridade: escolha “Primário incompleto” ou corrija.',
      ],
    ]);
    const secondary = verdict(
      aminata({ f02_education: 31, f02a_years_school: 6, f03_edu_country: 'GW', f04_recognised: 3 }),
    );
    expect(secondary.errors).toEqual([]);
    expect(secondary.warnings).toEqual([
      ['members[0].f02a_years_school', 'Secundário ou mais com menos de 9 anos de escolaridade: confirme.'],
    ]);
  });

  it('refuses a mother tongue the person does not speak at all', () => {
    const pt = verdict(aminata({ f06_mother_tongue: ['pt'], f08_pt_speak: 4, f09_pt_understand: 4 }));
    expect(pt.errors).toEqual([
      [
        'members[0].f08_pt_speak',
        'O português é língua materna (F06) mas “não fala nada” (F08): corrija uma das respostas.',
      ],
    ]);
    expect(verdict(aminata({ f06_mother_tongue: ['pov', 'kea'], f10_kea_speak: 4 })).errors).toEqual([
      [
        'members[0].f10_kea_speak',
        'O crioulo é língua materna (F06) mas “não fala nada” (F10): corrija uma das respostas.',
      ],
    ]);
  });

  it('checks the 12-month remittance total and the last transfer against it, and warns on a high cost', () => {
    expect(verdict(aminata({ j09_remit_total_12m: 8000, j11_last_amount: 8000 })).errors).toEqual([
      [
        'members[0].j09_remit_total_12m',
        'Envia todos os meses: o total de 12 meses (J09) não pode ser menor que o montante mensal (J04).',
      ],
    ]);
    expect(verdict(aminata({ j11_last_amount: 150000 })).errors).toEqual([
      [
        'members[0].j11_last_amount',
        'O último envio (J11) não pode ser maior que o total dos últimos 12 meses (J09).',
      ],
    ]);
    const costly = verdict(aminata({ j12_last_fee: 2500 }));
    expect(costly.errors).toEqual([]);
    expect(costly.warnings).toEqual([
      ['members[0].j12_last_fee', 'Custo acima de 20% do montante enviado: confirme.'],
    ]);
  });

  it('warns on care refused for discrimination (I04) with no discrimination felt in 12 months (K02)', () => {
    const a = aminata({ i03_care_obtained: 3, i04_care_barriers: [6], k02_felt_discriminated: 2 });
    for (const k of ['k03_grounds', 'k04_situations', 'k05_reported']) delete a.members?.[0][k];
    expect(verdict(a)).toMatchObject({
      errors: [],
      warnings: [
        [
          'z05_hh_result',
          'Em I04 não obteve cuidados de saúde por se sentir discriminado(a): K02 “Não”? Confirme.',
        ],
      ],
    });
  });

  it('warns on a registered voter without a residence document; L08 only for registered voters', () => {
    const r = verdict(
      aminata({ e01_residence_status: 7, e02_regularisation: 6, l07_vote_registered: 1, l08_voted_local: 1 }),
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      ['z05_hh_result', 'Recenseado(a) para votar mas sem documento de residência (E01): confirme.'],
    ]);
    expect(verdict(aminata({ l08_voted_local: 1 })).flagged).toEqual([
      { path: 'members[0].l08_voted_local', reason: 'answered-but-hidden' },
    ]);
  });

  it('derives the WG-SS disability identifier: a lot of difficulty or cannot do in one domain', () => {
    const wg = computed('i_health', ['i08_wg_disability']);
    const none = { i07a_wg_seeing: 1, i07b_wg_hearing: 2, i07c_wg_walking: 1, i07d_wg_remembering: 2 };
    expect(wg({ ...none, i07e_wg_selfcare: 1, i07f_wg_communicating: 1 })).toEqual([0]);
    expect(wg({ ...none, i07e_wg_selfcare: 1, i07f_wg_communicating: 3 })).toEqual([1]);
    expect(wg({ ...none, i07e_wg_selfcare: 4, i07f_wg_communicating: 98 })).toEqual([1]);
  });

  it('derives SDG 10.3.1 (any ground, 12 months), discrimination for migration status and the transfer cost', () => {
    const k = computed('k_discrimination', ['k07_sdg1031', 'k08_migration_status']);
    expect(k({ k02_felt_discriminated: 1, k03_grounds: [5, 10] })).toEqual([1, 1]);
    expect(k({ k02_felt_discriminated: 1, k03_grounds: [7] })).toEqual([1, 0]);
    expect(k({ k02_felt_discriminated: 2 })).toEqual([0, 0]);
    const j = computed('j_remittances', ['j13_cost_pct']);
    expect(j({ j01_remit: 1, j11_last_amount: 10000, j12_last_fee: 600 })).toEqual([6]);
    expect(j({ j01_remit: 1, j11_last_amount: 10000, j12_last_fee: -98 })).toEqual([undefined]);
  });

  it('offers the SDG 10.3.1 grounds, migration status among them', () => {
    const k03 = walkQuestions(householdV3).find((q) => q.json.name === 'k03_grounds')?.json as {
      choices: { value: number; text: { default: string } }[];
    };
    expect(k03.choices.map((c) => c.value)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 96,
    ]);
    expect(k03.choices.find((c) => c.value === 10)?.text.default).toMatch(/situação migratória/);
  });

  it('has every new check message in each interview language', () => {
    const texts = walkQuestions(householdV3).flatMap((q) =>
      ((q.json.validators ?? []) as { text: Record<string, string> }[]).map((v) => v.text),
    );
    const fresh = [
      'Mais anos de escolaridade do que a idade permite (idade menos 3).',
      'Nenhum nível concluído (F02) mas com anos de escolaridade: escolha “Primário incompleto” ou corrija.',
      'Secundário ou mais com menos de 9 anos de escolaridade: confirme.',
      'O português é língua materna (F06) mas “não fala nada” (F08): corrija uma das respostas.',
      'O crioulo é língua materna (F06) mas “não fala nada” (F10): corrija uma das respostas.',
      'Envia todos os meses: o total de 12 meses (J09) não pode ser menor que o montante mensal (J04).',
      'O último envio (J11) não pode ser maior que o total dos últimos 12 meses (J09).',
      'Custo acima de 20% do montante enviado: confirme.',
      'Em I04 não obteve cuidados de saúde por se sentir discriminado(a): K02 “Não”? Confirme.',
      'Recenseado(a) para votar mas sem documento de residência (E01): confirme.',
    ];
    for (const pt of fresh) {
      const text = texts.find((t) => t.default === pt);
      expect(text, pt).toBeDefined();
      for (const lang of ['en', 'fr', 'kea', 'wo', 'zh-Hans'])
        expect(text?.[lang], `${lang}: ${pt}`).toBeTruthy();
    }
  });
});

describe('household.v3 "other, specify"', () => {
  const questions = walkQuestions(householdV3).map((q) => q.json as Member);
  const open = questions.filter((q) =>
    ((q.choices ?? []) as { value: unknown }[]).some((c) => c.value === 96),
  );

  it('follows every open code list with an optional text shown only when 96 is chosen', () => {
    expect(open.length).toBeGreaterThanOrEqual(20);
    for (const q of open) {
      const i = questions.indexOf(q);
      const other = questions[i + 1];
      expect(other, String(q.name)).toMatchObject({ type: 'text', name: `${q.name}_other` });
      expect(other.isRequired, String(q.name)).toBeUndefined();
      expect(String(other.visibleIf), String(q.name)).toMatch(/anyof \[96\]$/);
      for (const lang of ['en', 'fr', 'kea', 'wo', 'zh-Hans'])
        expect((other.title as Record<string, string>)[lang], `${lang}: ${other.name}`).toBeTruthy();
    }
  });

  it('takes the text with 96, in a roster and at household level; elsewhere it is answered but hidden', () => {
    expect(
      verdict({
        ...aminata({ j10_remit_recipient: 96, j10_remit_recipient_other: 'primo' }),
        h01_dwelling_type: 96,
        h01_dwelling_type_other: 'casa em construção',
      }),
    ).toEqual({ errors: [], warnings: [], flagged: [] });
    expect(verdict(aminata({ j10_remit_recipient: 96 })).errors).toEqual([]);
    expect(verdict(aminata({ j10_remit_recipient_other: 'primo' })).flagged).toEqual([
      { path: 'members[0].j10_remit_recipient_other', reason: 'answered-but-hidden' },
    ]);
    expect(verdict(aminata({ g05_search_methods_other: 'rádio' })).flagged).toEqual([
      { path: 'members[0].g05_search_methods_other', reason: 'answered-but-hidden' },
    ]);
  });
});
