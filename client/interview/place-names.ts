/**
 * Names for what an assignment gives as codes, taken from the survey folder: a municipality's name is the
 * text of its code among the choices of the questionnaire question the profile preloads from
 * "municipality" (likewise "island"), and the enumeration area is called what the profile's
 * `unit.cluster` calls it, the questionnaire's own term, in the app language.
 */
import type { SurveyProfile } from '../../server/contract/survey-profile.ts';

type Element = {
  name?: string;
  choices?: Array<{ value: unknown; text?: string | Record<string, string> } | string | number>;
  elements?: Element[];
};

function question(json: Record<string, unknown>, name: string): Element | null {
  const stack: Element[] = [...((json.pages as Element[] | undefined) ?? [])];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    if (el.name === name && el.choices) return el;
    stack.push(...(el.elements ?? []));
  }
  return null;
}

/** The name of a preloaded code ("CV-RG" -> "Ribeira Grande"), or the code when the survey names none. */
export function placeName(
  json: Record<string, unknown> | undefined,
  profile: SurveyProfile | undefined,
  source: 'municipality' | 'island',
  code: string,
  lang: string,
): string {
  const item = profile?.preload.find((p) => p.from === source)?.item;
  const q = json && item ? question(json, item) : null;
  for (const c of q?.choices ?? []) {
    if (typeof c !== 'object' || String(c.value) !== code) continue;
    if (typeof c.text === 'string') return c.text;
    if (c.text) return c.text[lang] ?? c.text.default ?? code;
  }
  return code;
}

/** The survey's own term for the enumeration area in the app language, else the app's fallback. */
export function clusterTerm(profile: SurveyProfile | undefined, lang: string, fallback: string): string {
  const label = profile?.unit.cluster;
  return label?.[lang] ?? fallback;
}
