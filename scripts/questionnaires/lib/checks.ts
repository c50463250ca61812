/**
 * The checks one questionnaire file must pass: parses, loads in survey-core headless, valid against
 * SurveyJS's JSON schema (survey-core/surveyjs_definition.json) and its serializer, known element types
 * (any survey-core knows: the tablet's build keeps those the survey folders use),
 * unique snake_case names, expressions naming existing variables, stable unique choice codes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { ConditionsParser, JsonObject, JsonUnknownPropertyError, Model, Serializer } from 'survey-core';
import { type Json, type QuestionNode, walkQuestions } from '../../../server/domain/questionnaire-walk.ts';

export interface Problem {
  file: string;
  question: string;
  reason: string;
}

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
const EXPRESSION_KEYS = [
  'visibleIf',
  'enableIf',
  'requiredIf',
  'templateVisibleIf',
  'expression',
  'choicesVisibleIf',
];

let schemaValidator: ValidateFunction | null = null;
function schema(): ValidateFunction {
  if (!schemaValidator) {
    const require = createRequire(import.meta.url);
    const file = join(dirname(require.resolve('survey-core')), 'surveyjs_definition.json');
    const definition = JSON.parse(readFileSync(file, 'utf8')) as object;
    schemaValidator = new Ajv({ allErrors: true, strict: false }).compile(definition);
  }
  return schemaValidator;
}

/** The question a JSON pointer (/pages/2/elements/0/...) falls in. */
function questionAt(json: Json, pointer: string): string {
  let node: unknown = json;
  let name = '(survey)';
  for (const part of pointer.split('/').filter(Boolean)) {
    node = (node as Record<string, unknown> | undefined)?.[part];
    const n = (node as Json | undefined)?.name;
    if (typeof n === 'string' && typeof node === 'object' && !Array.isArray(node)) name = n;
  }
  return name;
}

export function checkQuestionnaire(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  const add = (question: string, reason: string) => {
    if (!problems.some((p) => p.question === question && p.reason === reason))
      problems.push({ file, question, reason });
  };
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch (e) {
    add('(file)', `invalid JSON: ${(e as Error).message}`);
    return problems;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    add('(file)', 'not a SurveyJS survey object');
    return problems;
  }
  const validate = schema();
  if (!validate(json))
    for (const e of validate.errors ?? [])
      add(questionAt(json, e.instancePath), `schema: ${e.instancePath} ${e.message}`);
  const nodes = walkQuestions(json);
  for (const q of nodes) {
    const cls = Serializer.findClass(q.type);
    if (!cls) add(q.name || q.path, `unknown question type "${q.type}"`);
  }
  const jo = new JsonObject();
  let model: Model | null = null;
  try {
    model = new Model(json);
    jo.toObject(json, new Model());
  } catch (e) {
    add('(survey)', `does not load in survey-core: ${(e as Error).message}`);
  }
  for (const e of jo.errors)
    if (e instanceof JsonUnknownPropertyError)
      add(
        String((e.element as { name?: string } | undefined)?.name ?? '(survey)'),
        `unknown property "${e.propertyName}"`,
      );
  checkNames(nodes, add);
  checkChoices(nodes, add);
  checkExpressions(json, nodes, model, add);
  return problems;
}

type Add = (question: string, reason: string) => void;

function checkNames(nodes: QuestionNode[], add: Add): void {
  const seen = new Map<string, QuestionNode>();
  for (const q of nodes) {
    if (!q.name) {
      add(q.path, 'question without a name');
      continue;
    }
    if (!SNAKE.test(q.name))
      add(q.name, 'name is not snake_case (lower-case letters, digits, single underscores)');
    const other = seen.get(q.name);
    if (other) add(q.name, `duplicate name (also at ${other.path})`);
    else seen.set(q.name, q);
  }
}

