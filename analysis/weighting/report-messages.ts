/**
 * The sentences and headings of the weighting report in each language the staff screens speak
 * (Portuguese, English, French and Kriolu, as the failures in failure-text.ts): the one home of the
 * report's words. report-document.ts fills them with the report's numbers; numbers are formatted by
 * `num` (a decimal point in English, a decimal comma in the others) and lists of numbers by `list`.
 * R survey's own names (raking, postStratify, GREG, JKn, CV, deff, g) stay as they are in every
 * language. The Kriolu is a first version, to be reviewed by a native speaker of the team.
 */

import type { WeightingErrorCode } from './errors.ts';
import { FAILURE_LANGS, type FailureLang } from './failure-text.ts';

export type ReportLang = FailureLang;
export const REPORT_LANGS: readonly ReportLang[] = FAILURE_LANGS;

/**
 * The languages a survey's report is written in: the survey's languages (its default first) that the
 * report speaks; English alone when it speaks none of them.
 */
export function reportLangsOf(surveyLangs: readonly string[]): ReportLang[] {
  const langs = surveyLangs.filter((l): l is ReportLang => REPORT_LANGS.includes(l as ReportLang));
  return langs.length ? langs : ['en'];
}

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
  /** A small difference in exponent notation (1.2e-9, 1,2e-9). */
  exp: (x: number) => string;
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

const comma = (text: string) => text.replace('.', ',');

const en: ReportMessages = {
  num: fixed,
  exp: (x) => x.toExponential(1),
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
    'weighting.listing': 'the listing of an enumeration area (EA) is missing or does not fit its interviews',
    'weighting.cell': 'a unit falls in a weighting class the recipe does not define',
    'weighting.empty_cell': 'a weighting class has no responding unit in this replicate',
    'weighting.no_convergence': 'the calibration did not converge within its bounds in this replicate',
    unexpected: 'an unexpected error in the weighting',
  },
};

const pt: ReportMessages = {
  num: (x, d) => comma(fixed(x, d)),
  exp: (x) => comma(x.toExponential(1)),
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
    'weighting.listing': 'a listagem de um DR falta ou não condiz com as suas entrevistas',
    'weighting.cell': 'uma unidade cai numa classe de ponderação que a receita não define',
    'weighting.empty_cell': 'uma classe de ponderação não tem nenhuma unidade respondente nesta réplica',
    'weighting.no_convergence': 'a calibração não convergiu dentro dos limites nesta réplica',
    unexpected: 'um erro inesperado na ponderação',
  },
};

