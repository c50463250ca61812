/**
 * The office coding screen's words in the app's four languages (Portuguese, English, French, Kriolu),
 * picked by the language the user chose.
 */
import { useMemo } from 'react';
import { type TabletLanguage, useI18n } from '../i18n.ts';

const en = {
  'coding.tab': 'Office coding',
  'coding.title': 'Office coding of free texts',
  'coding.survey': 'Survey',
  'coding.pair': 'Question',
  'coding.showCoded': 'Show coded texts too',
  'coding.filter': 'Find a text',
  'coding.text': 'Text as written',
  'coding.count': 'Answers',
  'coding.field': 'Field code',
  'coding.office': 'Office code',
  'coding.code': 'Code…',
  'coding.recode': 'Change…',
  'coding.search': 'Search the codes (number or words)',
  'coding.close': 'Close',
  'coding.noMatch': 'No code matches.',
  'coding.empty': 'Nothing to code here.',
  'coding.none': 'No survey on this server declares office coding.',
  'coding.done': '“{text}” coded {code} in {interviews} interviews.',
  'coding.by': 'by {who}',
  'coding.elsewhere': 'Also written in {count} answers of other teams: a coordinator codes it.',
  'coding.clear': 'Clear…',
  'coding.clearReason': 'Why is the code cleared?',
  'coding.clearConfirm': 'Clear the code',
  'coding.cleared': '“{text}” has no office code any more ({interviews} interviews).',
  'coding.suggested': 'Suggested codes',
  'coding.likeText': 'as “{text}” was coded',
  'coding.inTitle': 'title has {words}',
};
type Key = keyof typeof en;

const pt: Record<Key, string> = {
  'coding.tab': 'Codificação',
  'coding.title': 'Codificação das respostas abertas no escritório',
  'coding.survey': 'Inquérito',
  'coding.pair': 'Pergunta',
  'coding.showCoded': 'Mostrar também os textos codificados',
  'coding.filter': 'Procurar um texto',
  'coding.text': 'Texto escrito',
  'coding.count': 'Respostas',
  'coding.field': 'Código de campo',
  'coding.office': 'Código do escritório',
  'coding.code': 'Codificar…',
  'coding.recode': 'Mudar…',
  'coding.search': 'Procurar nos códigos (número ou palavras)',
  'coding.close': 'Fechar',
  'coding.noMatch': 'Nenhum código corresponde.',
  'coding.empty': 'Nada a codificar aqui.',
  'coding.none': 'Nenhum inquérito deste servidor declara codificação no escritório.',
  'coding.done': '“{text}” codificado {code} em {interviews} entrevistas.',
  'coding.by': 'por {who}',
  'coding.elsewhere': 'Também escrito em {count} respostas de outras equipas: codifica-o um coordenador.',
  'coding.clear': 'Limpar…',
  'coding.clearReason': 'Porque se limpa o código?',
  'coding.clearConfirm': 'Limpar o código',
  'coding.cleared': '“{text}” já não tem código do escritório ({interviews} entrevistas).',
  'coding.suggested': 'Códigos sugeridos',
  'coding.likeText': 'como foi codificado “{text}”',
  'coding.inTitle': 'o título tem {words}',
};

const fr: Record<Key, string> = {
  'coding.tab': 'Codification',
  'coding.title': 'Codification au bureau des réponses libres',
  'coding.survey': 'Enquête',
  'coding.pair': 'Question',
  'coding.showCoded': 'Afficher aussi les textes codés',
  'coding.filter': 'Chercher un texte',
  'coding.text': 'Texte tel qu’écrit',
  'coding.count': 'Réponses',
  'coding.field': 'Code du terrain',
  'coding.office': 'Code du bureau',
  'coding.code': 'Coder…',
  'coding.recode': 'Changer…',
  'coding.search': 'Chercher dans les codes (numéro ou mots)',
  'coding.close': 'Fermer',
  'coding.noMatch': 'Aucun code ne correspond.',
  'coding.empty': 'Rien à coder ici.',
  'coding.none': 'Aucune enquête de ce serveur ne déclare de codification au bureau.',
  'coding.done': '« {text} » codé {code} dans {interviews} entretiens.',
  'coding.by': 'par {who}',
  'coding.elsewhere': 'Aussi écrit dans {count} réponses d’autres équipes : un coordinateur le code.',
  'coding.clear': 'Effacer…',
  'coding.clearReason': 'Pourquoi effacer le code ?',
  'coding.clearConfirm': 'Effacer le code',
  'coding.cleared': '« {text} » n’a plus de code du bureau ({interviews} entretiens).',
  'coding.suggested': 'Codes suggérés',
  'coding.likeText': 'comme « {text} » a été codé',
  'coding.inTitle': 'le titre contient {words}',
};

const kea: Record<Key, string> = {
  'coding.tab': 'Kodifikason',
  'coding.title': 'Kodifikason na skritóriu di respostas abertu',
  'coding.survey': 'Inkéritu',
  'coding.pair': 'Pergunta',
  'coding.showCoded': 'Mostra tanbê textus ki dja kodifikadu',
  'coding.filter': 'Djobe un textu',
  'coding.text': 'Textu manera ki skrebedu',
  'coding.count': 'Respostas',
  'coding.field': 'Kódigu di kanpu',
  'coding.office': 'Kódigu di skritóriu',
  'coding.code': 'Kodifika…',
  'coding.recode': 'Muda…',
  'coding.search': 'Djobe na kódigus (númeru o palavras)',
  'coding.close': 'Fitxa',
  'coding.noMatch': 'Ninhun kódigu ka ta dá.',
  'coding.empty': 'Nada pa kodifika li.',
  'coding.none': 'Ninhun inkéritu di es servidor ka ta dizê kodifikason na skritóriu.',
  'coding.done': '“{text}” kodifikadu {code} na {interviews} entrevista.',
  'coding.by': 'pa {who}',
  'coding.elsewhere': 'Tanbê skrebedu na {count} resposta di otus ekipa: un kordenador ki ta kodifika-l.',
  'coding.clear': 'Limpa…',
  'coding.clearReason': 'Pamodi ki kódigu ta limpadu?',
  'coding.clearConfirm': 'Limpa kódigu',
  'coding.cleared': '“{text}” ka ten más kódigu di skritóriu ({interviews} entrevista).',
  'coding.suggested': 'Kódigus sujeridu',
  'coding.likeText': 'manera ki “{text}” kodifikadu',
  'coding.inTitle': 'títulu ten {words}',
};

export const OFFICE_CODING_MESSAGES: Record<TabletLanguage, Record<Key, string>> = { en, pt, fr, kea };
export type OfficeCodingKey = Key;

/** The screen's translator in the language the user chose. */
export function useOfficeCodingT() {
  const { tabletLang } = useI18n();
  return useMemo(() => {
    const dict = OFFICE_CODING_MESSAGES[tabletLang] ?? en;
    const t = (key: Key, vars: Record<string, string | number> = {}) =>
      dict[key].replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? ''));
    return { t, lang: tabletLang };
  }, [tabletLang]);
}
