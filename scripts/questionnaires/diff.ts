/**
 * `npm run questionnaires:diff -- ipei/household.v2 ipei/household.v3 [--strings-only]`: what changed between
 * two versions of a questionnaire: whether any variable, code, skip or check did (the paths where it did) and
 * which strings changed in which language. With `--strings-only` it exits 1 unless only strings changed:
 * the proof a translation fix published as a new version touches no logic.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { versionStem } from './lib/translation-keys.ts';
import { describeDiff, diffVersions } from './lib/version-diff.ts';

const args = process.argv.slice(2);
const stringsOnly = args.includes('--strings-only');
const [a, b] = args.filter((x) => !x.startsWith('--'));
const stem = a && versionStem(basename(a).replace(/\.json$/, ''));
if (!a || !b || !stem || stem !== versionStem(basename(b).replace(/\.json$/, ''))) {
  console.error(
    'usage: npm run questionnaires:diff -- <survey>/<name>.vN <survey>/<name>.vM [--strings-only]  (two versions of one questionnaire)',
  );
  process.exit(2);
}
const read = (id: string) =>
  JSON.parse(readFileSync(join('questionnaires', `${id.replace(/\.json$/, '')}.json`), 'utf8')) as unknown;
const diff = diffVersions(stem, read(a), read(b));
console.log(`${a} -> ${b}`);
for (const line of describeDiff(diff)) console.log(line);
for (const s of diff.strings) console.log(`  ${s.key}: ${s.languages.join(', ')}`);
if (stringsOnly && diff.logic.length) {
  console.error(`not a translation-only change: ${diff.logic.length} logic difference(s) listed above`);
  process.exitCode = 1;
}
