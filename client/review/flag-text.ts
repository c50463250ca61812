/**
 * A flag as a plain sentence in the reviewer's language. The server stores each flag with a stable code
 * and an English message whose numbers it computed; here the code picks a sentence in the screen's
 * language and the numbers are taken from the message in their order. A message whose numbers do not fit
 * gives the sentence without them; an unknown code keeps the server's message. Validation errors keep
 * the questionnaire's own text (it is already in the questionnaire's language).
 */
import type { AppLanguage } from '../i18n.ts';

interface Sentence {
  /** How many numbers the English message carries, in the order the sentence uses them. */
  n: number;
  en: string;
  pt: string;
  /** Without the numbers. */
  plain: { en: string; pt: string };
}

const S: Record<string, Sentence> = {
  'quality.short_duration': {
    n: 3,
    en: 'The interview took {0} min, less than {1} of the median ({2} min).',
    pt: 'A entrevista durou {0} min, menos de {1} da mediana ({2} min).',
    plain: {
      en: 'The interview was much shorter than usual.',
      pt: 'A entrevista foi muito mais curta do que é habitual.',
    },
  },
  'quality.short_module': {
    n: 3,
    en: 'This section took {0} s, less than {1} of its median ({2} s).',
    pt: 'Esta secção levou {0} s, menos de {1} da sua mediana ({2} s).',
    plain: {
      en: 'This section was much shorter than usual.',
      pt: 'Esta secção foi muito mais curta do que é habitual.',
    },
  },
  'quality.gps_missing': {
    n: 0,
    en: 'No GPS position was recorded: the visit cannot be placed in its EA.',
    pt: 'Não foi registada posição GPS: a visita não pode ser situada na sua ZR.',
    plain: { en: 'No GPS position was recorded.', pt: 'Não foi registada posição GPS.' },
  },
  'quality.gps_far': {
    n: 2,
    en: 'The GPS position is {0} km from the centre of the EA (more than {1} km): was the interview done in the EA?',
    pt: 'A posição GPS está a {0} km do centro da ZR (mais de {1} km): a entrevista foi feita na ZR?',
    plain: { en: 'The GPS position is far from the EA.', pt: 'A posição GPS está longe da ZR.' },
  },
  'quality.odd_hours': {
    n: 3,
    en: 'The interview started at {0}, outside {1} to {2}.',
    pt: 'A entrevista começou às {0}, fora do horário das {1} às {2}.',
    plain: {
      en: 'The interview started at an unusual hour.',
      pt: 'A entrevista começou a uma hora invulgar.',
    },
  },
  'quality.clock_order': {
    n: 0,
    en: "The times recorded are out of order: the device's clock was changed.",
    pt: 'As horas registadas estão fora de ordem: o relógio do aparelho foi alterado.',
    plain: { en: "The device's clock was changed.", pt: 'O relógio do aparelho foi alterado.' },
  },
  'quality.clock_ahead': {
    n: 1,
    en: "The device's times are {0} min after the server received the interview: its clock is wrong.",
    pt: 'As horas do aparelho estão {0} min depois da receção no servidor: o relógio está errado.',
    plain: { en: "The device's clock is wrong.", pt: 'O relógio do aparelho está errado.' },
  },
  'quality.near_duplicate': {
    n: 2,
    en: '{0} of the {1} answers are identical to another interview: check that both households were really interviewed.',
    pt: '{0} das {1} respostas são iguais às de outra entrevista: confirme que os dois agregados foram mesmo entrevistados.',
    plain: {
      en: 'The answers are nearly identical to another interview.',
      pt: 'As respostas são quase iguais às de outra entrevista.',
    },
  },
  'quality.enumerator_dk_rf': {
    n: 3,
    en: "{0} of this enumerator's answers are don't know or refused (others: {1}), over {2} interviews.",
    pt: '{0} das respostas deste inquiridor são "não sabe" ou "recusa" (outros: {1}), em {2} entrevistas.',
    plain: { en: "Many don't know or refused answers.", pt: 'Muitas respostas "não sabe" ou "recusa".' },
  },
  'quality.enumerator_proxies': {
    n: 2,
    en: '{0} of the persons this enumerator interviewed answered by proxy (others: {1}).',
    pt: '{0} das pessoas entrevistadas por este inquiridor responderam por interposta pessoa (outros: {1}).',
    plain: { en: 'Many answers by proxy.', pt: 'Muitas respostas por interposta pessoa.' },
  },
  'quality.enumerator_age_heaping': {
    n: 0,
    en: "Ages recorded by this enumerator heap on multiples of five (Whipple's index).",
    pt: 'As idades registadas por este inquiridor concentram-se nos múltiplos de cinco (índice de Whipple).',
    plain: { en: 'Ages heap on multiples of five.', pt: 'Idades concentradas nos múltiplos de cinco.' },
  },
  'quality.enumerator_short': {
    n: 2,
    en: "This enumerator's interviews take {0} min at the median, against {1} min for the others.",
    pt: 'As entrevistas deste inquiridor duram {0} min (mediana), contra {1} min nos outros.',
    plain: {
      en: "This enumerator's interviews are short.",
      pt: 'As entrevistas deste inquiridor são curtas.',
    },
  },
  'quality.enumerator_uniform': {
    n: 0,
    en: "This enumerator's interviews all take nearly the same time: real interviews vary.",
    pt: 'As entrevistas deste inquiridor duram quase todas o mesmo tempo: entrevistas reais variam.',
    plain: { en: 'Interview times are too uniform.', pt: 'Durações demasiado uniformes.' },
  },
  'validation.answered-but-hidden': {
    n: 0,
    en: 'An answer was recorded for a question the skip rules hide.',
    pt: 'Há uma resposta a uma pergunta que os saltos escondem.',
    plain: { en: 'Answer to a skipped question.', pt: 'Resposta a uma pergunta saltada.' },
  },
  'validation.unknown-question': {
    n: 0,
    en: 'The answers contain a key that is not a question of this questionnaire version.',
    pt: 'As respostas têm um campo que não é pergunta desta versão do questionário.',
    plain: { en: 'Unknown answer key.', pt: 'Campo de resposta desconhecido.' },
  },
  'validation.choice-not-in-list': {
    n: 0,
    en: "The answer is not one of the question's choices.",
    pt: 'A resposta não é uma das opções da pergunta.',
    plain: { en: 'Answer not in the list.', pt: 'Resposta fora da lista.' },
  },
};

/** Numbers as the server writes them (12.5, 40%, 05:12), not the digits inside codes and ids. */
const NUMBER = /(?<![\w:.-])\d+(?:[.:]\d+)?%?(?![\w-])/g;

export function flagSentence(flag: { code: string; message: string }, lang: AppLanguage): string {
  const s = S[flag.code];
  if (!s) return flag.message;
  const numbers = flag.message.match(NUMBER) ?? [];
  if (numbers.length < s.n) return s.plain[lang];
  return s[lang].replace(/\{(\d)\}/g, (_, k: string) => numbers[Number(k)] ?? '');
}

/** A flag's kind in words: a validation error, a questionnaire warning, or a quality check. */
export function flagKind(code: string, lang: AppLanguage): string {
  const words = {
    en: { error: 'Error', warning: 'Warning', quality: 'Check' },
    pt: { error: 'Erro', warning: 'Aviso', quality: 'Verificar' },
  }[lang];
  if (code === 'validation.warning') return words.warning;
  return code.startsWith('validation.') ? words.error : words.quality;
}

/** A flag code in a few words (the queue's flag filter); the code itself when it has none. */
export function flagLabel(code: string, lang: AppLanguage): string {
  return S[code]?.plain[lang] ?? code;
}
