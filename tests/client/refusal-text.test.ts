/**
 * A table or model the analysis refuses is said whole in the app language: for every reason code
 * (analysis/tables/refusals.ts) in pt, en, fr and kea the banner's sentence begins "the table cannot be
 * made" / "the model cannot be fitted" in that language, names the variable by its label in that language
 * and its name, is not the English one, and holds none of the analysis's English words, which stay in the
 * details line only. Refusals made by the real analysis on the tables fixture (a mean of a categorical
 * variable, a domain with no rows, an unknown variable, a universe keeping nobody) come out as exact
 * Portuguese sentences; a refusal without a reason gets the "check the settings" sentence; any other
 * failure is left to the kind's sentence.
 */
import { describe, expect, it } from 'vitest';
import { REFUSAL_REASONS, type RefusalReason } from '../../analysis/tables/refusals.ts';
import { computeTables } from '../../analysis/tables/run.ts';
import { REFUSAL_WORDS, refusalSentence } from '../../client/analyst/refusal-text.ts';
import { ERROR_MESSAGES } from '../../client/error-messages.ts';
import { bannerSentence, failure } from '../../client/error-note.tsx';
import { errorSentence } from '../../client/error-sentence.ts';
import { APP_LANGUAGES } from '../../client/i18n.ts';
import { data, labels, plans, rules, table } from '../analysis/tables/helpers.ts';

const MODEL_REASONS: RefusalReason[] = [
  'not_formula_name',
  'outcome_is_predictor',
  'predictor_twice',
  'margins_not_predictor',
  'choose_outcome_level',
  'categorical_outcome',
  'model_failed',
];
const VARIABLES = [{ name: 'x_income', label: { pt: 'Rendimento mensal', en: 'Monthly income' } }];
/** English words of the analysis's messages that no other language's sentence may hold ("Use" is Portuguese too). */
const ENGLISH = /\b(the|needs|unknown|nobody|cannot|respondents|numeric|listed|twice|which|is|has|choose)\b/;

/** A failed API result as the client holds it: a 422 with the refusal in the problem's details. */
function refused(reason: RefusalReason | undefined, message = 'an English message of the analysis') {
  const model = reason !== undefined && MODEL_REASONS.includes(reason);
  return {
    kind: 'rejected' as const,
    status: 422,
    problem: {
      code: model ? 'model.invalid' : 'table.invalid',
      message: 'The table cannot be made: see details.table and details.field.',
      details: {
        table: model ? 'model' : 'custom',
        field: 'statistic',
        message,
        ...(reason ? { reason, variable: 'x_income', statistic: 'mean', column: 'w_final' } : {}),
      },
    },
  };
}

describe('a refused table or model, said in the app language', () => {
  for (const lang of APP_LANGUAGES)
    it(`every reason in ${lang}: its own sentence, the prefix and the variable in ${lang}`, () => {
      const words = REFUSAL_WORDS[lang];
      const label = lang === 'pt' || lang === 'kea' ? 'Rendimento mensal' : 'Monthly income';
      const seen = new Set<string>();
      for (const reason of REFUSAL_REASONS) {
        const sentence = refusalSentence(refused(reason), lang, VARIABLES) as string;
        const model = MODEL_REASONS.includes(reason);
        expect(sentence.startsWith(model ? words.model : words.table), reason).toBe(true);
        expect(sentence, reason).not.toMatch(/[{}]/);
        expect(sentence, reason).not.toContain('an English message');
        if (words.reason[reason].includes('{v}')) expect(sentence, reason).toContain(`«${label}» (x_income)`);
        if (reason === 'no_weights') expect(sentence).toContain('«w_final»');
        if (lang !== 'en') {
          expect(sentence, reason).not.toBe(refusalSentence(refused(reason), 'en', VARIABLES));
          expect(sentence, `${reason}: ${sentence}`).not.toMatch(ENGLISH);
        }
        seen.add(sentence);
      }
      expect(seen.size).toBe(REFUSAL_REASONS.length);
    });

  it('the codes of a malformed plan, a failed estimation and the proxy rule: their own sentences, never "check"', () => {
    const fresh: RefusalReason[] = [
      'plan_invalid',
      'duplicate_table',
      'proxy_rule_missing',
      'proxy_variable_missing',
      'estimation_failed',
      'model_failed',
      'omit_levels_no_rows',
      'omitted_level_held',
    ];
    for (const lang of APP_LANGUAGES)
      for (const reason of fresh) {
        const sentence = refusalSentence(refused(reason), lang, VARIABLES) as string;
        const words = REFUSAL_WORDS[lang];
        expect(sentence, `${lang} ${reason}`).not.toContain(words.check);
        expect(sentence.length - words.table.length, `${lang} ${reason}`).toBeGreaterThan(30);
        if (reason === 'plan_invalid') expect(sentence).toContain('«statistic»');
        if (reason === 'estimation_failed') expect(sentence).toContain(`(${words.statistic.mean})`);
        if (reason === 'proxy_variable_missing' || reason === 'model_failed')
          expect(sentence).toContain('(x_income)');
      }
  });

  it('names the statistic in the language: a mean is "média" in pt and "moyenne" in fr', () => {
    expect(refusalSentence(refused('needs_numeric'), 'pt', VARIABLES)).toContain('a média exige');
    expect(refusalSentence(refused('needs_numeric'), 'fr', VARIABLES)).toContain('la moyenne demande');
    expect(refusalSentence(refused('needs_numeric'), 'en', VARIABLES)).toContain('a mean needs');
  });

  it('a refusal without a reason says to check the settings; the raw words stay in the details', () => {
    const r = refused(undefined, 'estimate failed: singular matrix');
    const pt = bannerSentence(
      failure(r, (l) => refusalSentence(r, l, VARIABLES)),
      'pt',
    );
    expect(pt).toBe(`${REFUSAL_WORDS.pt.table} ${REFUSAL_WORDS.pt.check}`);
    expect(pt).not.toContain('singular');
    expect(errorSentence(r, 'pt').details).toContain('estimate failed: singular matrix');
  });

  it('any other failure is told by its kind', () => {
    const down = { kind: 'transient' as const, status: 503, message: 'HTTP 503' };
    expect(refusalSentence(down, 'pt', VARIABLES)).toBeNull();
    expect(
      bannerSentence(
        failure(down, (l) => refusalSentence(down, l, VARIABLES)),
        'pt',
      ),
    ).toBe(ERROR_MESSAGES.pt.unavailable);
  });
});

