/**
 * The codebook of a questionnaire: for every variable its name, label (pt, en), type, value labels,
 * universe (its skip conditions in words), level (household or person) and module. Asked for
 * (`more`: the tables' fr and kea), a label and its values also carry the questionnaire's text in
 * those languages where it has one (no fallback here: the tables fall back to the source language).
 */
import { type Json, langText, ptText, walkQuestions } from './questionnaire-walk.ts';

/** The languages a codebook may carry beside pt and en (the table languages). */
export type MoreLang = 'fr' | 'kea';

export interface ValueLabel {
  code: string | number;
  pt: string;
  en: string;
  fr?: string;
  kea?: string;
}
export interface CodebookEntry {
  name: string;
  label_pt: string;
  label_en: string;
  /** The label in the languages asked for (`more`) that the questionnaire gives. */
  labels?: Partial<Record<MoreLang, string>>;
  type: string;
  /** household (the unit), person (the survey's roster of persons), or the unit of another roster / of the form */
  level: string;
  roster: string | null;
  module: string;
  values: ValueLabel[];
  /** numeric range and special codes, from the validators */
  range: string;
  /** the codes the validators accept outside the numeric range (don't know, refused, ...) */
  special: number[];
  universe: string;
  /** the raw conditions, for machines */
  conditions: string[];
  expression?: string;
}

const TYPES: Record<string, string> = {
  radiogroup: 'single',
  dropdown: 'single (searchable list)',
  checkbox: 'multi (array of codes)',
  tagbox: 'multi (searchable list, array of codes)',
  expression: 'calc (computed)',
  comment: 'text',
  boolean: 'boolean',
};

function typeOf(q: Json): string {
  const t = String(q.type);
  if (t === 'text') return q.inputType === 'number' ? 'int' : q.inputType === 'date' ? 'date' : 'text';
  return TYPES[t] ?? t;
}

/**
 * A title without the answers it pipes in (`Result of {panel.q01_name}` -> `Result of …`): a label names
 * no variable, so an export's labels never point at an identifier left out of it.
 */
const unpiped = (text: string): string => text.replace(/\{(?:panel\.)?[A-Za-z0-9_]+\}/g, '…');

/** A condition in words: `{panel.q05_age} >= 15 and {q10_consent} = 1` -> `q05_age (same person) ≥ 15 and q10_consent = 1 "Sim"`. */
export function inWords(expr: string, labels: Map<string, Map<string, string>>): string {
  return expr
    .replace(
      /\{panel\.(\w+)\}\s*(=|<>)\s*('?[\w-]+'?)/g,
      (_m, v, op, c) => `${v} (same person) ${op === '=' ? '=' : '≠'} ${c}${quoted(labels, v, c)}`,
    )
    .replace(
      /\{(\w+)\}\s*(=|<>)\s*('?[\w-]+'?)/g,
      (_m, v, op, c) => `${v} ${op === '=' ? '=' : '≠'} ${c}${quoted(labels, v, c)}`,
    )
    .replace(/\{panel\.(\w+)\}/g, '$1 (same person)')
    .replace(/\{(\w+)(\.length)?\}/g, (_m, v, len) => (len ? `number of ${v}` : v))
    .replace(/\s+anyof\s+/g, ' is one of ')
    .replace(/\s+noneof\s+/g, ' is none of ')
    .replace(/\s+notempty/g, ' is answered')
    .replace(/\s+empty/g, ' is unanswered')
    .replace(/>=/g, '≥')
    .replace(/<=/g, '≤')
    .replace(/<>/g, '≠');
}

