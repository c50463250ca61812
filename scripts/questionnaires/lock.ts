/**
 * `npx tsx scripts/questionnaires/lock.ts ipei/household.v1.json [...]`: records the sha256 of fielded
 * questionnaire versions in questionnaires/locks.json. Once locked, `questionnaires:check` fails on any change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLocks, sha256 } from './lib/locks.ts';

const dir = 'questionnaires';
const path = join(dir, 'locks.json');
const files = { ...readLocks(path) };
for (const file of process.argv.slice(2)) {
  if (files[file]) {
    console.error(`${file} is already locked; a fielded version never changes: publish a new .vN instead`);
    process.exitCode = 1;
    continue;
  }
  files[file] = sha256(readFileSync(join(dir, file)));
  console.log(`locked ${file} ${files[file]}`);
}
const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(
  path,
  `${JSON.stringify({ description: 'sha256 of every fielded questionnaire version (paths relative to questionnaires/). A locked file never changes: publish <name>.v<N+1>.json instead.', files: sorted }, null, 2)}\n`,
);
