/**
 * One-off, run on 2026-12-05: `npx tsx questionnaires/ipei/src/extract-translations.ts` moved the translations
 * that were positional arguments of `L(pt, en, fr, kea, wo, zh)` into one catalogue per language in
 * ./translations/ (see scripts/questionnaires/lib/catalogue.ts). Country and language names from Unicode CLDR
 * become "reviewed" (CLDR's own translators vetted them), every other text "draft" (written by the project, not
 * reviewed by a native translator), an absent text "missing". It refuses to run again: from now on the catalogues
 * are the translations and the non-Portuguese arguments of `L` are ignored by the generator.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { type Catalogue, catalogueText } from '../../../scripts/questionnaires/lib/catalogue.ts';
import { localisableStrings } from '../../../scripts/questionnaires/lib/translation-keys.ts';
import { CLDR, LANGS, type Loc } from './dsl.ts';
import { household } from './household.ts';
import { listing } from './listing.ts';

const folder = new URL('./translations/', import.meta.url);
if (existsSync(folder)) {
  console.error(
    `${folder.pathname} exists: the translations were extracted once; edit the catalogues instead.`,
  );
  process.exit(1);
}
mkdirSync(folder);
const sites = [...localisableStrings('household', household), ...localisableStrings('listing', listing)];
for (const lang of LANGS) {
  const catalogue: Catalogue = {};
  for (const { key, loc } of sites) {
    const text = (loc as Loc)[lang] ?? '';
    const cldr = CLDR.has(loc as Loc);
    catalogue[key] = !text
      ? { text: '', status: 'missing' }
      : cldr
        ? { text, status: 'reviewed', note: 'Name from Unicode CLDR (vetted by its translators).' }
        : { text, status: 'draft' };
  }
  writeFileSync(new URL(`${lang}.json`, folder), catalogueText(catalogue));
  console.log(`wrote ${lang}.json: ${sites.length} strings`);
}
