/**
 * The one catalogue of the words `npm run codebook` writes around a questionnaire's variables, in pt,
 * en, fr and kea (`--lang`; English by default): the headings, the line on levels, the table's columns,
 * the note on long code lists and the "Versions" section (also `questionnaires:diff`'s summary lines,
 * in English). The variables' and values' labels are the questionnaire's own, in the language where it
 * gives one. The French and Kriolu (ALUPEC, Santiago variant, in the words of
 * client/analyst/messages-kea.ts) were written by the project: `draft`, for a native speaker's review
 * (CODEBOOK_WORDS_STATUS).
 */
import type { TableLang } from '../../../analysis/tables/table-words.ts';

export interface CodebookWords {
  heading: (id: string) => string;
  /** The line under the title: how many variables and what a level is. */
  count: (n: number) => string;
  /** The table's columns; `label` is followed by the language code, "label (pt)". */
  columns: { variable: string; label: string; type: string; level: string; values: string; universe: string };
  /** A code list too long for the table: its size and first codes. */
  manyCodes: (n: number, first: string) => string;
  range: string;
  versions: string;
  version: (v: number, from: number) => string;
  string: string;
  languagesChanged: string;
  logicChanged: (at: string) => string;
  stringsOnly: string;
  stringsChanged: (n: number, counts: string) => string;
}

const en: CodebookWords = {
  heading: (id) => `Codebook: ${id}`,
  count: (n) =>
    `${n} variables. Level: household = one row per interview; person = one row per roster member (\`members[i]\`).`,
  columns: {
    variable: 'variable',
    label: 'label',
    type: 'type',
    level: 'level',
    values: 'values',
    universe: 'universe',
  },
  manyCodes: (n, first) => `${n} codes (${first}; …) — full list in the JSON codebook`,
  range: 'range',
  versions: 'Versions',
  version: (v, from) => `v${v} (from v${from})`,
  string: 'string',
  languagesChanged: 'languages changed',
  logicChanged: (at) => `logic changed (variables, codes, skips or checks) at: ${at}`,
  stringsOnly: 'strings only: no variable, code, skip or check changed',
  stringsChanged: (n, counts) => `${n} string(s) changed${counts ? ` (${counts})` : ''}`,
};

const pt: CodebookWords = {
  heading: (id) => `Livro de códigos: ${id}`,
  count: (n) =>
    `${n} variáveis. Nível: agregado = uma linha por entrevista; pessoa = uma linha por membro da lista (\`members[i]\`).`,
  columns: {
    variable: 'variável',
    label: 'rótulo',
    type: 'tipo',
    level: 'nível',
    values: 'valores',
    universe: 'universo',
  },
  manyCodes: (n, first) => `${n} códigos (${first}; …) — lista completa no livro de códigos JSON`,
  range: 'intervalo',
  versions: 'Versões',
  version: (v, from) => `v${v} (a partir da v${from})`,
  string: 'texto',
  languagesChanged: 'línguas alteradas',
  logicChanged: (at) => `lógica alterada (variáveis, códigos, saltos ou verificações) em: ${at}`,
  stringsOnly: 'só textos: nenhuma variável, código, salto ou verificação mudou',
  stringsChanged: (n, counts) => `${n} texto(s) alterado(s)${counts ? ` (${counts})` : ''}`,
};

const fr: CodebookWords = {
  heading: (id) => `Dictionnaire des codes : ${id}`,
  count: (n) =>
    `${n} variables. Niveau : ménage = une ligne par entretien ; personne = une ligne par membre de la liste (\`members[i]\`).`,
  columns: {
    variable: 'variable',
    label: 'libellé',
    type: 'type',
    level: 'niveau',
    values: 'valeurs',
    universe: 'univers',
  },
  manyCodes: (n, first) => `${n} codes (${first} ; …) — liste complète dans le dictionnaire JSON`,
  range: 'plage',
  versions: 'Versions',
  version: (v, from) => `v${v} (depuis la v${from})`,
  string: 'texte',
  languagesChanged: 'langues modifiées',
  logicChanged: (at) => `logique modifiée (variables, codes, sauts ou contrôles) à : ${at}`,
  stringsOnly: 'textes seulement : aucune variable, aucun code, saut ou contrôle modifié',
  stringsChanged: (n, counts) => `${n} texte(s) modifié(s)${counts ? ` (${counts})` : ''}`,
};

const kea: CodebookWords = {
  heading: (id) => `Livru di kódigus: ${id}`,
  count: (n) =>
    `${n} variavel. Nível: agregadu = un linha pa kada entrevista; pesoa = un linha pa kada membru di lista (\`members[i]\`).`,
  columns: {
    variable: 'variavel',
    label: 'rótulu',
    type: 'tipu',
    level: 'nível',
    values: 'valoris',
    universe: 'univérsu',
  },
  manyCodes: (n, first) => `${n} kódigu (${first}; …) — lista kumpletu na livru di kódigus JSON`,
  range: 'intervalu',
  versions: 'Versons',
  version: (v, from) => `v${v} (di v${from})`,
  string: 'testu',
  languagesChanged: 'línguas mudadu',
  logicChanged: (at) => `lójika mudadu (variavel, kódigus, saltus o verifikasons) na: ${at}`,
  stringsOnly: 'só testus: ninhun variavel, kódigu, saltu o verifikason ka muda',
  stringsChanged: (n, counts) => `${n} testu mudadu${counts ? ` (${counts})` : ''}`,
};

export const CODEBOOK_WORDS: Record<TableLang, CodebookWords> = { pt, en, fr, kea };

/** The review status of each language's words: the project wrote the French and the Kriolu. */
export const CODEBOOK_WORDS_STATUS: Record<TableLang, 'source' | 'draft'> = {
  pt: 'source',
  en: 'source',
  fr: 'draft',
  kea: 'draft',
};
