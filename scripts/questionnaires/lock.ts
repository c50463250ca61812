/**
 * `npx tsx scripts/questionnaires/lock.ts [--pilot] ipei/household.v3.json [...]`: records the sha256 of fielded
 * questionnaire versions in questionnaires/locks.json. Once locked, `questionnaires:check` fails on any change.
 * A version is locked only when every string of its fielded languages is approved in the catalogues
 * (lib/fielding.ts); `--pilot` locks it anyway and records it under `pilot`.
 */
import { lockFiles } from './lib/locks.ts';

const args = process.argv.slice(2);
const pilot = args.includes('--pilot');
const { locked, refused } = lockFiles(
  'questionnaires',
  args.filter((a) => a !== '--pilot'),
  { pilot },
);
for (const [file, hash] of locked)
  console.log(`locked ${file} ${hash}${pilot ? ' (pilot: translations not all approved)' : ''}`);
for (const line of refused) console.error(line);
if (refused.length) {
  console.error(
    'not locked; approve the strings (npm run translations:export) or, for a pilot only, add --pilot',
  );
  process.exitCode = 1;
}
