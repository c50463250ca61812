/**
 * The IPEI questionnaire files made from the TypeScript source in this folder: household.v2.json,
 * listing.v1.json and translations-status.json (file name -> JSON). `npm run questionnaires:generate -- ipei`
 * writes them into questionnaires/ipei/, refusing to change a locked (fielded) file.
 */
import { CLDR, type Json, LANGS, type Loc } from './dsl.ts';
import { household } from './household.ts';
import { listing } from './listing.ts';

type Status = 'cldr' | 'draft' | 'missing';
interface Entry {
  pt: string;
  status: Partial<Record<(typeof LANGS)[number], Status>>;
}

const isLoc = (v: unknown): v is Loc =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Loc).default === 'string';

/** Every localisable string keyed by `<file>:<element name>.<property>` with its per-language status. */
function collect(file: string, node: unknown, key: string, out: Record<string, Entry>): void {
  if (isLoc(node)) {
    const status: Entry['status'] = {};
    for (const l of LANGS) status[l] = node[l] ? (CLDR.has(node) ? 'cldr' : 'draft') : 'missing';
    out[`${file}:${key}`] = { pt: node.default, status };
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      const tag =
        typeof item === 'object' && item && 'value' in item ? String((item as Json).value) : String(i);
      const named = typeof item === 'object' && item && typeof (item as Json).name === 'string';
      collect(file, item, named ? String((item as Json).name) : `${key}[${tag}]`, out);
    });
    return;
  }
  if (typeof node === 'object' && node !== null)
    for (const [k, v] of Object.entries(node)) {
      if (k === 'name' || k === 'value') continue;
      collect(file, v, key ? `${key}.${k}` : k, out);
    }
}

/** Every file the questionnaire source generates, by file name. */
export function questionnaireFiles(): Record<string, unknown> {
  const strings: Record<string, Entry> = {};
  collect('household.v2', household, '', strings);
  collect('listing.v1', listing, '', strings);
  const summary: Record<string, Record<Status, number>> = {};
  for (const l of LANGS) {
    summary[l] = { cldr: 0, draft: 0, missing: 0 };
    for (const e of Object.values(strings)) summary[l][e.status[l] ?? 'missing']++;
  }
  return {
    'household.v2.json': household,
    'listing.v1.json': listing,
    'translations-status.json': {
      legend: {
        cldr: 'name from Unicode CLDR (ICU); reliable',
        draft: 'written by the project, not yet reviewed by a native translator: needs review',
        missing: 'no translation: the interview shows the Portuguese text',
      },
      summary,
      strings,
    },
  };
}
