/**
 * Office codes in the microdata: for each coded pair (a free-text question and the field code beside
 * it), a variable `<field>_office` placed right after the field code, holding the office's code of each
 * row's text (looked up by the normalised text, so every answer with the same words gets the same code)
 * and labelled with the office code list. Codes made of digits only become numbers (ISIC "01" is 1,
 * its label keeps the written code); any other code list stays a string variable. Value labels in the
 * four languages by `codeTitle` (a list may title its codes per language). Pure: the codes and
 * the assignments come in as data. `normaliseText` is the one rule for "the same text".
 */
import type { Column, DataFrame } from '../data.ts';
import { isMissing } from '../data.ts';
import type { Labels, ValueLabel } from '../tables/labels.ts';
import type { WeightedData } from '../tables/weighted-data.ts';

/** Unicode NFKC, lower case, inner runs of white space as one space, trimmed. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
}

/** The languages a code title may be written in (the app's four, as the tables'). */
export const OFFICE_TITLE_LANGS = ['pt', 'en', 'fr', 'kea'] as const;
export type OfficeTitleLang = (typeof OFFICE_TITLE_LANGS)[number];

/** A code's title: one string, or one per language (pt and en required). */
export type OfficeCodeLabel = string | { pt: string; en: string; fr?: string; kea?: string };

/**
 * The title of a code in a language, the one rule for the staff screen and the microdata: a plain
 * string in every language; else the language's own, French falling back to English and Kriolu to
 * Portuguese (as the staff screens read survey labels).
 */
export function codeTitle(label: OfficeCodeLabel, lang: OfficeTitleLang): string {
  if (typeof label === 'string') return label;
  if (lang === 'fr') return label.fr ?? label.en;
  if (lang === 'kea') return label.kea ?? label.pt;
  return label[lang];
}

export interface OfficeCodedPair {
  text: string;
  field: string;
  classification: string;
  level: string;
  codes: Array<{ code: string; label: OfficeCodeLabel }>;
  /** normalised text -> office code */
  assigned: ReadonlyMap<string, string>;
}

export const officeVariableOf = (field: string): string => `${field}_office`;

const numericCodes = (codes: Array<{ code: string }>) => codes.every((c) => /^\d+$/.test(c.code));

function officeColumn(text: Column, pair: OfficeCodedPair): Column {
  const numeric = numericCodes(pair.codes);
  const values = Array.from({ length: text.length }, (_, i) => {
    const t = text[i];
    const code = isMissing(t as never) ? undefined : pair.assigned.get(normaliseText(String(t)));
    return code === undefined ? null : code;
  });
  return numeric ? Float64Array.from(values, (v) => (v === null ? Number.NaN : Number(v))) : values;
}

/** The frame with each pair's office column after its field column (or at the end). */
function withColumns(frame: DataFrame, pairs: OfficeCodedPair[]): DataFrame {
  const here = pairs.filter((p) => frame[p.text] !== undefined);
  if (!here.length) return frame;
  const out: DataFrame = {};
  const added = new Set<string>();
  for (const [name, col] of Object.entries(frame)) {
    out[name] = col;
    for (const p of here)
      if (p.field === name) {
        out[officeVariableOf(p.field)] = officeColumn(frame[p.text], p);
        added.add(p.text);
      }
  }
  for (const p of here)
    if (!added.has(p.text)) out[officeVariableOf(p.field)] = officeColumn(frame[p.text], p);
  return out;
}

/**
 * The weighted data with the office columns, and the labels that document them (variable label from
 * the field question's, value labels from the office code list).
 */
export function withOfficeCodes(
  data: WeightedData,
  labels: Labels,
  pairs: OfficeCodedPair[],
): { data: WeightedData; labels: Labels } {
  if (!pairs.length) return { data, labels };
  const out: Labels = { ...labels };
  for (const p of pairs) {
    const numeric = numericCodes(p.codes);
    const base = labels[p.field]?.label ?? { pt: p.field, en: p.field };
    const values: ValueLabel[] = p.codes.map((c) => {
      const [pt, en, fr, kea] = OFFICE_TITLE_LANGS.map((lang) => {
        const title = codeTitle(c.label, lang);
        return numeric ? `${c.code} ${title}` : title;
      });
      return { code: numeric ? Number(c.code) : c.code, pt, en, fr, kea };
    });
    out[officeVariableOf(p.field)] = {
      name: officeVariableOf(p.field),
      label: {
        pt: `${base.pt}: código do escritório (${p.classification}, ${p.level})`,
        en: `${base.en}: office code (${p.classification}, ${p.level})`,
      },
      type: 'single',
      values,
    };
  }
  return {
    data: {
      ...data,
      households: withColumns(data.households, pairs),
      persons: withColumns(data.persons, pairs),
    },
    labels: out,
  };
}