describe("the real analysis's refusals, in Portuguese", () => {
  const variables = Object.entries(labels()).map(([name, l]) => ({ name, label: l.label }));
  const issueOf = (plan: Record<string, unknown>) => {
    const [issue] = computeTables(plans([table('T', plan)]), data(), labels(), rules).issues;
    expect(issue).toBeDefined();
    return issue;
  };
  const say = (plan: Record<string, unknown>) => {
    const issue = issueOf(plan);
    const r = {
      kind: 'rejected' as const,
      status: 422,
      problem: { code: 'table.invalid', message: 'The table cannot be made.', details: issue },
    };
    const sentence = refusalSentence(r, 'pt', variables) as string;
    expect(sentence).not.toContain(issue.message);
    expect(errorSentence(r, 'pt').details).toContain(issue.message);
    return sentence;
  };

  it('a mean of a categorical variable', () => {
    expect(say({ unit: 'individual', statistic: 'mean', variable: 'j01_remit' })).toBe(
      'Não é possível fazer o quadro: a média exige uma variável numérica, e «Envia remessas» (j01_remit) tem categorias ou texto. Use a proporção.',
    );
  });
  it('a domain with no rows', () => {
    expect(
      say({
        unit: 'individual',
        statistic: 'mean',
        variable: 'j04_remit_amount',
        domains: ['g08_occupation'],
        universe: [{ variable: 'g17_lf_status', op: '!=', value: 1 }],
      }),
    ).toBe(
      'Não é possível fazer o quadro: ninguém no universo respondeu à variável de domínio «g08_occupation». Escolha outro domínio ou alargue o universo.',
    );
  });
  it('an unknown domain variable', () => {
    expect(
      say({ unit: 'individual', statistic: 'proportion', variable: 'j01_remit', domains: ['c03_sex', 'zz'] }),
    ).toBe(
      'Não é possível fazer o quadro: a variável de domínio «zz» não está nos dados desta unidade. Escolha outra variável ou outra unidade.',
    );
  });
  it('a malformed plan names its field', () => {
    // zod's message lists every statistic: longer than the details line keeps, so not checked there
    const details = issueOf({ unit: 'individual', statistic: 'mode', variable: 'j01_remit' });
    const r = {
      kind: 'rejected' as const,
      status: 422,
      problem: { code: 'table.invalid', message: 'x', details },
    };
    expect(refusalSentence(r, 'pt', variables)).toBe(
      'Não é possível fazer o quadro: a sua definição não é válida em «statistic». Corrija o quadro em tables.json; os detalhes abaixo dizem o que está errado.',
    );
  });
  it('proxies excluded without the proxy rule', () => {
    expect(
      say({ unit: 'individual', statistic: 'proportion', variable: 'j01_remit', proxies: 'excluded' }),
    ).toBe(
      'Não é possível fazer o quadro: exclui as respostas dadas por outra pessoa (proxy), mas tables.json não tem a regra dos proxies (a variável e os códigos das entrevistas por proxy). Acrescente a regra, ou mantenha os proxies.',
    );
  });
  it('a universe keeping nobody', () => {
    expect(
      say({
        unit: 'individual',
        statistic: 'proportion',
        variable: 'j01_remit',
        universe: [{ variable: 'c05_age', op: '>', value: 200 }],
      }),
    ).toBe(
      'Não é possível fazer o quadro: o universo não retém ninguém que tenha respondido a «Envia remessas» (j01_remit). Alargue o universo.',
    );
  });
});
