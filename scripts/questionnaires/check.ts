/**
 * `npm run questionnaires:check [-- <dir> [--locks <file>]]`: checks every versioned questionnaire
 * (`<survey>/<name>.vN.json`) under questionnaires/ and the locks of fielded versions. Prints "all good"
 * with a translation coverage table, the catalogues' strings by status and the flagged back-translations,
 * or one line per problem (file, question, reason) and exits 1.
 */
import { join } from 'node:path';
import { catalogueDir, readCatalogues } from './lib/catalogue.ts';
import { coverageTable } from './lib/coverage.ts';
import { catalogueGaps, catalogueTable } from './lib/fielding.ts';
import { interfaceTable } from './lib/interface-check.ts';
import { runCheck } from './lib/run.ts';
import { surveyStrings } from './lib/survey-strings.ts';

const args = process.argv.slice(2);
let dir = 'questionnaires';
let locks: string | undefined;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--locks') locks = args[++i];
  else dir = args[i];
}

const { problems, rows, translations, interfaces } = runCheck(dir, locks ?? join(dir, 'locks.json'));
if (problems.length) {
  console.error(`${problems.length} problem(s) in ${dir}:`);
  for (const p of problems) console.error(`${p.file}: ${p.question}: ${p.reason}`);
  process.exitCode = 1;
} else {
  console.log(`all good: ${rows.length} questionnaire file(s) in ${dir}\n`);
  console.log(
    'Translation coverage (share of localisable strings with their own text; missing ones show Portuguese):\n',
  );
  console.log(coverageTable(rows));
  if (interfaces.length) {
    console.log(
      "\nInterface strings (survey-core's buttons, required and validation messages) per interview language:\n",
    );
    console.log(interfaceTable(interfaces));
    for (const r of interfaces)
      for (const [key, flag] of r.flagged)
        console.log(`back-translation flagged: ${r.survey} ${r.lang} interface ${key}: ${flag}`);
  }
  if (translations.length) {
    console.log(
      '\nTranslation catalogues (strings by status; only "approved" can be locked for fielding):\n',
    );
    console.log(catalogueTable(translations));
    for (const t of translations)
      for (const [key, flag] of t.flagged)
        console.log(`back-translation flagged: ${t.survey} ${t.lang} ${key}: ${flag}`);
    const show = (keys: string[]) => `${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', ...' : ''}`;
    for (const survey of new Set(translations.map((t) => t.survey)))
      for (const g of catalogueGaps(
        await surveyStrings(dir, survey),
        readCatalogues(catalogueDir(dir, survey)),
      )) {
        if (g.absent.length)
          console.log(
            `${survey} ${g.lang}: ${g.absent.length} string(s) not in the catalogue yet: ${show(g.absent)}`,
          );
        if (g.stale.length)
          console.log(
            `${survey} ${g.lang}: ${g.stale.length} catalogue key(s) no questionnaire has: ${show(g.stale)}`,
          );
      }
  }
}
