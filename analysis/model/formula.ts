/**
 * Model formulas in R's notation, parsed without recursion: `y ~ a + b * c + x:f - 1 + offset(log(n))`.
 * The response is a column or an indicator `I(col == value)`; predictors are columns, `factor(col)`
 * (treat a numeric column as categorical), `*` (main effects and interaction) and `:` (interaction
 * only). Terms are ordered as R's terms.formula orders them: by degree, then by first appearance, and
 * each term's variables in the order they first appear in the formula.
 */
import { SurveyError } from '../errors.ts';

/** The response: a column, or the indicator of one of its values (R `I(col == value)`). */
export interface FormulaResponse {
  name: string;
  /** With `I(col == value)`: the value that codes 1 (everything else non-missing codes 0). */
  equals?: string;
  /** The response as written. */
  label: string;
}

export interface FormulaVariable {
  name: string;
  /** Written as `factor(name)`: categorical even when the column is numeric. */
  factor: boolean;
}

export interface ParsedFormula {
  response: FormulaResponse;
  /** Predictor variables in order of first appearance. */
  variables: FormulaVariable[];
  /** Terms as indices into `variables` (sorted by the variables' order), R's term order. */
  terms: number[][];
  intercept: boolean;
  /** Offset columns: `offset(col)` or `offset(log(col))`. */
  offsets: { name: string; log: boolean }[];
  /** Formula as written. */
  text: string;
}

const NAME = /^(`[^`]+`|[A-Za-z.][A-Za-z0-9._]*)$/;

function bad(formula: string, why: string): never {
  throw new SurveyError(`formula '${formula}': ${why}`, 'formula');
}

function unquote(name: string): string {
  return name.startsWith('`') ? name.slice(1, -1) : name;
}

/** Splits on a separator at parenthesis depth 0 (no recursion: a depth counter). */
function splitTop(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && ch === sep) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

function parseResponse(formula: string, lhs: string): FormulaResponse {
  const m = /^I\(\s*(`[^`]+`|[A-Za-z.][A-Za-z0-9._]*)\s*==\s*("[^"]*"|'[^']*'|[-+]?[0-9.eE+-]+)\s*\)$/.exec(
    lhs,
  );
  if (m) {
    const v = m[2];
    const value = v.startsWith('"') || v.startsWith("'") ? v.slice(1, -1) : String(Number(v));
    return { name: unquote(m[1]), equals: value, label: lhs };
  }
  if (!NAME.test(lhs)) bad(formula, `the response '${lhs}' must be a column name or I(column == value).`);
  return { name: unquote(lhs), label: lhs };
}

/** Parses an R model formula. */
export function parseFormula(formula: string): ParsedFormula {
  const text = formula.trim();
  const sides = splitTop(text, '~');
  if (sides.length !== 2 || sides[0] === '' || sides[1] === '')
    bad(text, 'write it as outcome ~ predictors, e.g. "y ~ age + factor(sex)".');
  const response = parseResponse(text, sides[0]);
  // "+" and "-" at depth 0: turn "a - 1" into "a + -1".
  const rhs = sides[1].replace(/-\s*(0|1)\b/g, '+ -$1');
  const variables: FormulaVariable[] = [];
  const indexOf = new Map<string, number>();
  const offsets: ParsedFormula['offsets'] = [];
  const raw: number[][] = [];
  let intercept = true;
  const variable = (atom: string): number => {
    let name = atom;
    let factor = false;
    const f = /^factor\(\s*(.+?)\s*\)$/.exec(atom);
    if (f) {
      name = f[1];
      factor = true;
    }
    if (!NAME.test(name))
      bad(
        text,
        `'${atom}' is not a column name (allowed: col, factor(col), a*b, a:b, offset(col), offset(log(col))).`,
      );
    name = unquote(name);
    if (name === response.name) bad(text, `'${name}' is both the outcome and a predictor.`);
    const key = `${factor ? 'factor:' : ''}${name}`;
    let k = indexOf.get(key);
    if (k === undefined) {
      k = variables.length;
      indexOf.set(key, k);
      variables.push({ name, factor });
    }
    return k;
  };
  for (const part of splitTop(rhs, '+')) {
    if (part === '') bad(text, 'an empty term (two "+" in a row?).');
    if (part === '1') continue;
    if (part === '-1' || part === '0' || part === '-0') {
      intercept = false;
      continue;
    }
    const off = /^offset\(\s*(log\(\s*(.+?)\s*\)|.+?)\s*\)$/.exec(part);
    if (off) {
      const name = unquote(off[2] ?? off[1]);
      if (!NAME.test(off[2] ?? off[1]))
        bad(text, `offset '${part}' must be offset(col) or offset(log(col)).`);
      offsets.push({ name, log: off[2] !== undefined });
      continue;
    }
    const star = splitTop(part, '*');
    if (star.length > 1) {
      // a*b*c: every non-empty subset of the factors, as R expands it
      const groups = star.map((s) => splitTop(s, ':').map(variable));
      for (let mask = 1; mask < 1 << groups.length; mask++) {
        const t: number[] = [];
        groups.forEach((g, j) => {
          if (mask & (1 << j)) t.push(...g);
        });
        raw.push(t);
      }
    } else raw.push(splitTop(part, ':').map(variable));
  }
  // Unique terms (a set of variables), then R's order: by degree, stable by first appearance.
  const seen = new Set<string>();
  const terms: number[][] = [];
  for (const t of raw) {
    const sorted = [...new Set(t)].sort((a, b) => a - b);
    const key = sorted.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(sorted);
  }
  const order = terms.map((_, i) => i).sort((a, b) => terms[a].length - terms[b].length || a - b);
  return { response, variables, terms: order.map((i) => terms[i]), intercept, offsets, text };
}

/** R's label of a term: its variables joined by ':' (factor(x) written as such). */
export function termLabel(f: ParsedFormula, term: readonly number[]): string {
  return term
    .map((k) => (f.variables[k].factor ? `factor(${f.variables[k].name})` : f.variables[k].name))
    .join(':');
}
