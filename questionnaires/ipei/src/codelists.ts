/**
 * Long code lists in Portuguese: ISO 3166-1 alpha-2 countries and ISO 639 languages with names from Unicode
 * CLDR (Node's ICU), ISCO-08 major groups, ISIC Rev.4 sections, geography. Other languages: ./translations/.
 */
import { type Choice, CLDR, L, type Loc } from './dsl.ts';

/**
 * A country or language name: Portuguese from Unicode CLDR (Node's ICU); marked CLDR, because its other languages
 * in the translation catalogues were CLDR's names too (the status file reports them as `cldr`).
 */
function cldr(type: 'region' | 'language', code: string, manual?: Loc): Loc {
  const pt = new Intl.DisplayNames(['pt'], { type, fallback: 'none' }).of(code) ?? manual?.default ?? code;
  const out: Loc = { default: pt };
  CLDR.add(out);
  return out;
}

/** CLDR region codes that are not ISO 3166-1 countries (reserved, withdrawn, groupings). */
const NOT_COUNTRIES = new Set(
  'AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB XK YD YU ZR ZZ'.split(' '),
);
const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const en = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const codes = [...A]
  .flatMap((a) => [...A].map((b) => a + b))
  .filter((c) => en.of(c) && !NOT_COUNTRIES.has(c));
const collator = new Intl.Collator('pt');

export const STATELESS: Choice = ['XX', L('Apátrida (sem nacionalidade)')];

/** Countries, Cabo Verde first, then alphabetical in Portuguese. */
export const COUNTRIES: Choice[] = [
  ['CV', cldr('region', 'CV')],
  ...codes
    .filter((c) => c !== 'CV')
    .map((c): Choice => [c, cldr('region', c)])
    .sort((a, b) => collator.compare(a[1].default, b[1].default)),
];
export const NATIONALITIES: Choice[] = [...COUNTRIES, STATELESS];

/** ISO 639-1 where one exists, else ISO 639-3 (kea, pov, mnk, sus, ...). */
const LANGUAGE_CODES = [
  'pt',
  'kea',
  'pov',
  'fr',
  'en',
  'es',
  'it',
  'de',
  'nl',
  'ru',
  'uk',
  'ro',
  'pl',
  'zh',
  'yue',
  'ar',
  'hi',
  'bn',
  'wo',
  'ff',
  'mnk',
  'sus',
  'bm',
  'snk',
  'tem',
  'kri',
  'yo',
  'ig',
  'ha',
  'ak',
  'ee',
  'ln',
  'kg',
  'umb',
  'kmb',
  'sw',
  'am',
  'so',
  'dyo',
  'bsc',
  'fuc',
  'srr',
  'tr',
  'fa',
  'ur',
  'ja',
  'ko',
  'vi',
  'tl',
];
const MANUAL: Record<string, Loc> = {
  pov: L('Crioulo da Guiné-Bissau'),
  mnk: L('Mandinga'),
  snk: L('Soninké'),
  tem: L('Temne'),
  kri: L('Krio'),
  bsc: L('Bassari'),
  fuc: L('Pulaar'),
  srr: L('Serer'),
  dyo: L('Jola-Fonyi'),
};
export const LANGUAGES: Choice[] = LANGUAGE_CODES.map((c) => [c, cldr('language', c, MANUAL[c])]);

/** ISCO-08 major groups (1-digit). */
export const ISCO: Choice[] = [
  [1, L('Diretores e gestores')],
  [2, L('Especialistas das atividades intelectuais e científicas')],
  [3, L('Técnicos e profissões de nível intermédio')],
  [4, L('Pessoal administrativo')],
  [5, L('Trabalhadores dos serviços pessoais, de proteção e segurança e vendedores')],
  [6, L('Agricultores e trabalhadores qualificados da agricultura, pesca e floresta')],
  [7, L('Trabalhadores qualificados da indústria, construção e artífices')],
  [8, L('Operadores de instalações e máquinas e trabalhadores da montagem')],
  [9, L('Trabalhadores não qualificados')],
  [0, L('Profissões das Forças Armadas')],
];

/**
 * ISIC Rev.4 sections A to U, Portuguese from CAE-Rev.3 (English and French, from the UN classification, are in
 * the translation catalogues).
 */
const ISIC_TEXT: [string, string][] = [
  ['A', 'Agricultura, produção animal, caça, floresta e pesca'],
  ['B', 'Indústrias extrativas'],
  ['C', 'Indústrias transformadoras'],
  ['D', 'Eletricidade, gás, vapor e ar condicionado'],
  ['E', 'Água, saneamento, resíduos e despoluição'],
  ['F', 'Construção'],
  ['G', 'Comércio por grosso e a retalho; reparação de veículos'],
  ['H', 'Transportes e armazenagem'],
  ['I', 'Alojamento e restauração'],
  ['J', 'Informação e comunicação'],
  ['K', 'Atividades financeiras e de seguros'],
  ['L', 'Atividades imobiliárias'],
  ['M', 'Atividades de consultoria, científicas e técnicas'],
  ['N', 'Atividades administrativas e dos serviços de apoio'],
  ['O', 'Administração pública e defesa; segurança social obrigatória'],
  ['P', 'Educação'],
  ['Q', 'Saúde humana e apoio social'],
  ['R', 'Atividades artísticas, de espetáculos, desportivas e recreativas'],
  ['S', 'Outras atividades de serviços'],
  ['T', 'Famílias com empregados domésticos'],
  ['U', 'Organismos internacionais'],
];
export const ISIC: Choice[] = ISIC_TEXT.map(([c, pt]) => [c, L(`${c}. ${pt}`)]);

export const ISLANDS: Choice[] = [
  [1, L('Santo Antão')],
  [2, L('São Vicente')],
  [3, L('São Nicolau')],
  [4, L('Sal')],
  [5, L('Boa Vista')],
  [6, L('Maio')],
  [7, L('Santiago')],
  [8, L('Fogo')],
  [9, L('Brava')],
];

/** The 22 municipalities (ISO 3166-2:CV) with their island code; the same text in every language. */
export const MUNICIPALITIES: [iso: string, name: string, island: number][] = [
  ['CV-RG', 'Ribeira Grande', 1],
  ['CV-PA', 'Paul', 1],
  ['CV-PN', 'Porto Novo', 1],
  ['CV-SV', 'São Vicente', 2],
  ['CV-RB', 'Ribeira Brava', 3],
  ['CV-TS', 'Tarrafal de São Nicolau', 3],
  ['CV-SL', 'Sal', 4],
  ['CV-BV', 'Boa Vista', 5],
  ['CV-MA', 'Maio', 6],
  ['CV-PR', 'Praia', 7],
  ['CV-RS', 'Ribeira Grande de Santiago', 7],
  ['CV-SD', 'São Domingos', 7],
  ['CV-CA', 'Santa Catarina', 7],
  ['CV-SS', 'São Salvador do Mundo', 7],
  ['CV-SO', 'São Lourenço dos Órgãos', 7],
  ['CV-CR', 'Santa Cruz', 7],
  ['CV-SM', 'São Miguel', 7],
  ['CV-TA', 'Tarrafal', 7],
  ['CV-SF', 'São Filipe', 8],
  ['CV-CF', 'Santa Catarina do Fogo', 8],
  ['CV-MO', 'Mosteiros', 8],
  ['CV-BR', 'Brava', 9],
];
