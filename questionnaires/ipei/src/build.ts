/**
 * The IPEI questionnaire files made from the TypeScript source in this folder: household.v3.json,
 * listing.v2.json and translations-status.json (file name -> JSON; its `tables` part records the
 * translation status of the table titles and notes of ../tables.json). The source describes the latest
 * household version only: household.v1 and v2 are fielded and locked, kept as committed files (the
 * catalogue keys carry no version, so v3 inherits v2's translations). The Portuguese text comes from the source;
 * every other language from the catalogues in ./translations/ (the non-Portuguese arguments of `L` are
 * ignored). `npm run questionnaires:generate -- ipei` writes them into questionnaires/ipei/, refusing to change
 * a locked (fielded) file.
 */
import { readFileSync } from 'node:fs';
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

/** The languages of the table texts (the engine's table languages but the source, Portuguese). */
const TABLE_TEXT_LANGS = ['en', 'fr', 'kea'] as const;

/**
 * The translation status of the table texts of tables.json (the notice, each table's title and notes,
 * the labels of the derived variables and their codes, the value labels of computed variables):
 * they have no catalogue nor review yet, so a language the file gives is `draft` (written by the
 * project), one it lacks `missing` (the tables show the Portuguese, the survey's source language).
 */
function tableTexts(tablesPath: string) {
  type Texts = Partial<Record<'pt' | (typeof TABLE_TEXT_LANGS)[number], string>>;
  type Coded = Texts & { code: number };
  const file = JSON.parse(readFileSync(tablesPath, 'utf8')) as {
    notice?: Texts | null;
    derived?: Record<string, { label: Texts; values: Coded[] }>;
    valueLabels?: Record<string, Coded[] | { sameAs: string }>;
    tables: Array<{ id: string; title: Texts; notes?: Texts | null }>;
  };
  const texts: Array<[string, Texts]> = file.notice ? [['notice', file.notice]] : [];
  for (const t of file.tables) {
    texts.push([`${t.id}:title`, t.title]);
    if (t.notes) texts.push([`${t.id}:notes`, t.notes]);
  }
  for (const [name, d] of Object.entries(file.derived ?? {})) {
    texts.push([`derived.${name}:label`, d.label]);
    for (const v of d.values) texts.push([`derived.${name}:${v.code}`, v]);
  }
  for (const [name, values] of Object.entries(file.valueLabels ?? {}))
    if (Array.isArray(values)) for (const v of values) texts.push([`valueLabels.${name}:${v.code}`, v]);
  const strings: Record<string, Entry> = {};
  const summary: Record<string, Record<Status, number>> = {};
  for (const l of TABLE_TEXT_LANGS) summary[l] = { draft: 0, missing: 0 };
  for (const [key, text] of texts) {
    const status: Entry['status'] = {};
    for (const l of TABLE_TEXT_LANGS) {
      status[l] = text[l] ? 'draft' : 'missing';
      summary[l][status[l]] += 1;
    }
    strings[key] = { pt: text.pt ?? '', status };
  }
  return {
    file: 'tables.json',
    note: 'Table titles, notes, the notice and the labels of derived and computed variables (not the interview): no catalogue yet, every translation a draft for review; a missing language shows the Portuguese.',
    summary,
    strings,
  };
}

/**
 * Every file the questionnaire source generates, by file name; `folder` holds the catalogues,
 * `tablesPath` the survey's tables.json.
 */
export function questionnaireFiles(
  folder = fileURLToPath(new URL('./translations/', import.meta.url)),
  tablesPath = fileURLToPath(new URL('../tables.json', import.meta.url)),
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
      tables: tableTexts(tablesPath),
    },
  };
}
