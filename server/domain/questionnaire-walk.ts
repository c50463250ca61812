/**
 * Walks a SurveyJS questionnaire JSON (no Model): every question with its page, enclosing roster and the
 * conditions that decide whether it is asked. Shared by the check and the codebook.
 */
export type Json = Record<string, unknown>;

export interface QuestionNode {
  /** the element's `name` */
  name: string;
  /** the analysis variable: `valueName` when set, else `name` */
  variable: string;
  type: string;
  json: Json;
  page: string;
  /** variable of the enclosing dynamic panel / dynamic matrix (roster), or null at household level */
  roster: string | null;
  /** conditions from the page down to the question, outermost first */
  conditions: string[];
  /** JSON path, e.g. pages[2].elements[0].templateElements[3] */
  path: string;
}

const CONTAINERS = new Set(['panel', 'paneldynamic', 'matrixdynamic']);
export const NON_VALUE_TYPES = new Set(['html', 'image', 'panel']);

export function isLocString(v: unknown): v is Json & { default: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Json).default === 'string';
}

/** The Portuguese (default) text of a string or localisable string, or '' */
export const ptText = (v: unknown): string => (typeof v === 'string' ? v : isLocString(v) ? v.default : '');
export const langText = (v: unknown, lang: string): string =>
  typeof v === 'string' ? v : isLocString(v) ? String(v[lang] ?? v.default) : '';

export function walkQuestions(survey: Json): QuestionNode[] {
  const out: QuestionNode[] = [];
  const visit = (
    elements: unknown,
    page: string,
    roster: string | null,
    conditions: string[],
    path: string,
  ) => {
    if (!Array.isArray(elements)) return;
    elements.forEach((raw, i) => {
      const el = raw as Json;
      const type = String(el.type ?? '');
      const name = String(el.name ?? '');
      const here = `${path}[${i}]`;
      const own = typeof el.visibleIf === 'string' ? [...conditions, el.visibleIf] : conditions;
      if (type !== 'panel') {
        out.push({
          name,
          variable: String(el.valueName ?? name),
          type,
          json: el,
          page,
          roster,
          conditions: own,
          path: here,
        });
      }
      if (!CONTAINERS.has(type)) return;
      if (type === 'panel') visit(el.elements, page, roster, own, `${here}.elements`);
      if (type === 'paneldynamic') {
        const tv = typeof el.templateVisibleIf === 'string' ? [...own, el.templateVisibleIf] : own;
        visit(el.templateElements, page, String(el.valueName ?? name), tv, `${here}.templateElements`);
      }
      if (type === 'matrixdynamic')
        visit(
          (el.columns as Json[] | undefined)?.map((c) => ({ type: c.cellType ?? 'dropdown', ...c })),
          page,
          String(el.valueName ?? name),
          own,
          `${here}.columns`,
        );
    });
  };
  const pages = Array.isArray(survey.pages)
    ? (survey.pages as Json[])
    : [{ name: 'page1', elements: survey.elements }];
  pages.forEach((p, i) => {
    const cond = typeof p.visibleIf === 'string' ? [p.visibleIf] : [];
    visit(p.elements, String(p.name ?? `page${i + 1}`), null, cond, `pages[${i}].elements`);
  });
  return out;
}

/** Every localisable string in the JSON with a readable key (`<question>.<property>`). */
export function walkStrings(node: unknown, key = '', out: { key: string; value: Json }[] = []) {
  if (isLocString(node)) {
    out.push({ key, value: node });
    return out;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      const it = item as Json;
      const named = typeof it === 'object' && it !== null && typeof it.name === 'string';
      const tag = typeof it === 'object' && it !== null && 'value' in it ? String(it.value) : String(i);
      walkStrings(item, named ? String(it.name) : `${key}[${tag}]`, out);
    });
    return out;
  }
  if (typeof node === 'object' && node !== null)
    for (const [k, v] of Object.entries(node))
      if (k !== 'name' && k !== 'value') walkStrings(v, key ? `${key}.${k}` : k, out);
  return out;
}
