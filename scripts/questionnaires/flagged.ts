/**
 * `npm run translations:flagged -- <survey> [--out report.md]`: the back-translation report of a survey (lib/
 * back-translation.ts): every string a reviewer flagged, per language, in its questionnaire and interface
 * catalogues, with source, translation, status and back-translation. Printed, or written to `--out`.
 */
import { writeFileSync } from 'node:fs';
import { type FlaggedGroup, flaggedMarkdown, flaggedStrings } from './lib/back-translation.ts';
import { catalogueDir, readCatalogues } from './lib/catalogue.ts';
import { interfaceSites, readInterfaceCatalogues } from './lib/interface-check.ts';
import { surveyStrings } from './lib/survey-strings.ts';

const dir = 'questionnaires';
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const survey = args.find((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
if (!survey) {
  console.error('usage: npm run translations:flagged -- <survey> [--out report.md]');
  process.exit(2);
}
try {
  const sites = await surveyStrings(dir, survey);
  const groups: FlaggedGroup[] = Object.entries(readCatalogues(catalogueDir(dir, survey))).map(
    ([lang, c]) => ({ lang, kind: 'questionnaire', rows: flaggedStrings(sites, c) }),
  );
  const ui = readInterfaceCatalogues(dir, survey);
  if (ui.problems.length) throw new Error(ui.problems.map((p) => `${p.file}: ${p.reason}`).join('\n'));
  for (const [lang, c] of Object.entries(ui.catalogues))
    groups.push({ lang, kind: 'interface', rows: flaggedStrings(interfaceSites(), c) });
  const report = flaggedMarkdown(survey, groups);
  if (out) {
    writeFileSync(out, report);
    console.log(`wrote ${out}`);
  } else process.stdout.write(report);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
