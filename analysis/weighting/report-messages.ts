/**
 * The sentences and headings of the weighting report in each language it is written in (English and
 * Portuguese, the analyst screens' languages): the one home of the report's words. report-document.ts
 * fills them with the report's numbers; numbers are formatted by `num` (a decimal point in English, a
 * decimal comma in Portuguese) and lists of numbers by `list`.
 */

export type ReportLang = 'en' | 'pt';
export const REPORT_LANGS: readonly ReportLang[] = ['en', 'pt'];

import type { WeightingErrorCode } from './errors.ts';
import type { Calibration } from './recipe.ts';

/** The three calibrated files, by their key in the report. */
export type StepName = 'units' | 'roster' | 'individuals';

interface Bounds {
  step: string;
  min: string;
  max: string;
  bounds: string;
  rounds: number;
}

export interface ReportMessages {
  num: (x: number, digits: number) => string;
  /** A number as the recipe wrote it (bounds, trimming factor). */
  val: (x: number) => string;
  list: (xs: readonly (string | number)[]) => string;
  title: string;
  titleOf: (survey: string, notice?: string | null) => string;
  sample: string;
  selected: (units: number, respondents: number, nonrespondents: number, ineligible: number) => string;
  persons: (persons: number, eligible: number, respondents: number, needed: number) => string;
  steps: string;
  stepsHead: string[];
  /** The persons' inherited weight in the steps table. */
  inheritedRoster: string;
  unitCells: string;
  unitCellsHead: string[];
  personCells: string;
  personCellsHead: string[];
  calibration: string;
  calibrationHead: string[];
  step: Record<StepName, string>;
  /** The recipe's calibration method in words, with R survey's name where the words differ from it. */
  method: Record<Calibration['method'], string>;
  yes: string;
  no: string;
  calibrationNote: (
    step: string,
    method: string,
    margins: string,
    bounds: string | null,
    trimFactor: string | null,
  ) => string;
  boundsNote: (b: Bounds) => string;
  controls: string;
  controlsHead: string[];
  replicates: string;
  jkn: (count: number) => string;
  lonely: (strata: string) => string;
  complete: (strata: string) => string;
  fallback: (unbounded: number, dropped: number) => string;
  none: string;
  /** A failed replicate: its PSU, why, then the pipeline's own words, all in the report's language. */
  failed: (psu: string, why: string, words: string) => string;
  /** Why a replicate failed, by the pipeline's error code (errors.ts); `unexpected` for any other error. */
  failure: Record<WeightingErrorCode, string> & { unexpected: string };
}

const fixed = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

const en: ReportMessages = {
  num: fixed,
  val: String,
  list: (xs) => xs.join(', '),
  title: 'Weighting report',
  titleOf: (survey, notice) => `Weighting report: ${survey}${notice ? ` (${notice})` : ''}`,
  sample: 'Sample',
  selected: (u, r, n, i) =>
    `Selected units ${u}: ${r} respondents, ${n} nonrespondents, ${i} found ineligible.`,
  persons: (p, e, r, n) =>
    `Roster persons ${p} (${e} in the target population); individual interviews ${r} of ${n} needed.`,
  steps: 'Weights at each step',
  stepsHead: ['variable', 'n', 'sum', 'min', 'max', 'mean', 'CV', 'Kish deff (1 + CV²)'],
  inheritedRoster: 'w_roster (inherited w_hh, eligible persons)',
  unitCells: 'Unit nonresponse classes',
  unitCellsHead: ['class', 'merged from', 'respondents', 'eligible', 'factor'],
  personCells: 'Person nonresponse classes (individual interviews)',
  personCellsHead: ['class', 'merged from', 'respondents', 'needed', 'factor'],
  calibration: 'Calibration',
  calibrationHead: [
    'file',
    'g min (first calibration)',
    'g max',
    'final / input min',
    'final / input max',
    'trim rounds',
    'weights trimmed',
    'max weight / cap',
    'converged',
  ],
  step: { units: 'units', roster: 'roster', individuals: 'individuals' },
  method: {
    raking: 'raking',
    postStratify: 'post-stratification (postStratify)',
    linear: 'linear calibration (GREG)',
  },
  yes: 'yes',
  no: 'NO',
  calibrationNote: (step, method, margins, bounds, trim) =>
    `${step}: ${method} to ${margins}${bounds ? `; bounds on g [${bounds}]` : ''}${trim !== null ? `; trimming at ${trim} x the stratum median, then recalibrating` : ''}.`,
  boundsNote: (b) =>
    `${b.step}: the final weights are ${b.min} to ${b.max} times their input weights, outside the bounds [${b.bounds}]: each of the ${b.rounds} trimming rounds cut the weights above the cap and recalibrated the cut weights within the bounds, so the bounds hold for each recalibration, not for final / input.`,
  controls: 'Control totals (weighted minus control)',
  controlsHead: ['margin', 'category', 'control', 'weighted', 'difference'],
  replicates: 'Replicate weights',
  jkn: (n) =>
    `JKn, ${n} replicates (one per PSU; certainty clusters are strata with their units as PSUs), every step redone per replicate.`,
  lonely: (s) => `Strata with a single PSU (no replicate): ${s}.`,
  complete: (s) =>
    `Certainty clusters taken in full (every unit selected: no replicate and no variance, as R with an FPC of 1): ${s}.`,
  fallback: (u, d) =>
    `Replicates raked without bounds after the bounded raking failed: ${u}; categories lost in a replicate: ${d}.`,
  none: 'none',
  failed: (psu, why, words) => `FAILED ${psu}: ${why} (${words})`,
  failure: {
    'weighting.input': "the approved interviews or the survey's sample do not fit the weighting",
    'weighting.recipe': "the survey's weighting recipe is not valid",
    'weighting.margin': 'a population total or margin of the calibration does not fit this replicate',
    'weighting.listing': "an enumeration area's listing is missing or does not fit its interviews",
    'weighting.cell': 'a unit falls in a weighting class the recipe does not define',
    'weighting.empty_cell': 'a weighting class has no responding unit in this replicate',
    'weighting.no_convergence': 'the calibration did not converge within its bounds in this replicate',
    unexpected: 'an unexpected error in the weighting',
  },
};

