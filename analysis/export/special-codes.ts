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
}

export const SPECIAL_KINDS: Record<SpecialKind, { tag: MissingCode['tag']; pt: string; en: string }> = {
  dontKnow: { tag: 'a', pt: 'Não sabe', en: "Don't know" },
  refused: { tag: 'b', pt: 'Recusa', en: 'Refused' },
  notApplicable: { tag: 'c', pt: 'Não se aplica', en: 'Not applicable' },
};

/**
 * The special codes of a numeric variable: the survey's codes that the variable declares (value labels
 * or validator), each labelled with the variable's own text when it has one.
 */
export function missingCodesOf(info: VariableInfo | undefined, codes: SpecialCodes): MissingCode[] {
  if (!info) return [];
  const declared = new Map<number, { pt: string; en: string } | null>();
  for (const v of info.values) if (/^-?\d+$/.test(String(v.code))) declared.set(Number(v.code), v);
  for (const c of info.special ?? []) if (!declared.has(c)) declared.set(c, null);
  const out: MissingCode[] = [];
  for (const kind of Object.keys(SPECIAL_KINDS) as SpecialKind[])
    for (const code of codes[kind])
      if (declared.has(code)) {
        const own = declared.get(code);
        const k = SPECIAL_KINDS[kind];
        out.push({ code, kind, tag: k.tag, pt: own?.pt || k.pt, en: own?.en || k.en });
      }
  return out;
}
