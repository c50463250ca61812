/**
 * The engine's one catalogue of the words it sends with a table, in pt, en, fr and kea: the
 * workbook's sheet names and headings, the cross-tab's column groups, the statistic and unit words,
 * the interval note, the reliability legend, the control-cell and proxy notes, the stratum's label
 * and the line naming where the weights come from. Every output (JSON, CSV, XLSX) takes them from
 * here. The survey's own texts (tables.json titles and notes, the codebook's labels) are not here:
 * a language a survey's text lacks falls back to the survey's source language (`textIn`). The
 * French and Kriolu (ALUPEC, Santiago variant, in the words of client/analyst/messages-kea.ts) were
 * written by the project: the Kriolu is a draft for a native speaker's review.
 */
import type { CiMethod } from './intervals.ts';
import type { TablePlan } from './plan.ts';

export const TABLE_LANGS = ['pt', 'en', 'fr', 'kea'] as const;
export type TableLang = (typeof TABLE_LANGS)[number];
export const isTableLang = (x: unknown): x is TableLang => TABLE_LANGS.includes(x as TableLang);

/**
 * Who wrote each language of the engine's word catalogues (model-words.ts, codebook-words.ts): pt and
 * en are the source; the project wrote the French and the Kriolu, `draft` until a native speaker
 * reviews them.
 */
export const ENGINE_WORDS_STATUS: Record<TableLang, 'source' | 'draft'> = {
  pt: 'source',
  en: 'source',
  fr: 'draft',
  kea: 'draft',
};

/** The languages a survey's table text must give (tables.json); its source language is one of them. */
export type SourceLang = 'pt' | 'en';

/** A survey's text: Portuguese and English required, French and Kriolu when the survey gives them. */
export type SurveyText = { pt: string; en: string } & Partial<Record<TableLang, string>>;

/**
 * A survey's text in `lang`; when the survey does not give that language, its source language (the
 * profile's first language, `pt` unless it is `en`): never a third language, never empty.
 */
export function textIn(t: SurveyText, lang: TableLang, source: SourceLang = 'pt'): string {
  return t[lang] || t[source];
}

/** The source language of a survey's table text: the profile's first language when it is pt or en. */
export const sourceLangOf = (first: string | undefined): SourceLang => (first === 'en' ? 'en' : 'pt');

type Statistic = TablePlan['statistic'];
type Unit = TablePlan['unit'];

export interface TableWords {
  sheets: { index: string; data: string; issues: string };
  /** The index sheet's heading. */
  tables: string;
  /** The index's line for the data sheet. */
  dataSheet: string;
  /** The issues sheet's header: table, field, message. */
  issueHeads: [string, string, string];
  columns: string;
  universe: string;
  /** What a table estimates, under its title. */
  statistic: Record<Statistic, string>;
  /** What a table counts, under its title. */
  unit: Record<Unit, string>;
  /** The columns of a cross-tab's column group: estimate, CI lower, CI upper, base, note. */
  group: [string, string, string, string, string];
  total: string;
  /** The row header of a number's cross-tab (a mean by a domain). */
  rowStatistic: Record<Statistic, string>;
  /** The statistics as the interval note lists them (plural). */
  ciStatistics: Record<Statistic, string>;
  ciMethod: Record<CiMethod, string>;
  and: string;
  for: string;
  /** "95% CI" */
  ciLevel: (pct: string) => string;
  /** The table's own interval line (intervals.ts ciText, English) in the language. */
  ciLine: { designDf: string; overall: string; dfPerDomain: string };
  legend: (cv: number, minN: number) => string;
  controlNote: (unit: string, names: string) => string;
  proxyUnit: Record<Unit, string>;
  proxyNote: (pct: string, unit: string) => string;
  stratum: string;
  source: { release: (name: string, date: string, run: number) => string; run: (run: number) => string };
}

