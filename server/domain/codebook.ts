/**
 * The codebook of a questionnaire: for every variable its name, label (pt, en), type, value labels,
 * universe (its skip conditions in words), level (household or person) and module.
 */
import { type Json, langText, ptText, walkQuestions } from './questionnaire-walk.ts';

export interface ValueLabel {
  code: string | number;
  pt: string;
  en: string;
}
export interface CodebookEntry {
  name: string;
  label_pt: string;
  label_en: string;
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

/** The codes an integer question's validator accepts besides its range (`(range) or {x} = -98 or ...`). */
function specialOf(q: Json): number[] {
  for (const v of (q.validators as Json[] | undefined) ?? []) {
    const m = typeof v.expression === 'string' && v.expression.match(/<= -?\d+\)(.*)$/);
    if (m) return [...m[1].matchAll(/= (-?\d+)/g)].map((s) => Number(s[1]));
  }
  return [];
}

function rangeOf(q: Json): string {
  for (const v of (q.validators as Json[] | undefined) ?? []) {
    const m =
      typeof v.expression === 'string' && v.expression.match(/>= (-?\d+) and \{[\w.]+\} <= (-?\d+)\)(.*)$/);
    if (m) {
      const special = [...m[3].matchAll(/= (-\d+)/g)].map((s) => s[1]);
      return `${m[1]}..${m[2]}${special.length ? `; special codes ${special.join(', ')} (-98 don't know, -99 refused)` : ''}`;
    }
  }
  return '';
}

/**
 * The codebook of a questionnaire JSON; `personRoster` is the survey's roster of persons (its profile's
 * `roster.variable`), whose variables are at person level.
 */
export function buildCodebook(
  survey: Json,
  topLevel = 'household',
  personRoster: string | null = null,
): CodebookEntry[] {
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
      type: typeOf(q.json),
      level: q.roster ? (q.roster === personRoster ? 'person' : `${q.roster} row`) : topLevel,
      roster: q.roster,
      module: pages.get(q.page) ?? q.page,
      values: choices.map((c) => ({
        code: c.value as string | number,
        pt: ptText(c.text),
        en: langText(c.text, 'en'),
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
