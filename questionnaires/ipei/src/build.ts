/**
 * The IPEI questionnaire files made from the TypeScript source in this folder: household.v3.json,
 * listing.v2.json and translations-status.json (file name -> JSON). The source describes the latest
 * household version only: household.v1 and v2 are fielded and locked, kept as committed files (the
 * catalogue keys carry no version, so v3 inherits v2's translations). The Portuguese text comes from the source;
 * every other language from the catalogues in ./translations/ (the non-Portuguese arguments of `L` are
 * ignored). `npm run questionnaires:generate -- ipei` writes them into questionnaires/ipei/, refusing to change
 * a locked (fielded) file.
 */
import { fileURLToPath } from 'node:url';
import {
  type Catalogue,
  mergeTranslations,
  readCatalogues,
} from '../../../scripts/questionnaires/lib/catalogue.ts';
import { localisableStrings } from '../../../scripts/questionnaires/lib/translation-keys.ts';
import { CLDR, type Json, LANGS, type Loc } from './dsl.ts';
import { household } from './household.ts';
import { listing } from './listing.ts';

type Status = string;
interface Entry {
  pt: string;
  status: Partial<Record<(typeof LANGS)[number], Status>>;
}

const LEGEND: Record<string, string> = {
  cldr: 'name from Unicode CLDR (ICU); reliable',
  draft: 'written by the project, not yet reviewed by a native translator: needs review',
  missing: 'no translation: the interview shows the Portuguese text',
  machine: 'machine translation: needs review',
  reviewed: 'reviewed by a translator, not yet approved for fielding',
  approved: 'approved for fielding',
};

/**
 * Per string and language: `cldr` for CLDR names, else the catalogue status. A name CLDR lacks in a
 * language, written by the project (catalogue status `draft`), stays `draft`: it needs review.
 */
function collect(
  file: string,
  stem: string,
  source: Json,
  catalogues: Record<string, Catalogue>,
): Record<string, Entry> {
  const out: Record<string, Entry> = {};
  for (const { key, loc } of localisableStrings(stem, source)) {
    const status: Entry['status'] = {};
    for (const l of LANGS) {
      const s = catalogues[l]?.[key]?.status ?? 'missing';
      status[l] = s !== 'missing' && s !== 'draft' && CLDR.has(loc as Loc) ? 'cldr' : s;
    }
    out[`${file}:${key.slice(stem.length + 1)}`] = { pt: loc.default, status };
  }
  return out;
}

/** Every file the questionnaire source generates, by file name; `folder` holds the catalogues. */
export function questionnaireFiles(
  folder = fileURLToPath(new URL('./translations/', import.meta.url)),
): Record<string, unknown> {
  const catalogues = readCatalogues(folder);
  const strings = {
    ...collect('household.v3', 'household', household, catalogues),
    ...collect('listing.v2', 'listing', listing, catalogues),
  };
  const summary: Record<string, Record<Status, number>> = {};
  const used = new Set(['cldr', 'draft', 'missing']);
  for (const l of LANGS) {
    summary[l] = { cldr: 0, draft: 0, missing: 0 };
    for (const e of Object.values(strings)) {
      const s = e.status[l] ?? 'missing';
      summary[l][s] = (summary[l][s] ?? 0) + 1;
      used.add(s);
    }
  }
  return {
    'household.v3.json': mergeTranslations('household', household, catalogues, LANGS),
    'listing.v2.json': mergeTranslations('listing', listing, catalogues, LANGS),
    'translations-status.json': {
      legend: Object.fromEntries(Object.entries(LEGEND).filter(([s]) => used.has(s))),
      summary,
      strings,
    },
  };
}
