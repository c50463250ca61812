/**
 * The engine's one catalogue of the warnings it sends with a table or a model about its design and
 * estimates, in pt, en, fr and kea, by their code (tables/estimate-warnings.ts for a table's,
 * variance/variance-warnings.ts for the variance functions' that tables and models share): the
 * table JSON (route and `npm run tables`) words them in the request's language, and
 * model-words.ts takes the variance ones from here. An unknown engine warning (`other`) keeps its
 * English sentence after a lead-in. The French and Kriolu (ALUPEC, Santiago variant, in the words
 * of client/analyst/messages-kea.ts) were written by the project: `draft`, awaiting a native
 * speaker's review (WARNING_WORDS_STATUS).
 */
import type { VarianceWarningCode } from '../variance/variance-warnings.ts';
import type { TableWarning, TableWarningCode } from './estimate-warnings.ts';
import { ENGINE_WORDS_STATUS, type TableLang } from './table-words.ts';

/** A warning's sentence given its detail (a count, a stratum, the English sentence of `other`). */
export type WarningWords = Record<TableWarningCode, (detail: string) => string>;

const pt: WarningWords = {
  logit_unbounded: (d) =>
    `${d} célula(s) em que uma réplica tem uma proporção de 0 ou 1: a variância logit é infinita e o intervalo é [0, 1] (o svyciprop do R dá quase o mesmo).`,
  one_sided: (d) =>
    `${d} célula(s) com uma proporção de exatamente 0 ou 1: o intervalo é o limite unilateral de Clopper-Pearson (o svyciprop do R dá NaN).`,
  replicates_discarded: (d) => `${d} réplicas deram resultados em falta e foram descartadas.`,
  lonely_psu: (d) => `O estrato ${d} tem só uma UPA.`,
  other: (d) => `Aviso do motor de cálculo (em inglês): ${d}`,
};

const en: WarningWords = {
  logit_unbounded: (d) =>
    `${d} cell(s) where a replicate has a share of 0 or 1: the logit variance is infinite and the interval is [0, 1] (R's svyciprop gives about the same).`,
  one_sided: (d) =>
    `${d} cell(s) with a share of exactly 0 or 1: the interval is the one-sided Clopper-Pearson bound (R's svyciprop gives NaN there).`,
  replicates_discarded: (d) => `${d} replicates gave missing results and were discarded.`,
  lonely_psu: (d) => `Stratum ${d} has only one PSU.`,
  other: (d) => `Engine warning: ${d}`,
};

const fr: WarningWords = {
  logit_unbounded: (d) =>
    `${d} cellule(s) où un réplicat a une proportion de 0 ou 1 : la variance logit est infinie et l'intervalle est [0, 1] (svyciprop de R donne à peu près le même).`,
  one_sided: (d) =>
    `${d} cellule(s) dont la proportion vaut exactement 0 ou 1 : l'intervalle est la borne unilatérale de Clopper-Pearson (svyciprop de R donne NaN).`,
  replicates_discarded: (d) => `${d} réplicats ont donné des résultats manquants et ont été écartés.`,
  lonely_psu: (d) => `La strate ${d} n'a qu'une seule UPE.`,
  other: (d) => `Avertissement du moteur de calcul (en anglais) : ${d}`,
};

const kea: WarningWords = {
  logit_unbounded: (d) =>
    `${d} sélula undi un réplika ten un proporson di 0 o 1: variánsia logit é infinitu i intervalu é [0, 1] (svyciprop di R ta da kuazi mésmu).`,
  one_sided: (d) =>
    `${d} sélula ku un proporson di izatamenti 0 o 1: intervalu é limiti unilateral di Clopper-Pearson (svyciprop di R ta da NaN).`,
  replicates_discarded: (d) => `${d} réplika da rezultadu ki falta i es foi diskartadu.`,
  lonely_psu: (d) => `Stratu ${d} ten só un UPA.`,
  other: (d) => `Avizu di mutor di kálkulu (na inglês): ${d}`,
};

export const WARNING_WORDS: Record<TableLang, WarningWords> = { pt, en, fr, kea };

/** The variance functions' warnings in a language, for the model's catalogue (model-words.ts). */
export const varianceWords = (lang: TableLang): Record<VarianceWarningCode, (detail: string) => string> => {
  const { replicates_discarded, lonely_psu, other } = WARNING_WORDS[lang];
  return { replicates_discarded, lonely_psu, other };
};

/** A table warning's sentence in a language. */
export const warningText = (w: TableWarning, lang: TableLang): string =>
  WARNING_WORDS[lang][w.code](w.detail);

/** The review status of each language's words: the project wrote the French and the Kriolu. */
export const WARNING_WORDS_STATUS = ENGINE_WORDS_STATUS;
