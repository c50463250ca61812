/**
 * Translation catalogues: one JSON file per interview language beside a survey's questionnaire source
 * (questionnaires/<survey>/src/translations/<lang>.json), key -> entry. Portuguese, the source language, stays
 * in the questionnaire source; every other language's text lives only here. An entry's status says who vouches
 * for it: missing (no text; the interview shows Portuguese), machine, draft (written by the project), reviewed
 * (checked by a translator), approved (signed off for fielding). `note` is the context for the translator,
 * `previousApproved` the last approved text once an approved text is changed, `backTranslation` and `flag`
 * the reviewer's back-translation and what it revealed. Written in one canonical form so that a round trip
 * through the workbook is byte-stable.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  translationCatalogueSchema as catalogueSchema,
  type Entry,
  STATUSES,
  type Status,
} from '../../../server/contract/translation-entry.ts';
import { isLocString, type Json, localisableStrings } from './translation-keys.ts';

export { type Entry, STATUSES, type Status };
export type Catalogue = Record<string, Entry>;

export const catalogueDir = (dir: string, survey: string): string => join(dir, survey, 'src', 'translations');

/** The entry in canonical field order, empty optional fields dropped. */
export function canonicalEntry(e: Entry): Entry {
  const out: Entry = { text: e.text, status: e.status };
  if (e.note) out.note = e.note;
  if (e.previousApproved) out.previousApproved = e.previousApproved;
  if (e.backTranslation) out.backTranslation = e.backTranslation;
  if (e.flag) out.flag = e.flag;
  return out;
}

export const catalogueText = (c: Catalogue): string =>
  `${JSON.stringify(Object.fromEntries(Object.entries(c).map(([k, e]) => [k, canonicalEntry(e)])), null, 2)}\n`;

/** Parses a catalogue file; the error names the file, the key and the field. */
export function parseCatalogue(path: string, text: string): Catalogue {
  const parsed = catalogueSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  for (const [key, e] of Object.entries(parsed.data))
    if ((e.status === 'missing') !== (e.text === ''))
      throw new Error(`${path}: ${key}: status "${e.status}" with ${e.text ? 'a' : 'no'} text`);
  return parsed.data;
}

/** Every catalogue in `folder`, by language code (file name without .json); {} when there is none. */
export function readCatalogues(folder: string): Record<string, Catalogue> {
  if (!existsSync(folder)) return {};
  const out: Record<string, Catalogue> = {};
  for (const f of readdirSync(folder).sort())
    if (f.endsWith('.json'))
      out[f.slice(0, -5)] = parseCatalogue(join(folder, f), readFileSync(join(folder, f), 'utf8'));
  return out;
}

/**
 * A copy of questionnaire `json` whose every localisable string has the Portuguese `default` of the source and,
 * in the order of `langs`, the text of each language's catalogue (none when the entry is missing or absent):
 * whatever other languages the source carried are dropped. Only localisable strings change.
 */
export function mergeTranslations(
  stem: string,
  json: unknown,
  catalogues: Record<string, Catalogue>,
  langs: readonly string[],
): Json {
  const copy = JSON.parse(JSON.stringify(json)) as Json; // not structuredClone: shared strings must part
  for (const site of localisableStrings(stem, copy)) {
    const pt = site.loc.default;
    for (const k of Object.keys(site.loc)) delete site.loc[k];
    site.loc.default = pt;
    for (const l of langs) {
      const e = catalogues[l]?.[site.key];
      if (e && e.status !== 'missing') site.loc[l] = e.text;
    }
  }
  return copy;
}

/** `json` with every localisable string blanked: two versions with equal skeletons share variables, codes and skips. */
export function logicSkeleton(json: unknown): string {
  return JSON.stringify(json, (_k, v) => (isLocString(v) ? null : v));
}