function checkChoices(nodes: QuestionNode[], add: Add): void {
  for (const q of nodes) {
    if (!Array.isArray(q.json.choices)) continue;
    const codes = new Set<string>();
    for (const c of q.json.choices as unknown[]) {
      const value = typeof c === 'object' && c !== null ? (c as Json).value : c;
      const code = String(value);
      if (
        !(typeof value === 'number' && Number.isInteger(value)) &&
        !(typeof value === 'string' && CODE.test(value))
      )
        add(q.name, `choice value ${JSON.stringify(value)} is not a stable code (integer or short code)`);
      if (codes.has(code)) add(q.name, `duplicate choice code ${code}`);
      codes.add(code);
    }
  }
}

function expressionsOf(el: Json): string[] {
  const out = EXPRESSION_KEYS.map((k) => el[k]).filter((v): v is string => typeof v === 'string');
  for (const v of (el.validators as Json[] | undefined) ?? [])
    if (typeof v.expression === 'string') out.push(v.expression);
  return out;
}

function checkExpressions(json: Json, nodes: QuestionNode[], model: Model | null, add: Add): void {
  const top = new Set(nodes.filter((q) => !q.roster).map((q) => q.variable));
  const calculated = ((json.calculatedValues as Json[] | undefined) ?? []).map((c) => String(c.name));
  for (const c of calculated) top.add(c);
  const inRoster = new Map<string, Set<string>>();
  for (const q of nodes)
    if (q.roster) inRoster.set(q.roster, (inRoster.get(q.roster) ?? new Set()).add(q.variable));
  const parentOf = new Map<string, string>();
  for (const q of nodes)
    if (q.roster && (q.type === 'paneldynamic' || q.type === 'matrixdynamic'))
      parentOf.set(q.variable, q.roster);
  const parser = new ConditionsParser();
  const known = (v: string, roster: string | null): boolean => {
    const [head, ...rest] = v.split('.');
    const base = head.replace(/\[.*$/, '');
    // SurveyJS's own variables inside a dynamic panel: the row's position
    if (roster !== null && (base === 'panelIndex' || base === 'visiblePanelIndex')) return true;
    if (base === 'panel')
      return roster !== null && (inRoster.get(roster)?.has(rest[0].replace(/\[.*$/, '')) ?? false);
    // a roster inside a roster's row reaches the enclosing row as `{parentPanel.x}`
    if (base === 'parentPanel') {
      const parent = roster === null ? null : (parentOf.get(roster) ?? null);
      return parent !== null && (inRoster.get(parent)?.has(rest[0].replace(/\[.*$/, '')) ?? false);
    }
    return top.has(base) || (roster !== null && inRoster.get(roster)?.has(base) === true);
  };
  const scan = (owner: string, roster: string | null, expr: string) => {
    const op = parser.parseExpression(expr);
    if (!op) return add(owner, `expression does not parse: ${expr}`);
    const vars: string[] = [];
    op.setVariables(vars);
    for (const v of vars)
      if (!known(v, roster)) add(owner, `expression names a missing question "${v}": ${expr}`);
  };
  for (const q of nodes) {
    const roster = q.type === 'paneldynamic' || q.type === 'matrixdynamic' ? q.variable : q.roster;
    for (const e of expressionsOf(q.json))
      scan(q.name, q.type === 'paneldynamic' && e === q.json.templateVisibleIf ? roster : q.roster, e);
  }
  for (const p of (json.pages as Json[] | undefined) ?? [])
    if (typeof p.visibleIf === 'string') scan(String(p.name), null, p.visibleIf);
  for (const c of (json.calculatedValues as Json[] | undefined) ?? [])
    if (typeof c.expression === 'string') scan(String(c.name), null, c.expression);
  // survey-core's own linter; `{panel.x}` of a roster shown on several pages (shared valueName) is resolved above
  for (const r of model?.validateExpressions() ?? []) {
    const owner = String((r.obj as { name?: string } | undefined)?.name ?? '(survey)');
    for (const e of r.errors) {
      const v = (e as { variableName?: string }).variableName;
      const q = nodes.find((n) => n.name === owner);
      if (v && known(v, q?.type === 'paneldynamic' ? q.variable : (q?.roster ?? null))) continue;
      add(
        owner,
        `survey-core validateExpressions: ${v ? `unknown variable "${v}"` : 'invalid expression'} in ${r.propertyName}`,
      );
    }
  }
}
