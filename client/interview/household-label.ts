/**
 * How the tablet names a household on its cards and in the outbox: EA, dwelling and household from the
 * assignment, and the head's name, the first row of the survey's roster (its profile's `roster.variable`)
 * at the roster's first free-text question (the name), read from the questionnaire's JSON.
 */
import type { SurveyProfile } from '../../server/contract/survey-profile.ts';

type Element = {
  type?: string;
  name?: string;
  inputType?: string;
  elements?: Element[];
  templateElements?: Element[];
};

/** The roster's name question: the first free-text question of its row template (no recursion: a stack). */
function nameQuestion(json: Record<string, unknown>, roster: string): string | null {
  const stack: Element[] = [...((json.pages as Element[] | undefined) ?? [])];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    if (el.name === roster && el.templateElements) {
      const text = el.templateElements.find((t) => t.type === 'text' && (t.inputType ?? 'text') === 'text');
      return text?.name ?? null;
    }
    stack.push(...(el.elements ?? []), ...(el.templateElements ?? []));
  }
  return null;
}

export function headName(
  json: Record<string, unknown> | undefined,
  profile: SurveyProfile | undefined,
  answers: Record<string, unknown> | undefined,
): string | null {
  const roster = profile?.roster?.variable;
  if (!json || !roster || !answers) return null;
  const name = nameQuestion(json, roster);
  const rows = answers[roster];
  const first = Array.isArray(rows) ? (rows[0] as Record<string, unknown> | undefined) : undefined;
  const value = name ? first?.[name] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
