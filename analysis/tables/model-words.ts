/**
 * The engine's one catalogue of the words it sends with a model, in pt, en, fr and kea: the default
 * title, the intercept's label, the family and ratio names, the downloads' headings (CSV, Excel sheet,
 * Wald tests, predictive margins), the note on a coefficient without numbers or flagged and the
 * model's warnings by their code (model/glm-warnings.ts; the code stays in the JSON), the variance
 * functions' (dropped replicates, a lonely PSU, an unknown engine warning) from warning-words.ts. The model
 * JSON, CSV and Excel (export/model-files.ts) and the command line (tabulate-model.ts, English) take
 * them from here; the universe's word is the tables' (table-words.ts). The survey's own labels are
 * not here: they come from the questionnaire (fr and kea where it gives them, else its source
 * language). The French and Kriolu (ALUPEC, Santiago variant, in the words of
 * client/analyst/messages-kea.ts) were written by the project: `draft`, for a native speaker's review
 * (MODEL_WORDS_STATUS).
 */
import type { GlmFamily } from '../model/glm-fit.ts';
import type { GlmWarningCode } from '../model/glm-warnings.ts';
import { ENGINE_WORDS_STATUS, type TableLang } from './table-words.ts';
import { varianceWords } from './warning-words.ts';

/** Why a coefficient publishes no numbers, or is flagged. */
export type CoefficientNote = 'aliased' | 'separation' | 'fewer' | 'largeSe';

export interface ModelWords {
  /** The Excel sheet's name and the word before the family in its subtitle. */
  model: string;
  /** A model's title when the analyst gives none. */
  title: (outcome: string) => string;
  intercept: string;
  family: Record<GlmFamily, string>;
  /** The ratio of a logistic (odds) and a count (rate) model. */
  ratioName: { quasibinomial: string; quasipoisson: string };
  /** The coefficient table's 13 columns (CSV and Excel; the test checks every language has them). */
  heads: string[];
  tests: string;
  margins: string;
  note: Record<CoefficientNote, (minN: number) => string>;
  /** A model's warnings (model/glm-warnings.ts), given the warning's detail (terms, a count, ...). */
  warning: Record<GlmWarningCode, (detail: string) => string>;
}

const pt: ModelWords = {
  model: 'Modelo',
  title: (outcome) => `Modelo de ${outcome}`,
  intercept: 'Constante',
  family: {
    gaussian: 'linear (gaussiana)',
    quasibinomial: 'logística (quasibinomial)',
    quasipoisson: 'de contagens (quasipoisson)',
  },
  ratioName: { quasibinomial: 'razão de chances', quasipoisson: 'razão de taxas' },
  heads: [
    'Coeficiente',
    'Referência',
    'Estimativa',
    'EP',
    'IC inferior',
    'IC superior',
    't',
    'p',
    'Razão',
    'Razão IC inf.',
    'Razão IC sup.',
    'n',
    'Nota',
  ],
  tests: 'Testes de Wald por variável',
  margins: 'Margens preditivas',
  note: {
    aliased: () => 'não estimável (colinear com outros coeficientes)',
    separation: () => 'a variável dependente não varia nesta categoria (separação)',
    fewer: (minN) => `menos de ${minN} respondentes`,
    largeSe: () => 'erro padrão elevado: usar com cautela',
  },
  warning: {
    not_converged: (d) => `O ajustamento não convergiu em ${d} iterações.`,
    aliased: (d) =>
      `Não estimável (colinear com outras colunas, p. ex. uma combinação de categorias vazia): ${d}.`,
    separation: (d) =>
      `Separação: a variável dependente não varia em ${d} (tudo 0 ou tudo 1), o coeficiente não é finito; junte a categoria ou retire o preditor.`,
    quasi_separation: () => 'Há valores ajustados de exatamente 0 ou 1 (quase-separação).',
    ...varianceWords('pt'),
  },
};