const pt: TableWords = {
  sheets: { index: 'Índice', data: 'Dados', issues: 'Problemas' },
  tables: 'Quadros',
  dataSheet: 'Todas as células em formato longo (uma linha por célula, as colunas do CSV)',
  issueHeads: ['Quadro', 'Campo', 'Mensagem'],
  columns: 'Colunas',
  universe: 'Universo',
  statistic: {
    proportion: 'proporção',
    multiple: 'proporção que cita cada opção (resposta múltipla; não soma 100%)',
    mean: 'média',
    total: 'total',
    median: 'mediana',
  },
  unit: {
    household: 'agregados',
    roster: 'pessoas (lista)',
    individual: 'inquiridos individuais',
    member: 'membros do agregado (peso do agregado)',
  },
  group: ['Estimativa', 'IC inferior', 'IC superior', 'Base (n)', 'Nota'],
  total: 'Total',
  rowStatistic: {
    proportion: 'Proporção',
    multiple: 'Proporção que cita',
    mean: 'Média',
    total: 'Total',
    median: 'Mediana',
  },
  ciStatistics: {
    proportion: 'proporções',
    multiple: 'respostas múltiplas',
    mean: 'médias',
    total: 'totais',
    median: 'medianas',
  },
  ciMethod: {
    logit: 'logit (svyciprop, t nos graus de liberdade do plano)',
    wald: 'Wald (t nos graus de liberdade do plano)',
    woodruff: 'Woodruff',
    'clopper-pearson': 'Clopper-Pearson unilateral (proporção 0 ou 1)',
  },
  and: ' e ',
  for: 'para',
  ciLevel: (pct) => `IC ${pct}`,
  ciLine: {
    designDf: 't nos graus de liberdade do plano de cada domínio',
    overall: 'no total',
    dfPerDomain: 'graus de liberdade por domínio',
  },
  legend: (cv, minN) =>
    `* CV acima de ${cv}%: estimativa pouco precisa, usar com cautela. x menos de ${minN} respondentes na própria célula: célula suprimida. - nenhum respondente na amostra: sem estimativa. c reproduz um total de controlo da calibração (sem erro amostral): não é uma estimativa, sem CV nem IC.`,
  controlNote: (unit, names) =>
    `c: células que reproduzem as margens de calibração dos pesos (${unit}: ${names}); são totais de controlo, não estimativas.`,
  proxyUnit: {
    household: 'agregados',
    roster: 'pessoas',
    individual: 'inquiridos individuais',
    member: 'membros do agregado',
  },
  proxyNote: (pct, unit) =>
    `Entrevistas por procuração excluídas (o módulo não é perguntado a procuradores): ${pct}% dos ${unit} do universo, ponderados; os pesos não as compensam, as estimativas descrevem quem respondeu por si.`,
  stratum: 'Estrato',
  source: {
    release: (name, date, run) => `Versão publicada "${name}" de ${date} (ponderação n.º ${run})`,
    run: (run) => `Ponderação n.º ${run}, não publicada`,
  },
};

const en: TableWords = {
  sheets: { index: 'Index', data: 'Data', issues: 'Issues' },
  tables: 'Tables',
  dataSheet: 'Every cell in long format (one row per cell, the CSV columns)',
  issueHeads: ['Table', 'Field', 'Message'],
  columns: 'Columns',
  universe: 'Universe',
  statistic: {
    proportion: 'proportion',
    multiple: 'share citing each option (multiple response; does not sum to 100%)',
    mean: 'mean',
    total: 'total',
    median: 'median',
  },
  unit: {
    household: 'households',
    roster: 'persons (roster)',
    individual: 'individual respondents',
    member: 'household members (household weight)',
  },
  group: ['Estimate', 'CI lower', 'CI upper', 'Base (n)', 'Note'],
  total: 'Total',
  rowStatistic: {
    proportion: 'Proportion',
    multiple: 'Share citing',
    mean: 'Mean',
    total: 'Total',
    median: 'Median',
  },
  ciStatistics: {
    proportion: 'proportions',
    multiple: 'multiple responses',
    mean: 'means',
    total: 'totals',
    median: 'medians',
  },
  ciMethod: {
    logit: 'logit (svyciprop, t on the design degrees of freedom)',
    wald: 'Wald (t on the design degrees of freedom)',
    woodruff: 'Woodruff',
    'clopper-pearson': 'one-sided Clopper-Pearson (a share of 0 or 1)',
  },
  and: ' and ',
  for: 'for',
  ciLevel: (pct) => `${pct} CI`,
  ciLine: { designDf: "t on each domain's design df", overall: 'overall', dfPerDomain: 'df per domain' },
  legend: (cv, minN) =>
    `* CV above ${cv}%: imprecise estimate, use with caution. x fewer than ${minN} respondents in the cell itself: cell suppressed. - no respondent in the sample: no estimate. c reproduces a calibration control (no sampling error): not an estimate, no CV or CI.`,
  controlNote: (unit, names) =>
    `c: cells that reproduce the margins the weights were calibrated to (${unit}: ${names}); they are control totals, not estimates.`,
  proxyUnit: {
    household: 'households',
    roster: 'persons',
    individual: 'individual respondents',
    member: 'household members',
  },
  proxyNote: (pct, unit) =>
    `Proxy interviews excluded (the module is not asked of proxies): ${pct}% of the weighted ${unit} of the universe; the weights do not adjust for them, the estimates describe those who answered themselves.`,
  stratum: 'Stratum',
  source: {
    release: (name, date, run) => `Release "${name}" of ${date} (weighting run ${run})`,
    run: (run) => `Weighting run ${run}, not published`,
  },
};

