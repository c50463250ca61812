/**
 * Why the last weighting run failed, in the staff's language (Portuguese, English, French, Kriolu, the
 * language chosen in the app's header): one sentence per failure code of the one error catalogue
 * (server/problems.ts, WEIGHTING_FAILURES), followed by the pipeline's own words, which name the cell,
 * margin, EA or file: in the same language when the error carries its structured detail
 * (analysis/weighting/failure-text.ts), else as the pipeline wrote them (`details`, English). The Kriolu
 * is a first version, to be reviewed by a native speaker of the team.
 */
import {
  detailText,
  isWeightingDetail,
  type RunError,
  type WeightingFailure,
} from '../../server/contract/weighting.ts';
import { EA_TERM } from '../ea-term.ts';
import type { TabletLanguage } from '../i18n.ts';

type Texts = { intro: string } & Record<WeightingFailure, string>;

const en: Texts = {
  intro: 'The last weighting failed.',
  'weighting.failed': 'Something went wrong on the server; try again, or tell the admin.',
  'weighting.interrupted': 'The server restarted while it ran: start it again.',
  'weighting.stopped': 'It was stopped because the server was shutting down: start it again.',
  'weighting.replicates':
    'A thread computing the replicate weights stopped: start it again, and tell the admin if it happens again.',
  'weighting.input': "The approved interviews or the survey's sample do not fit the weighting: correct them.",
  'weighting.recipe': "The survey's weighting recipe (weighting.json) is not valid: correct it.",
  'weighting.margin': 'A population total or margin of the calibration does not fit the interviews.',
  'weighting.listing': `The listing of an enumeration area (${EA_TERM.en}) is missing or does not fit its interviews.`,
  'weighting.cell': 'A unit falls in a weighting class the recipe does not define.',
  'weighting.empty_cell':
    'A weighting class has no responding household: collapse it with another class in the recipe.',
  'weighting.no_convergence':
    'The calibration did not converge within its bounds: widen the bounds or collapse the categories named below.',
};

const pt: Texts = {
  intro: 'A última ponderação falhou.',
  'weighting.failed': 'Houve um erro no servidor; tente de novo ou avise o administrador.',
  'weighting.interrupted': 'O servidor reiniciou durante a ponderação: comece-a de novo.',
  'weighting.stopped': 'Foi parada porque o servidor estava a encerrar: comece-a de novo.',
  'weighting.replicates':
    'Um processo que calculava os ponderadores replicados parou: comece de novo e avise o administrador se voltar a acontecer.',
  'weighting.input':
    'As entrevistas aprovadas ou a amostra do inquérito não servem à ponderação: corrija-as.',
  'weighting.recipe': 'A receita de ponderação do inquérito (weighting.json) não é válida: corrija-a.',
  'weighting.margin': 'Um total da população ou margem da calibração não condiz com as entrevistas.',
  'weighting.listing': `A listagem de um ${EA_TERM.pt} falta ou não condiz com as suas entrevistas.`,
  'weighting.cell': 'Uma unidade cai numa classe de ponderação que a receita não define.',
  'weighting.empty_cell':
    'Uma classe de ponderação não tem nenhum agregado respondente: junte-a a outra classe na receita.',
  'weighting.no_convergence':
    'A calibração não convergiu dentro dos limites: alargue os limites ou junte as categorias indicadas abaixo.',
};

const fr: Texts = {
  intro: 'La dernière pondération a échoué.',
  'weighting.failed': "Une erreur s'est produite sur le serveur ; réessayez ou prévenez l'administrateur.",
  'weighting.interrupted': 'Le serveur a redémarré pendant le calcul : relancez-le.',
  'weighting.stopped': "Elle a été arrêtée parce que le serveur s'éteignait : relancez-la.",
  'weighting.replicates':
    "Un processus qui calculait les poids répliqués s'est arrêté : relancez et prévenez l'administrateur si cela se reproduit.",
  'weighting.input':
    "Les entretiens approuvés ou l'échantillon de l'enquête ne conviennent pas à la pondération : corrigez-les.",
  'weighting.recipe':
    "La recette de pondération de l'enquête (weighting.json) n'est pas valide : corrigez-la.",
  'weighting.margin': 'Un total de population ou une marge du calage ne correspond pas aux entretiens.',
  'weighting.listing': `Le listage d'un ${EA_TERM.fr} manque ou ne correspond pas à ses entretiens.`,
  'weighting.cell': 'Une unité tombe dans une classe de pondération que la recette ne définit pas.',
  'weighting.empty_cell':
    "Une classe de pondération n'a aucun ménage répondant : regroupez-la avec une autre dans la recette.",
  'weighting.no_convergence':
    "Le calage n'a pas convergé dans ses bornes : élargissez les bornes ou regroupez les catégories nommées ci-dessous.",
};

const kea: Texts = {
  intro: 'Últimu ponderason falha.',
  'weighting.failed': 'Ouvi un eru na servidor; tenta otu bes, o aviza administrador.',
  'weighting.interrupted': 'Servidor torna kumesa duranti ponderason: kumesa-l otu bes.',
  'weighting.stopped': 'E para pamodi servidor sa ta fitxa: kumesa-l otu bes.',
  'weighting.replicates':
    'Un prosesu ki sa ta kalkula ponderadoris riplikadu para: kumesa otu bes, i avisa administrador si torna kontise.',
  'weighting.input': 'Entrevistas aprovadu o amostra di inkéritu ka ta serbi pa ponderason: kurigi-s.',
  'weighting.recipe': 'Reseita di ponderason di inkéritu (weighting.json) ka sta dretu: kurigi-l.',
  'weighting.margin': 'Un total di populason o un marjen di kalibrason ka ta bate ku entrevistas.',
  'weighting.listing': `Listajen di un ${EA_TERM.kea} ka ten o ka ta bate ku se entrevistas.`,
  'weighting.cell': 'Un unidadi ta kai na un klasi di ponderason ki reseita ka ta difini.',
  'weighting.empty_cell':
    'Un klasi di ponderason ka ten nenhun agregadu ki responde: djunta-l ku otu klasi na reseita.',
  'weighting.no_convergence':
    'Kalibrason ka konverji dentu di se limitis: larga limitis o djunta kategorias ki sta na baxu.',
};

export const WEIGHTING_FAILURE_TEXT: Record<TabletLanguage, Texts> = { en, pt, fr, kea };

/** The banner's text: the intro, the code's sentence in `lang`, then the pipeline's words. */
export function weightingFailureText(lang: TabletLanguage, error: RunError): string {
  const texts = WEIGHTING_FAILURE_TEXT[lang] ?? en;
  const sentence = texts[error.code] ?? texts['weighting.failed'];
  return `${texts.intro} ${sentence} (${wordsOf(lang, error)})`;
}

/** The pipeline's words in `lang` from the structured detail, else its English words. */
function wordsOf(lang: TabletLanguage, error: RunError): string {
  if (!isWeightingDetail(error.detail)) return error.details;
  try {
    return detailText(WEIGHTING_FAILURE_TEXT[lang] ? lang : 'en', error.detail);
  } catch {
    return error.details;
  }
}