function quoted(labels: Map<string, Map<string, string>>, variable: string, code: string): string {
  const text = labels.get(variable)?.get(code.replace(/'/g, ''));
  return text ? ` "${text}"` : '';
}

/** A numeric question's range and the codes its validator accepts outside it (don't know, refused, ...). */
interface Accepted {
  min: number | null;
  max: number | null;
  special: number[];
}

const NUMBER = '(-?\\d+(?:\\.\\d+)?)';

/**
 * What one validator expression accepts of the question `name` (written `{name}` or `{panel.name}`):
 * its bounds (`{x} >= 0`, `{x} <= 480`; `>` and `<` too) and the codes it allows by equality outside
 * them, wherever they stand: `({x} >= 0 and {x} <= 120) or {x} = -98` and
 * `{x} empty or {x} = -98 or ({x} >= 0 and {x} <= 480)` both declare -98. An equality without a bound
 * beside it declares nothing (it may be the only value allowed, not a code outside a range).
 */
export function acceptedBy(expression: string, name: string): Accepted | null {
  const self = `\\{(?:panel\\.)?${name.replace(/[^\w]/g, '')}\\}`;
  const bound = (ops: string) =>
    [...expression.matchAll(new RegExp(`${self}\\s*(${ops})\\s*${NUMBER}`, 'g'))].map((m) => Number(m[2]));
  const lows = bound('>=|>(?!=)');
  const highs = bound('<=|<(?![=>])');
  if (!lows.length && !highs.length) return null;
  const min = lows.length ? Math.min(...lows) : null;
  const max = highs.length ? Math.max(...highs) : null;
  const equal = [...expression.matchAll(new RegExp(`${self}\\s*==?\\s*${NUMBER}`, 'g'))].map((m) =>
    Number(m[1]),
  );
  const outside = (c: number) => (min !== null && c < min) || (max !== null && c > max);
  return { min, max, special: [...new Set(equal.filter(outside))] };
}

/**
 * The range and special codes of a numeric question: its first (error, not warning) validator that has
 * a bound. A choice question's codes are its choices (a validator there checks consistency).
 */
function acceptedOf(q: Json): Accepted | null {
  if (typeOf(q) !== 'int') return null;
  for (const v of (q.validators as Json[] | undefined) ?? []) {
    if (typeof v.expression !== 'string' || v.notificationType === 'warning') continue;
    const a = acceptedBy(v.expression, String(q.name ?? ''));
    if (a) return a;
  }
  return null;
}

/** The codes a numeric question's validator accepts besides its range. */
function specialOf(q: Json): number[] {
  return acceptedOf(q)?.special ?? [];
}

function rangeOf(q: Json): string {
  const a = acceptedOf(q);
  if (!a || a.min === null || a.max === null) return '';
  return `${a.min}..${a.max}${a.special.length ? `; special codes ${a.special.join(', ')}` : ''}`;
}

/**
 * The codebook of a questionnaire JSON; `personRoster` is the survey's roster of persons (its profile's
 * `roster.variable`), whose variables are at person level.
 */
export function buildCodebook(
  survey: Json,
  topLevel = 'household',
  personRoster: string | null = null,
  more: readonly MoreLang[] = [],
): CodebookEntry[] {
  // a text's own translations in `more` (none made up: a language it lacks is left out)
  const inMore = (v: unknown, clean: (s: string) => string = (s) => s): Partial<Record<MoreLang, string>> => {
    const out: Partial<Record<MoreLang, string>> = {};
    if (!v || typeof v !== 'object') return out;
    for (const l of more) {
      const text = (v as Record<string, unknown>)[l];
      if (typeof text === 'string' && text) out[l] = clean(text);
    }
    return out;
  };
  const nodes = walkQuestions(survey);
  const labels = new Map<string, Map<string, string>>();
  for (const q of nodes)
    if (Array.isArray(q.json.choices))
      labels.set(
        q.variable,
        new Map((q.json.choices as Json[]).map((c) => [String(c.value), ptText(c.text)])),
      );
  const pages = new Map(
    ((survey.pages as Json[]) ?? []).map((p) => [String(p.name), ptText(p.title) || String(p.name)]),
  );
  const entries: CodebookEntry[] = [];
  const seen = new Set<string>();
  for (const q of nodes) {
    if (q.type === 'html' || q.type === 'paneldynamic' || seen.has(q.variable)) continue;
    seen.add(q.variable);
    const choices = (q.json.choices as Json[] | undefined) ?? [];
    entries.push({
      name: q.variable,
      label_pt: unpiped(ptText(q.json.title)) || q.name,
      label_en: unpiped(langText(q.json.title, 'en')) || q.name,
      ...(more.length ? { labels: inMore(q.json.title, unpiped) } : {}),
      type: typeOf(q.json),
      level: q.roster ? (q.roster === personRoster ? 'person' : `${q.roster} row`) : topLevel,
      roster: q.roster,
      module: pages.get(q.page) ?? q.page,
      values: choices.map((c) => ({
        code: c.value as string | number,
        pt: ptText(c.text),
        en: langText(c.text, 'en'),
        ...inMore(c.text),
      })),
      range: rangeOf(q.json),
      special: specialOf(q.json),
      universe: q.conditions.length
        ? q.conditions.map((c) => `(${inWords(c, labels)})`).join(' and ')
        : 'all',
      conditions: q.conditions,
      ...(typeof q.json.expression === 'string' ? { expression: q.json.expression } : {}),
    });
  }
  for (const c of (survey.calculatedValues as Json[] | undefined) ?? [])
    entries.push({
      name: String(c.name),
      label_pt: String(c.name),
      label_en: String(c.name),
      type: 'calc (computed)',
      level: topLevel,
      roster: null,
      module: '(calculated values)',
      values: [],
      range: '',
      special: [],
      universe: 'all',
      conditions: [],
      expression: String(c.expression),
    });
  return entries;
}
