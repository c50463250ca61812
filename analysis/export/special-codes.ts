/**
 * Special codes in exports: a survey declares once, in its profile (`specialCodes`), which codes mean
 * don't know, refused and not applicable; a variable uses one of them when its value labels list it
 * (a "Não sabe" choice coded 98) or its validator accepts it outside the numeric range (-98 in an
 * amount; the codebook's `special`, read by server/domain/codebook.ts `acceptedBy` wherever the equality
 * stands in the expression). Only those codes of that variable are special: an age of 98 stays an age. In the .dta they
 * become Stata's extended missing values .a (don't know), .b (refused) and .c (not applicable) with value
 * labels; CSV, Parquet and Excel keep the codes, which the codebook lists as missing for each variable.
 */
import type { VariableInfo } from '../tables/labels.ts';
import type { TableLang } from '../tables/table-words.ts';

export interface SpecialCodes {
  dontKnow: number[];
  refused: number[];
  notApplicable: number[];
}

export const NO_SPECIAL_CODES: SpecialCodes = { dontKnow: [], refused: [], notApplicable: [] };

export type SpecialKind = keyof SpecialCodes;

/** A code of one variable that is a missing value, with its Stata tag and its label. */
export interface MissingCode {
  code: number;
  kind: SpecialKind;
  /** Stata extended missing value: .a, .b or .c. */
  tag: 'a' | 'b' | 'c';
  pt: string;
  en: string;
  /** Always given by missingCodesOf (the variable's own, else the engine's word). */
  fr?: string;
  kea?: string;
}

type Words = Record<TableLang, string>;

/** The engine's label of each kind (French and Kriolu `draft`, as codebook-words.ts). */
export const SPECIAL_KINDS: Record<SpecialKind, { tag: MissingCode['tag'] } & Words> = {
  dontKnow: { tag: 'a', pt: 'Não sabe', en: "Don't know", fr: 'Ne sait pas', kea: 'Ka sabi' },
  refused: { tag: 'b', pt: 'Recusa', en: 'Refused', fr: 'Refus', kea: 'Ka kré responde' },
  notApplicable: {
    tag: 'c',
    pt: 'Não se aplica',
    en: 'Not applicable',
    fr: 'Sans objet',
    kea: 'Ka ta aplika',
  },
};

/**
 * The special codes of a numeric variable: the survey's codes that the variable declares (value labels
 * or validator), each labelled with the variable's own text in each language when it has one, else the
 * engine's word for its kind.
 */
export function missingCodesOf(info: VariableInfo | undefined, codes: SpecialCodes): MissingCode[] {
  if (!info) return [];
  const declared = new Map<number, Partial<Words> | null>();
  for (const v of info.values) if (/^-?\d+$/.test(String(v.code))) declared.set(Number(v.code), v);
  for (const c of info.special ?? []) if (!declared.has(c)) declared.set(c, null);
  const out: MissingCode[] = [];
  for (const kind of Object.keys(SPECIAL_KINDS) as SpecialKind[])
    for (const code of codes[kind])
      if (declared.has(code)) {
        const own = declared.get(code);
        const k = SPECIAL_KINDS[kind];
        out.push({
          code,
          kind,
          tag: k.tag,
          pt: own?.pt || k.pt,
          en: own?.en || k.en,
          fr: own?.fr || k.fr,
          kea: own?.kea || k.kea,
        });
      }
  return out;
}
