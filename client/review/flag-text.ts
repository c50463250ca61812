/**
 * A flag as a plain sentence in the reviewer's language. The server stores each flag with a stable code
 * and an English message whose numbers it computed; here the code picks a sentence in the screen's
 * language and the numbers are taken from the message in their order. A message whose numbers do not fit
 * gives the sentence without them; an unknown code keeps the server's message. A missing required
 * answer has its sentence too (the server stores survey-core's text in the questionnaire's default
 * language); the questionnaire's own checks keep their text.
 */
import { EA_TERM } from '../ea-term.ts';
import type { TabletLanguage } from '../i18n.ts';

/** The app's four languages: the staff screens speak each of them. */
type Lang = TabletLanguage;

type Sentence = Record<Lang, string> & {
  /** How many numbers the English message carries, in the order the sentence uses them. */
  n: number;
  /** Without the numbers. */
  plain: Record<Lang, string>;
};

const S: Record<string, Sentence> = {
  'quality.short_duration': {
    n: 3,
    en: 'The interview took {0} min, less than {1} of the median ({2} min).',
    pt: 'A entrevista durou {0} min, menos de {1} da mediana ({2} min).',
    fr: "L'entretien a duré {0} min, moins de {1} de la médiane ({2} min).",
    kea: 'Entrevista dura {0} min, ménus di {1} di mediana ({2} min).',
    plain: {
      en: 'The interview was much shorter than usual.',
      pt: 'A entrevista foi muito mais curta do que é habitual.',
      fr: "L'entretien a été beaucoup plus court que d'habitude.",
      kea: 'Entrevista sai más kurtu di ki kustumadu.',
    },
  },
  'quality.short_module': {
    n: 3,
    en: 'This section took {0} s, less than {1} of its median ({2} s).',
    pt: 'Esta secção levou {0} s, menos de {1} da sua mediana ({2} s).',
    fr: 'Cette section a pris {0} s, moins de {1} de sa médiane ({2} s).',
    kea: 'Es sekson leba {0} s, ménus di {1} di se mediana ({2} s).',
    plain: {
      en: 'This section was much shorter than usual.',
      pt: 'Esta secção foi muito mais curta do que é habitual.',
      fr: "Cette section a été beaucoup plus courte que d'habitude.",
      kea: 'Es sekson sai más kurtu di ki kustumadu.',
    },
  },
  'quality.gps_missing': {
    n: 0,
    en: `No GPS position was recorded: the visit cannot be placed in its ${EA_TERM.en}.`,
    pt: `Não foi registada posição GPS: a visita não pode ser situada no seu ${EA_TERM.pt}.`,
    fr: `Aucune position GPS n'a été enregistrée : la visite ne peut pas être placée dans son ${EA_TERM.fr}.`,
    kea: `Ka fika rejistadu pozison GPS: ka ta da pa poi vizita na se ${EA_TERM.kea}.`,
    plain: {
      en: 'No GPS position was recorded.',
      pt: 'Não foi registada posição GPS.',
      fr: "Aucune position GPS n'a été enregistrée.",
      kea: 'Ka fika rejistadu pozison GPS.',
    },
  },
  'quality.gps_far': {
    n: 2,
    en: `The GPS position is {0} km from the centre of the ${EA_TERM.en} (more than {1} km): was the interview done in the ${EA_TERM.en}?`,
    pt: `A posição GPS está a {0} km do centro do ${EA_TERM.pt} (mais de {1} km): a entrevista foi feita no ${EA_TERM.pt}?`,
    fr: `La position GPS est à {0} km du centre du ${EA_TERM.fr} (plus de {1} km) : l'entretien a-t-il eu lieu dans le ${EA_TERM.fr} ?`,
    kea: `Pozison GPS sta a {0} km di sentru di ${EA_TERM.kea} (más di {1} km): entrevista fazedu na ${EA_TERM.kea}?`,
    plain: {
      en: `The GPS position is far from the ${EA_TERM.en}.`,
      pt: `A posição GPS está longe do ${EA_TERM.pt}.`,
      fr: `La position GPS est loin du ${EA_TERM.fr}.`,
      kea: `Pozison GPS sta lonji di ${EA_TERM.kea}.`,
    },
  },
  'quality.odd_hours': {
    n: 3,
    en: 'The interview started at {0}, outside {1} to {2}.',
    pt: 'A entrevista começou às {0}, fora do horário das {1} às {2}.',
    fr: "L'entretien a commencé à {0}, en dehors de {1} à {2}.",
    kea: 'Entrevista kumesa {0}, fora di {1} pa {2}.',
    plain: {
      en: 'The interview started at an unusual hour.',
      pt: 'A entrevista começou a uma hora invulgar.',
      fr: "L'entretien a commencé à une heure inhabituelle.",
      kea: 'Entrevista kumesa na un ora ki ka kustumadu.',
    },
  },
  'quality.clock_order': {
    n: 0,
    en: "The times recorded are out of order: the device's clock was changed.",
    pt: 'As horas registadas estão fora de ordem: o relógio do aparelho foi alterado.',
    fr: "Les heures enregistrées sont dans le désordre : l'horloge de l'appareil a été changée.",
    kea: 'Oras rejistadu sta fora di orden: reloju di aparelhu fika mudadu.',
    plain: {
      en: "The device's clock was changed.",
      pt: 'O relógio do aparelho foi alterado.',
      fr: "L'horloge de l'appareil a été changée.",
      kea: 'Reloju di aparelhu fika mudadu.',
    },
  },
  'quality.clock_ahead': {
    n: 1,
    en: "The device's times are {0} min after the server received the interview: its clock is wrong.",
    pt: 'As horas do aparelho estão {0} min depois da receção no servidor: o relógio está errado.',
    fr: "Les heures de l'appareil sont {0} min après la réception par le serveur : son horloge est fausse.",
    kea: 'Oras di aparelhu sta {0} min dipôs di servidor resebe entrevista: se reloju sta eradu.',
    plain: {
      en: "The device's clock is wrong.",
      pt: 'O relógio do aparelho está errado.',
      fr: "L'horloge de l'appareil est fausse.",
      kea: 'Reloju di aparelhu sta eradu.',
    },
  },
  'quality.near_duplicate': {
    n: 2,
    en: '{0} of the {1} answers are identical to another interview: check that both households were really interviewed.',
    pt: '{0} das {1} respostas são iguais às de outra entrevista: confirme que os dois agregados foram mesmo entrevistados.',
    fr: "{0} des {1} réponses sont identiques à celles d'un autre entretien : vérifiez que les deux ménages ont vraiment été interrogés.",
    kea: '{0} di {1} respostas é igual a di otu entrevista: konfirma ma es dos agregadu fika entrevistadu di verdadi.',
    plain: {
      en: 'The answers are nearly identical to another interview.',
      pt: 'As respostas são quase iguais às de outra entrevista.',
      fr: "Les réponses sont presque identiques à celles d'un autre entretien.",
      kea: 'Respostas é kuazi igual a di otu entrevista.',
    },
  },
  'quality.size_vs_listing': {
    n: 3,
    en: 'The roster lists {0} members; the listing recorded {1} for this household (more than {2} apart): check that the right household was interviewed and that no member was left out or added.',
    pt: 'A lista de membros tem {0} pessoas; a listagem registou {1} para este agregado (diferença maior que {2}): confirme que foi entrevistado o agregado certo e que nenhum membro foi esquecido ou acrescentado.',
    fr: "La liste des membres compte {0} personnes ; le dénombrement en a noté {1} pour ce ménage (écart de plus de {2}) : vérifiez que c'est le bon ménage et qu'aucun membre n'a été oublié ou ajouté.",
    kea: 'Lista di menbrus ten {0} pesoa; listajen rejista {1} pa es agregadu (diferensa más di {2}): konfirma ma é agregadu sertu ki fika entrevistadu i ma ninhun menbru ka fika skesedu o más.',
    plain: {
      en: 'The roster and the listing give different household sizes.',
      pt: 'A lista de membros e a listagem dão tamanhos diferentes do agregado.',
      fr: 'La liste des membres et le dénombrement donnent des tailles de ménage différentes.',
      kea: 'Lista di menbrus ku listajen ta da tamanhu diferenti di agregadu.',
    },
  },
  'quality.enumerator_dk_rf': {
    n: 3,
    en: "{0} of this enumerator's answers are don't know or refused (others: {1}), over {2} interviews.",
    pt: '{0} das respostas deste inquiridor são "não sabe" ou "recusa" (outros: {1}), em {2} entrevistas.',
    fr: '{0} des réponses de cet enquêteur sont « ne sait pas » ou « refus » (autres : {1}), sur {2} entretiens.',
    kea: '{0} di respostas di es inkiridor é "ka sabi" o "ka kre responde" (otus: {1}), na {2} entrevista.',
    plain: {
      en: "Many don't know or refused answers.",
      pt: 'Muitas respostas "não sabe" ou "recusa".',
      fr: 'Beaucoup de réponses « ne sait pas » ou « refus ».',
      kea: 'Txeu resposta "ka sabi" o "ka kre responde".',
    },
  },
  'quality.enumerator_proxies': {
    n: 2,
    en: '{0} of the persons this enumerator interviewed answered by proxy (others: {1}).',
    pt: '{0} das pessoas entrevistadas por este inquiridor responderam por interposta pessoa (outros: {1}).',
    fr: '{0} des personnes interrogées par cet enquêteur ont répondu par procuration (autres : {1}).',
    kea: '{0} di pesoas ki es inkiridor entrevista responde pa meiu di otu pesoa (otus: {1}).',
    plain: {
      en: 'Many answers by proxy.',
      pt: 'Muitas respostas por interposta pessoa.',
      fr: 'Beaucoup de réponses par procuration.',
      kea: 'Txeu resposta pa meiu di otu pesoa.',
    },
  },
  'quality.enumerator_age_heaping': {
    n: 0,
    en: "Ages recorded by this enumerator heap on multiples of five (Whipple's index).",
    pt: 'As idades registadas por este inquiridor concentram-se nos múltiplos de cinco (índice de Whipple).',
    fr: "Les âges notés par cet enquêteur s'accumulent sur les multiples de cinq (indice de Whipple).",
    kea: 'Idadis ki es inkiridor rejista ta djunta na múltiplus di sinku (índisi di Whipple).',
    plain: {
      en: 'Ages heap on multiples of five.',
      pt: 'Idades concentradas nos múltiplos de cinco.',
      fr: 'Âges accumulés sur les multiples de cinq.',
      kea: 'Idadis djuntadu na múltiplus di sinku.',
    },
  },
  'quality.enumerator_short': {
    n: 2,
    en: "This enumerator's interviews take {0} min at the median, against {1} min for the others.",
    pt: 'As entrevistas deste inquiridor duram {0} min (mediana), contra {1} min nos outros.',
    fr: 'Les entretiens de cet enquêteur durent {0} min en médiane, contre {1} min pour les autres.',
    kea: 'Entrevistas di es inkiridor ta dura {0} min (mediana), kontra {1} min di otus.',
    plain: {
      en: "This enumerator's interviews are short.",
      pt: 'As entrevistas deste inquiridor são curtas.',
      fr: 'Les entretiens de cet enquêteur sont courts.',
      kea: 'Entrevistas di es inkiridor é kurtu.',
    },
  },
  'quality.enumerator_uniform': {
    n: 0,
    en: "This enumerator's interviews all take nearly the same time: real interviews vary.",
    pt: 'As entrevistas deste inquiridor duram quase todas o mesmo tempo: entrevistas reais variam.',
    fr: 'Les entretiens de cet enquêteur durent presque tous le même temps : les vrais entretiens varient.',
    kea: 'Entrevistas di es inkiridor ta dura kuazi tudu mésmu tenpu: entrevistas di verdadi ta varia.',
    plain: {
      en: 'Interview times are too uniform.',
      pt: 'Durações demasiado uniformes.',
      fr: 'Durées trop uniformes.',
      kea: 'Durasons uniformi dimás.',
    },
  },
  'validation.answered-but-hidden': {
    n: 0,
    en: 'An answer was recorded for a question the skip rules hide.',
    pt: 'Há uma resposta a uma pergunta que os saltos escondem.',
    fr: 'Une réponse a été notée pour une question que les sauts masquent.',
    kea: 'Ten un resposta pa un pergunta ki saltus ta skondi.',
    plain: {
      en: 'Answer to a skipped question.',
      pt: 'Resposta a uma pergunta saltada.',
      fr: 'Réponse à une question sautée.',
      kea: 'Resposta pa un pergunta saltadu.',
    },
  },
  'validation.unknown-question': {
    n: 0,
    en: 'The answers contain a key that is not a question of this questionnaire version.',
    pt: 'As respostas têm um campo que não é pergunta desta versão do questionário.',
    fr: "Les réponses contiennent un champ qui n'est pas une question de cette version du questionnaire.",
    kea: 'Respostas ten un kampu ki ka é pergunta di es verson di kestionáriu.',
    plain: {
      en: 'Unknown answer key.',
      pt: 'Campo de resposta desconhecido.',
      fr: 'Champ de réponse inconnu.',
      kea: 'Kampu di resposta diskonhesidu.',
    },
  },
  'validation.choice-not-in-list': {
    n: 0,
    en: "The answer is not one of the question's choices.",
    pt: 'A resposta não é uma das opções da pergunta.',
    fr: "La réponse n'est pas l'un des choix de la question.",
    kea: 'Resposta ka é un di opsons di pergunta.',
    plain: {
      en: 'Answer not in the list.',
      pt: 'Resposta fora da lista.',
      fr: 'Réponse hors de la liste.',
      kea: 'Resposta fora di lista.',
    },
  },
  'validation.required': {
    n: 0,
    en: 'This question must be answered, and it has no answer.',
    pt: 'Esta pergunta é obrigatória e não tem resposta.',
    fr: "Cette question est obligatoire et n'a pas de réponse.",
    kea: 'Es pergunta é obrigatóriu i e ka ten resposta.',
    plain: {
      en: 'A required question is unanswered.',
      pt: 'Pergunta obrigatória sem resposta.',
      fr: 'Question obligatoire sans réponse.',
      kea: 'Pergunta obrigatóriu sen resposta.',
    },
  },
};

