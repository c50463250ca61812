/**
 * `npm run questionnaires:generate -- <survey>` and `npm run frame:generate -- <survey>`: write the files a
 * survey generates from its sources in questionnaires/<survey>/src/ (its questionnaires; its frame and
 * design) into questionnaires/<survey>/. A locked (fielded) file that would change is refused and the
 * command exits 1: make a new version instead. Usage: generate.ts <questionnaires|frame> <survey> [--dir <dir>]
 */
import { GENERATOR_KINDS, type GeneratorKind, loadGenerators, writeSurveyFiles } from './lib/generate.ts';

const args = process.argv.slice(2);
let dir = 'questionnaires';
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dir') dir = args[++i];
  else positional.push(args[i]);
}
const [kind, survey] = positional;
if (!GENERATOR_KINDS.includes(kind as GeneratorKind) || !survey) {
  console.error(
    'usage: npm run questionnaires:generate -- <survey>   or   npm run frame:generate -- <survey>',
  );
  process.exit(2);
}
try {
  const generators = await loadGenerators(dir, survey);
  const make = generators[kind as GeneratorKind];
  if (!make) throw new Error(`${dir}/${survey}/src/index.ts has no "${kind}" generator`);
  const { written, refused } = writeSurveyFiles(dir, survey, make());
  for (const file of written) console.log(`wrote ${dir}/${file}`);
  for (const file of refused)
    console.error(`${dir}/${file} is locked (fielded) and would change: make a new version instead.`);
  if (refused.length) process.exitCode = 1;
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
