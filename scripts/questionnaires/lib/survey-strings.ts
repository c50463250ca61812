/**
 * The localisable strings of a survey's latest generated questionnaires, by key: runs the survey's generator
 * (questionnaires/<survey>/src/index.ts) and walks each `<stem>.vN.json` it makes, the highest N per stem.
 */
import { loadGenerators } from './generate.ts';
import { type LocSite, localisableStrings, versionStem } from './translation-keys.ts';

export async function surveyStrings(dir: string, survey: string): Promise<LocSite[]> {
  const generators = await loadGenerators(dir, survey);
  if (!generators.questionnaires)
    throw new Error(`${dir}/${survey}/src/index.ts has no questionnaires generator`);
  const files = generators.questionnaires();
  const latest = new Map<string, [number, string]>();
  for (const name of Object.keys(files)) {
    const stem = versionStem(name);
    const n = Number(/\.v([0-9]+)\.json$/.exec(name)?.[1] ?? 0);
    if (stem && n > (latest.get(stem)?.[0] ?? 0)) latest.set(stem, [n, name]);
  }
  return [...latest].flatMap(([stem, [, name]]) => localisableStrings(stem, files[name]));
}