const fr: TableWords = {
  sheets: { index: 'Sommaire', data: 'Données', issues: 'Problèmes' },
  tables: 'Tableaux',
  dataSheet: 'Toutes les cellules au format long (une ligne par cellule, les colonnes du CSV)',
  issueHeads: ['Tableau', 'Champ', 'Message'],
  columns: 'Colonnes',
  universe: 'Univers',
  statistic: {
    proportion: 'proportion',
    multiple: 'part citant chaque option (réponses multiples ; la somme ne fait pas 100 %)',
    mean: 'moyenne',
    total: 'total',
    median: 'médiane',
  },
  unit: {
    household: 'ménages',
    roster: 'personnes (liste)',
    individual: 'répondants individuels',
    member: 'membres du ménage (poids du ménage)',
  },
  group: ['Estimation', 'IC inférieur', 'IC supérieur', 'Base (n)', 'Remarque'],
  total: 'Ensemble',
  rowStatistic: {
    proportion: 'Proportion',
    multiple: 'Part citant',
    mean: 'Moyenne',
    total: 'Total',
    median: 'Médiane',
  },
  ciStatistics: {
    proportion: 'les proportions',
    multiple: 'les réponses multiples',
    mean: 'les moyennes',
    total: 'les totaux',
    median: 'les médianes',
  },
  ciMethod: {
    logit: 'logit (svyciprop, t aux degrés de liberté du plan)',
    wald: 'Wald (t aux degrés de liberté du plan)',
    woodruff: 'Woodruff',
    'clopper-pearson': 'Clopper-Pearson unilatéral (proportion de 0 ou 1)',
  },
  and: ' et ',
  for: 'pour',
  ciLevel: (pct) => `IC à ${pct}`,
  ciLine: {
    designDf: 't aux degrés de liberté du plan de chaque domaine',
    overall: "pour l'ensemble",
    dfPerDomain: 'degrés de liberté par domaine',
  },
  legend: (cv, minN) =>
    `* CV supérieur à ${cv} % : estimation peu précise, à utiliser avec prudence. x moins de ${minN} répondants dans la cellule elle-même : cellule masquée. - aucun répondant dans l'échantillon : pas d'estimation. c reproduit un total de contrôle du calage (sans erreur d'échantillonnage) : ce n'est pas une estimation, ni CV ni IC.`,
  controlNote: (unit, names) =>
    `c : cellules qui reproduisent les marges de calage des poids (${unit} : ${names}) ; ce sont des totaux de contrôle, pas des estimations.`,
  proxyUnit: {
    household: 'ménages',
    roster: 'personnes',
    individual: 'répondants individuels',
    member: 'membres du ménage',
  },
  proxyNote: (pct, unit) =>
    `Entretiens par personne interposée exclus (le module n'est pas posé aux répondants par procuration) : ${pct} % des ${unit} de l'univers, pondérés ; les poids ne les compensent pas, les estimations décrivent ceux qui ont répondu eux-mêmes.`,
  stratum: 'Strate',
  source: {
    release: (name, date, run) => `Version publiée « ${name} » du ${date} (pondération n° ${run})`,
    run: (run) => `Pondération n° ${run}, non publiée`,
  },
};