/** Numbers as the server writes them (12.5, 40%, 05:12), not the digits inside codes and ids. */
/** Every flag's sentences, by code (for the tests that read every catalogue). */
export const FLAG_SENTENCES: Readonly<Record<string, Sentence>> = S;

const NUMBER = /(?<![\w:.-])\d+(?:[.:]\d+)?%?(?![\w-])/g;

export function flagSentence(flag: { code: string; message: string }, lang: Lang): string {
  const s = S[flag.code];
  if (!s) return flag.message;
  const numbers = flag.message.match(NUMBER) ?? [];
  if (numbers.length < s.n) return s.plain[lang];
  return s[lang].replace(/\{(\d)\}/g, (_, k: string) => numbers[Number(k)] ?? '');
}

/** A flag's kind in words: a validation error, a questionnaire warning, or a quality check. */
export function flagKind(code: string, lang: Lang): string {
  const words = {
    en: { error: 'Error', warning: 'Warning', quality: 'Check' },
    pt: { error: 'Erro', warning: 'Aviso', quality: 'Verificar' },
    fr: { error: 'Erreur', warning: 'Avertissement', quality: 'À vérifier' },
    kea: { error: 'Eru', warning: 'Avizu', quality: 'Verifika' },
  }[lang];
  if (code === 'validation.warning') return words.warning;
  return code.startsWith('validation.') ? words.error : words.quality;
}

/** A flag code in a few words (the queue's flag filter); the code itself when it has none. */
export function flagLabel(code: string, lang: Lang): string {
  return S[code]?.plain[lang] ?? code;
}