const en: ModelWords = {
  model: 'Model',
  title: (outcome) => `Model of ${outcome}`,
  intercept: 'Intercept',
  family: {
    gaussian: 'linear (gaussian)',
    quasibinomial: 'logistic (quasibinomial)',
    quasipoisson: 'count (quasipoisson)',
  },
  ratioName: { quasibinomial: 'odds ratio', quasipoisson: 'rate ratio' },
  heads: [
    'Coefficient',
    'Reference',
    'Estimate',
    'SE',
    'CI lower',
    'CI upper',
    't',
    'p',
    'Ratio',
    'Ratio CI lower',
    'Ratio CI upper',
    'n',
    'Note',
  ],
  tests: 'Wald tests by variable',
  margins: 'Predictive margins',
  note: {
    aliased: () => 'not estimable (aliased with other coefficients)',
    separation: () => 'the outcome does not vary in this category (separation)',
    fewer: (minN) => `fewer than ${minN} respondents`,
    largeSe: () => 'large standard error: use with caution',
  },
  warning: {
    not_converged: (d) => `The fit did not converge in ${d} iterations.`,
    aliased: (d) =>
      `Not estimable (aliased with other columns, e.g. an empty combination of categories): ${d}.`,
    separation: (d) =>
      `Separation: the outcome does not vary within ${d} (all 0 or all 1), so the coefficient is not finite; merge the category or drop the predictor.`,
    quasi_separation: () => 'Fitted values of exactly 0 or 1 occurred (quasi-separation).',
    ...varianceWords('en'),
  },
};

const fr: ModelWords = {
  model: 'Modèle',
  title: (outcome) => `Modèle de ${outcome}`,
  intercept: 'Constante',
  family: {
    gaussian: 'linéaire (gaussien)',
    quasibinomial: 'logistique (quasi-binomial)',
    quasipoisson: 'de comptages (quasi-Poisson)',
  },
  ratioName: { quasibinomial: 'rapport de cotes', quasipoisson: 'rapport de taux' },
  heads: [
    'Coefficient',
    'Référence',
    'Estimation',
    'ET',
    'IC inférieur',
    'IC supérieur',
    't',
    'p',
    'Rapport',
    'Rapport IC inf.',
    'Rapport IC sup.',
    'n',
    'Remarque',
  ],
  tests: 'Tests de Wald par variable',
  margins: 'Marges prédictives',
  note: {
    aliased: () => "non estimable (colinéaire avec d'autres coefficients)",
    separation: () => 'la variable dépendante ne varie pas dans cette catégorie (séparation)',
    fewer: (minN) => `moins de ${minN} répondants`,
    largeSe: () => 'erreur type élevée : à utiliser avec prudence',
  },
  warning: {
    not_converged: (d) => `L'ajustement n'a pas convergé en ${d} itérations.`,
    aliased: (d) =>
      `Non estimable (colinéaire avec d'autres colonnes, p. ex. une combinaison de catégories vide) : ${d}.`,
    separation: (d) =>
      `Séparation : la variable dépendante ne varie pas dans ${d} (tout 0 ou tout 1), le coefficient n'est pas fini ; regroupez la catégorie ou retirez le prédicteur.`,
    quasi_separation: () => 'Des valeurs ajustées valent exactement 0 ou 1 (quasi-séparation).',
    ...varianceWords('fr'),
  },
};

const kea: ModelWords = {
  model: 'Modelu',
  title: (outcome) => `Modelu di ${outcome}`,
  intercept: 'Konstanti',
  family: {
    gaussian: 'linear (gausianu)',
    quasibinomial: 'lojístiku (kuazi-binomial)',
    quasipoisson: 'di kontajen (kuazi-Poisson)',
  },
  ratioName: { quasibinomial: 'razon di txansis', quasipoisson: 'razon di taxas' },
  heads: [
    'Kuefisienti',
    'Referénsia',
    'Stimativa',
    'EP',
    'IC di baxu',
    'IC di riba',
    't',
    'p',
    'Razon',
    'Razon IC di baxu',
    'Razon IC di riba',
    'n',
    'Nota',
  ],
  tests: 'Testi di Wald pa variavel',
  margins: 'Marjens preditivu',
  note: {
    aliased: () => 'ka ta stima (kolinear ku otus kuefisientis)',
    separation: () => 'variavel dipendenti ka ta varia na es kategoria (separason)',
    fewer: (minN) => `ménus di ${minN} ki responde`,
    largeSe: () => 'eru padron altu: uza ku kuidadu',
  },
  warning: {
    not_converged: (d) => `Ajustamentu ka konverji na ${d} iterason.`,
    aliased: (d) =>
      `Ka ta stima (kolinear ku otus kolunas, pur izénplu un kombinason di kategorias bazíu): ${d}.`,
    separation: (d) =>
      `Separason: variavel dipendenti ka ta varia na ${d} (tudu 0 o tudu 1), kuefisienti ka é finitu; djunta kategoria o tira preditor.`,
    quasi_separation: () => 'Ten valoris ajustadu di izatamenti 0 o 1 (kuazi-separason).',
    ...varianceWords('kea'),
  },
};

export const MODEL_WORDS: Record<TableLang, ModelWords> = { pt, en, fr, kea };

/** The review status of each language's words (the engine's catalogues share it). */
export const MODEL_WORDS_STATUS = ENGINE_WORDS_STATUS;
