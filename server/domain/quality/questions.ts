/**
 * The question names of a questionnaire version, read from its SurveyJS JSON (nested panels and roster
 * templates included), so a review comment or a flag can be checked against the version answered.
 */
import type { Db } from '../../db/client.ts';
import { getVersion } from '../questionnaires.ts';

interface Element {
  name?: string;
  type?: string;
  elements?: Element[];
  templateElements?: Element[];
  columns?: Array<{ name?: string }>;
}

/** Every question name in a definition (panels are containers, not questions, but rosters are both). */
export function questionNames(definition: { pages?: Array<{ elements?: Element[] }> }): Set<string> {
  const names = new Set<string>();
  const walk = (els: Element[] | undefined) => {
    for (const e of els ?? []) {
      if (e.name && e.type !== 'panel' && e.type !== 'html') names.add(e.name);
      for (const c of e.columns ?? []) if (c.name) names.add(c.name);
      walk(e.elements);
      walk(e.templateElements);
    }
  };
  for (const page of definition.pages ?? []) walk(page.elements);
  return names;
}

const cache = new Map<string, Set<string>>();

export async function questionNamesOf(db: Pick<Db, 'query'>, id: string, version: number) {
  const key = `${id}@${version}`;
  let names = cache.get(key);
  if (!names) {
    const found = await getVersion(db as Db, id, version);
    names = found ? questionNames(JSON.parse(found.definition)) : new Set<string>();
    if (found) cache.set(key, names);
  }
  return names;
}
