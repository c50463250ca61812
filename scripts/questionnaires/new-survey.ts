/**
 * `npm run survey:new -- <id> [--root <questionnaires folder>]`: creates questionnaires/<id>/ with a
 * working skeleton (profile, interview questionnaire v1 in pt and en, design, weighting recipe, tables,
 * a tiny frame) that `npm run questionnaires:check` passes. Refuses a bad id or an existing folder,
 * saying why, and writes nothing then.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { skeletonFiles, surveyIdProblem } from './lib/skeleton.ts';

const args = process.argv.slice(2);
let root = 'questionnaires';
const ids: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') root = args[++i] ?? root;
  else ids.push(args[i]);
}

function fail(message: string): never {
  console.error(`survey:new: ${message}`);
  process.exit(1);
}

if (ids.length > 1) fail(`one survey id at a time (got ${ids.join(', ')})`);
const id = ids[0];
const problem = surveyIdProblem(id);
if (problem) fail(problem);
const dir = join(root, id);
if (existsSync(dir)) fail(`${dir} already exists: choose another id, or edit that survey's files`);
if (!existsSync(root))
  fail(`${root} does not exist: run from the repository root or give --root <questionnaires folder>`);
mkdirSync(dir);
for (const [name, text] of Object.entries(skeletonFiles(id))) writeFileSync(join(dir, name), text);
console.log(
  `created ${dir}/: profile.json, interview.v1.json (${id}-interview v1), design.json, weighting.json, tables.json, frame.csv, README.md`,
);
console.log('next: replace the skeleton values, then npm run questionnaires:check');