const fr: ReportMessages = {
  num: (x, d) => comma(fixed(x, d)),
  exp: (x) => comma(x.toExponential(1)),
  val: (x) => comma(String(x)),
  list: (xs) => xs.join(' ; '),
  title: 'Rapport de pondération',
  titleOf: (survey, notice) => `Rapport de pondération : ${survey}${notice ? ` (${notice})` : ''}`,
  sample: 'Échantillon',
  selected: (u, r, n, i) =>
    `Unités sélectionnées ${u} : ${r} répondantes, ${n} non répondantes, ${i} jugées non éligibles.`,
  persons: (p, e, r, n) =>
    `Personnes des ménages ${p} (${e} dans la population cible) ; entretiens individuels ${r} sur ${n} requis.`,
  steps: 'Poids à chaque étape',
  stepsHead: ['variable', 'n', 'somme', 'min', 'max', 'moyenne', 'CV', 'deff de Kish (1 + CV²)'],
  inheritedRoster: 'w_roster (hérité de w_hh, personnes éligibles)',
  unitCells: 'Classes de non-réponse des unités',
  unitCellsHead: ['classe', 'regroupe', 'répondantes', 'éligibles', 'facteur'],
  personCells: 'Classes de non-réponse des personnes (entretiens individuels)',
  personCellsHead: ['classe', 'regroupe', 'répondantes', 'requis', 'facteur'],
  calibration: 'Calage',
  calibrationHead: [
    'fichier',
    'g min (premier calage)',
    'g max',
    'final / initial min',
    'final / initial max',
    'tours d’écrêtement',
    'poids écrêtés',
    'poids max / plafond',
    'convergé',
  ],
  step: { units: 'unités', roster: 'ménage', individuals: 'individus' },
  method: {
    raking: 'calage sur marges itératif (raking)',
    postStratify: 'post-stratification (postStratify)',
    linear: 'calage linéaire (GREG)',
  },
  yes: 'oui',
  no: 'NON',
  calibrationNote: (step, method, margins, bounds, trim) =>
    `${step} : ${method} sur ${margins}${bounds ? ` ; bornes de g [${bounds}]` : ''}${trim !== null ? ` ; écrêtement à ${trim} x la médiane de la strate, puis nouveau calage` : ''}.`,
  boundsNote: (b) =>
    `${b.step} : les poids finaux valent ${b.min} à ${b.max} fois les poids initiaux, hors des bornes [${b.bounds}] : chacun des ${b.rounds} tours d’écrêtement a coupé les poids au-dessus du plafond et recalé les poids coupés dans les bornes ; les bornes valent donc pour chaque calage, pas pour final / initial.`,
  controls: 'Totaux de contrôle (pondéré moins contrôle)',
  controlsHead: ['marge', 'catégorie', 'contrôle', 'pondéré', 'écart'],
  replicates: 'Poids répliqués',
  jkn: (n) =>
    `JKn, ${n} répliques (une par UP ; les grappes certaines sont des strates dont les unités sont les UP), chaque étape refaite pour chaque réplique.`,
  lonely: (s) => `Strates à une seule UP (sans réplique) : ${s}.`,
  complete: (s) =>
    `Grappes certaines prises en entier (toutes les unités sélectionnées : ni réplique ni variance, comme R avec un FPC égal à 1) : ${s}.`,
  fallback: (u, d) =>
    `Répliques calées sans bornes après l’échec du calage borné : ${u} ; catégories perdues dans une réplique : ${d}.`,
  none: 'aucune',
  failed: (psu, why, words) => `ÉCHEC ${psu} : ${why} (${words})`,
  failure: {
    'weighting.input':
      'les entretiens approuvés ou l’échantillon de l’enquête ne conviennent pas à la pondération',
    'weighting.recipe': 'la recette de pondération de l’enquête n’est pas valide',
    'weighting.margin': 'un total de population ou une marge du calage ne correspond pas à cette réplique',
    'weighting.listing': 'le listage d’un DR manque ou ne correspond pas à ses entretiens',
    'weighting.cell': 'une unité tombe dans une classe de pondération que la recette ne définit pas',
    'weighting.empty_cell': 'une classe de pondération n’a aucune unité répondante dans cette réplique',
    'weighting.no_convergence': 'le calage n’a pas convergé dans ses bornes dans cette réplique',
    unexpected: 'une erreur inattendue dans la pondération',
  },
};