const pt: ReportMessages = {
  num: (x, d) => fixed(x, d).replace('.', ','),
  val: (x) => String(x).replace('.', ','),
  list: (xs) => xs.join('; '),
  title: 'Relatório de ponderação',
  titleOf: (survey, notice) => `Relatório de ponderação: ${survey}${notice ? ` (${notice})` : ''}`,
  sample: 'Amostra',
  selected: (u, r, n, i) =>
    `Unidades selecionadas ${u}: ${r} respondentes, ${n} não respondentes, ${i} consideradas não elegíveis.`,
  persons: (p, e, r, n) =>
    `Pessoas no agregado ${p} (${e} na população-alvo); entrevistas individuais ${r} das ${n} necessárias.`,
  steps: 'Pesos em cada etapa',
  stepsHead: ['variável', 'n', 'soma', 'mín', 'máx', 'média', 'CV', 'deff de Kish (1 + CV²)'],
  inheritedRoster: 'w_roster (herdado de w_hh, pessoas elegíveis)',
  unitCells: 'Classes de não resposta das unidades',
  unitCellsHead: ['classe', 'agrupa', 'respondentes', 'elegíveis', 'fator'],
  personCells: 'Classes de não resposta das pessoas (entrevistas individuais)',
  personCellsHead: ['classe', 'agrupa', 'respondentes', 'necessárias', 'fator'],
  calibration: 'Calibração',
  calibrationHead: [
    'ficheiro',
    'g mín (primeira calibração)',
    'g máx',
    'final / inicial mín',
    'final / inicial máx',
    'rondas de corte',
    'pesos cortados',
    'peso máx / limite',
    'convergiu',
  ],
  step: { units: 'unidades', roster: 'agregado', individuals: 'individuais' },
  method: {
    raking: 'ajustamento iterativo às margens (raking)',
    postStratify: 'pós-estratificação (postStratify)',
    linear: 'calibração linear (GREG)',
  },
  yes: 'sim',
  no: 'NÃO',
  calibrationNote: (step, method, margins, bounds, trim) =>
    `${step}: ${method} para ${margins}${bounds ? `; limites de g [${bounds}]` : ''}${trim !== null ? `; corte a ${trim} x a mediana do estrato, seguido de nova calibração` : ''}.`,
  boundsNote: (b) =>
    `${b.step}: os pesos finais valem ${b.min} a ${b.max} vezes os pesos iniciais, fora dos limites [${b.bounds}]: cada uma das ${b.rounds} rondas de corte cortou os pesos acima do limite e recalibrou os pesos cortados dentro dos limites, pelo que os limites valem para cada calibração, não para final / inicial.`,
  controls: 'Totais de controlo (ponderado menos controlo)',
  controlsHead: ['margem', 'categoria', 'controlo', 'ponderado', 'diferença'],
  replicates: 'Pesos replicados',
  jkn: (n) =>
    `JKn, ${n} réplicas (uma por UPA; os conglomerados certos são estratos com as suas unidades como UPA), cada etapa refeita em cada réplica.`,
  lonely: (s) => `Estratos com uma única UPA (sem réplica): ${s}.`,
  complete: (s) =>
    `Conglomerados certos tomados por inteiro (todas as unidades selecionadas: sem réplica nem variância, como o R com FPC igual a 1): ${s}.`,
  fallback: (u, d) =>
    `Réplicas ajustadas sem limites depois de falhar o ajuste com limites: ${u}; categorias perdidas numa réplica: ${d}.`,
  none: 'nenhum',
  failed: (psu, why, words) => `FALHOU ${psu}: ${why} (${words})`,
  failure: {
    'weighting.input': 'as entrevistas aprovadas ou a amostra do inquérito não servem à ponderação',
    'weighting.recipe': 'a receita de ponderação do inquérito não é válida',
    'weighting.margin': 'um total da população ou margem da calibração não condiz com esta réplica',
    'weighting.listing': 'a listagem de uma área de enumeração falta ou não condiz com as suas entrevistas',
    'weighting.cell': 'uma unidade cai numa classe de ponderação que a receita não define',
    'weighting.empty_cell': 'uma classe de ponderação não tem nenhuma unidade respondente nesta réplica',
    'weighting.no_convergence': 'a calibração não convergiu dentro dos limites nesta réplica',
    unexpected: 'um erro inesperado na ponderação',
  },
};

export const REPORT_MESSAGES: Record<ReportLang, ReportMessages> = { en, pt };
