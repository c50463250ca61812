/**
 * Where the localisable strings of a SurveyJS questionnaire are, each under a stable key: `<stem>:<name>.<property>`
 * where `<stem>` is the file name without its version (`household`), `<name>` the nearest enclosing named element
 * (question, panel or page; the survey itself has none) and `<property>` the path below it, with choices tagged
 * by their code (`choices[98].text`) and other arrays by position inside that element (`validators[0].text`).
 * A question added or moved elsewhere changes no other key. Shared by the generator (which merges the
 * translation catalogues), the workbook export/import and the lock.
 */
export type Json = Record<string, unknown>;
export type LocString = Json & { default: string };

export interface LocSite {
  key: string;
  loc: LocString;
  /** name of the page the string is on ('' for survey-level strings) */
  page: string;
  /** nearest enclosing named element ('' for survey-level strings) */
  element: string;
  /** the property path below that element, e.g. `title`, `choices[1].text` */
  property: string;
}

export const isLocString = (v: unknown): v is LocString =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Json).default === 'string';

/** `household.v2.json` -> `household`; null for a name that is not a questionnaire version. */
export const versionStem = (file: string): string | null =>
  /^([a-z0-9-]+)\.v[1-9][0-9]*(\.json)?$/.exec(file)?.[1] ?? null;

/** Every localisable string of `json`, in document order. Two sites with the same key are an error. */
export function localisableStrings(stem: string, json: unknown): LocSite[] {
  const out: LocSite[] = [];
  const seen = new Set<string>();
  // An explicit stack (no recursion over user data): [node, element, property, page, depth-1 page list?]
  const stack: [unknown, string, string, string, boolean][] = [[json, '', '', '', false]];
  while (stack.length) {
    const [node, element, property, page, inPages] = stack.pop() as [
      unknown,
      string,
      string,
      string,
      boolean,
    ];
    if (isLocString(node)) {
      const key = `${stem}:${element}${element && property ? '.' : ''}${property}`;
      if (seen.has(key)) throw new Error(`two localisable strings share the key ${key}`);
      seen.add(key);
      out.push({ key, loc: node, page, element, property });
      continue;
    }
    const children: [unknown, string, string, string, boolean][] = [];
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        const obj = typeof item === 'object' && item !== null ? (item as Json) : null;
        if (obj && typeof obj.name === 'string') {
          const p = inPages ? obj.name : page;
          children.push([item, obj.name, '', p, false]);
        } else {
          const tag = obj && 'value' in obj ? String(obj.value) : String(i);
          children.push([item, element, `${property}[${tag}]`, page, false]);
        }
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'name' || k === 'value') continue;
        const top = element === '' && property === '' && k === 'pages';
        children.push([v, element, property ? `${property}.${k}` : k, page, top]);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}