const kea: ReportMessages = {
  num: (x, d) => comma(fixed(x, d)),
  exp: (x) => comma(x.toExponential(1)),
  val: (x) => comma(String(x)),
  list: (xs) => xs.join('; '),
  title: 'Relatóriu di ponderason',
  titleOf: (survey, notice) => `Relatóriu di ponderason: ${survey}${notice ? ` (${notice})` : ''}`,
  sample: 'Amostra',
  selected: (u, r, n, i) =>
    `Unidadis selesionadu ${u}: ${r} ki responde, ${n} ki ka responde, ${i} ki ka sta elejivel.`,
  persons: (p, e, r, n) =>
    `Pesoas na agregadu ${p} (${e} na populason-alvu); entrevistas individual ${r} di ${n} ki presizu.`,
  steps: 'Pezus na kada etapa',
  stepsHead: ['variavel', 'n', 'soma', 'mín', 'máx', 'média', 'CV', 'deff di Kish (1 + CV²)'],
  inheritedRoster: 'w_roster (erdadu di w_hh, pesoas elejivel)',
  unitCells: 'Klasis di ka-resposta di unidadis',
  unitCellsHead: ['klasi', 'djunta', 'ki responde', 'elejivel', 'fator'],
  personCells: 'Klasis di ka-resposta di pesoas (entrevistas individual)',
  personCellsHead: ['klasi', 'djunta', 'ki responde', 'ki presizu', 'fator'],
  calibration: 'Kalibrason',
  calibrationHead: [
    'fixeru',
    'g mín (purmeru kalibrason)',
    'g máx',
    'final / inisial mín',
    'final / inisial máx',
    'rondas di korti',
    'pezus kortadu',
    'pezu máx / limiti',
    'konverji',
  ],
  step: { units: 'unidadis', roster: 'agregadu', individuals: 'individual' },
  method: {
    raking: 'ajustamentu iterativu a marjens (raking)',
    postStratify: 'pós-stratifikason (postStratify)',
    linear: 'kalibrason linear (GREG)',
  },
  yes: 'sin',
  no: 'NON',
  calibrationNote: (step, method, margins, bounds, trim) =>
    `${step}: ${method} pa ${margins}${bounds ? `; limitis di g [${bounds}]` : ''}${trim !== null ? `; korti na ${trim} x mediana di stratu, i dipôs otu kalibrason` : ''}.`,
  boundsNote: (b) =>
    `${b.step}: pezus final ta bale ${b.min} a ${b.max} bes pezus inisial, fora di limitis [${b.bounds}]: kada un di ${b.rounds} rondas di korti korta pezus riba di limiti i torna kalibra pezus kortadu dentu di limitis, entón limitis ta bale pa kada kalibrason, ka pa final / inisial.`,
  controls: 'Totais di kontrolu (ponderadu menus kontrolu)',
  controlsHead: ['marjen', 'kategoria', 'kontrolu', 'ponderadu', 'diferensa'],
  replicates: 'Pezus riplikadu',
  jkn: (n) =>
    `JKn, ${n} réplikas (un pa kada UPA; konglomeradus serta e stratus ku ses unidadis suma UPA), kada etapa fetu otu bes na kada réplika.`,
  lonely: (s) => `Stratus ku un UPA só (sen réplika): ${s}.`,
  complete: (s) =>
    `Konglomeradus serta tomadu interu (tudu unidadis selesionadu: sen réplika i sen varianza, suma R ku FPC igual a 1): ${s}.`,
  fallback: (u, d) =>
    `Réplikas ajustadu sen limitis dipôs ki ajusti ku limitis falha: ${u}; kategorias perdidu na un réplika: ${d}.`,
  none: 'nenhun',
  failed: (psu, why, words) => `FALHA ${psu}: ${why} (${words})`,
  failure: {
    'weighting.input': 'entrevistas aprovadu o amostra di inkéritu ka ta serbi pa ponderason',
    'weighting.recipe': 'reseita di ponderason di inkéritu ka sta dretu',
    'weighting.margin': 'un total di populason o un marjen di kalibrason ka ta bate ku es réplika',
    'weighting.listing': 'listajen di un DR ka ten o ka ta bate ku se entrevistas',
    'weighting.cell': 'un unidadi ta kai na un klasi di ponderason ki reseita ka ta difini',
    'weighting.empty_cell': 'un klasi di ponderason ka ten nenhun unidadi ki responde na es réplika',
    'weighting.no_convergence': 'kalibrason ka konverji dentu di se limitis na es réplika',
    unexpected: 'un eru inesperadu na ponderason',
  },
};

export const REPORT_MESSAGES: Record<ReportLang, ReportMessages> = { pt, en, fr, kea };