const kea: TableWords = {
  sheets: { index: 'Índisi', data: 'Dadus', issues: 'Prubléma' },
  tables: 'Kuadrus',
  dataSheet: 'Tudu séla na formatu kumpridu (un linha pa kada séla, kolunas di CSV)',
  issueHeads: ['Kuadru', 'Kampu', 'Mensaji'],
  columns: 'Kolunas',
  universe: 'Univérsu',
  statistic: {
    proportion: 'proporson',
    multiple: 'proporson ki ta sita kada opson (resposta múltiplu; ka ta soma 100%)',
    mean: 'média',
    total: 'total',
    median: 'mediana',
  },
  unit: {
    household: 'agregadus',
    roster: 'pesoas (lista di agregadu)',
    individual: 'entrevistadus individual',
    member: 'membrus di agregadu (pezu di agregadu)',
  },
  group: ['Stimativa', 'IC di baxu', 'IC di riba', 'Bazi (n)', 'Nota'],
  total: 'Tudu',
  rowStatistic: {
    proportion: 'Proporson',
    multiple: 'Proporson ki ta sita',
    mean: 'Média',
    total: 'Total',
    median: 'Mediana',
  },
  ciStatistics: {
    proportion: 'proporsons',
    multiple: 'respostas múltiplu',
    mean: 'médias',
    total: 'totais',
    median: 'medianas',
  },
  ciMethod: {
    logit: 'logit (svyciprop, t na graus di liberdadi di planu)',
    wald: 'Wald (t na graus di liberdadi di planu)',
    woodruff: 'Woodruff',
    'clopper-pearson': 'Clopper-Pearson di un ladu só (proporson 0 o 1)',
  },
  and: ' i ',
  for: 'pa',
  ciLevel: (pct) => `IC ${pct}`,
  ciLine: {
    designDf: 't na graus di liberdadi di planu di kada dumíniu',
    overall: 'na tudu',
    dfPerDomain: 'graus di liberdadi pa dumíniu',
  },
  legend: (cv, minN) =>
    `* CV riba di ${cv}%: stimativa ku poku prisizon, uza ku kuidadu. x ménus di ${minN} ki responde na própi séla: séla sukundidu. - ninhun ki responde na amostra: sen stimativa. c ta ripruduzi un total di kontrolu di kalibrason (sen eru di amostra): ka é stimativa, sen CV nen IC.`,
  controlNote: (unit, names) =>
    `c: sélas ki ta ripruduzi marjens di kalibrason di pezus (${unit}: ${names}); es é totais di kontrolu, ka é stimativas.`,
  proxyUnit: {
    household: 'agregadus',
    roster: 'pesoas',
    individual: 'entrevistadus individual',
    member: 'membrus di agregadu',
  },
  proxyNote: (pct, unit) =>
    `Entrevistas pa prokuradór tiradu (módulu ka ta purgunta a prokuradóris): ${pct}% di ${unit} di univérsu, ponderadu; pezus ka ta konpensa-s, stimativas ta diskrebe kenha ki responde pa si kabésa.`,
  stratum: 'Stratu',
  source: {
    release: (name, date, run) => `Versan publikadu "${name}" di ${date} (ponderason nº ${run})`,
    run: (run) => `Ponderason nº ${run}, ka publikadu`,
  },
};

export const TABLE_WORDS: Record<TableLang, TableWords> = { pt, en, fr, kea };

/** A text the engine writes, in every language: `each((w) => w.stratum)`. */
export function each(word: (w: TableWords, lang: TableLang) => string): Record<TableLang, string> {
  return { pt: word(pt, 'pt'), en: word(en, 'en'), fr: word(fr, 'fr'), kea: word(kea, 'kea') };
}
