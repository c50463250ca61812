/**
 * Compiles a questionnaire version once into a plain validation plan for the fast path
 * (compiled-validation.ts): pages, questions, roster templates, choice lists, calculated values and
 * expression questions, with every condition and expression parsed once by survey-core's own
 * expression engine (ConditionRunner / ExpressionRunner) and every error text taken from survey-core's
 * own question and validator objects. The plan covers only the features the fast path emulates
 * exactly; a questionnaire using anything else (a property outside the list below, static panels,
 * matrices, triggers, validators other than expression validators, ...) gets no plan, and its
 * interviews go through survey-core itself (server/domain/answers-validation.ts), the reference.
 */
import {
  ConditionRunner,
  ExpressionRunner,
  type ExpressionValidator,
  type Model,
  type Question,
  QuestionPanelDynamicModel,
  QuestionSelectBase,
} from 'survey-core';
import { createValidationModel } from './answers-validation.ts';

/** True when an expression reads only `{panel.*}` (then a roster row's context can hold just that). */
export const panelOnly = (runner: ConditionRunner | ExpressionRunner | null): boolean =>
  !!runner &&
  !runner.hasFunction() &&
  runner.getVariables().every((v) => v.toLowerCase().startsWith('panel.'));

export interface PlanQuestion {
  /** survey-core's own question (the template question inside rosters): error texts come from it */
  source: Question;
  name: string;
  kind: 'input' | 'select' | 'multi' | 'computed' | 'roster';
  /** question index into plan pages (top level) */
  page: number;
  visibleIf: ConditionRunner | null;
  /** visibleIf reads only the row (`{panel.*}`), no function, no survey value */
  visibleIfPanelOnly: boolean;
  required: boolean;
  /** survey-core's requiredIf: when set, it decides `required` on the current values (row or survey) */
  requiredIf: ConditionRunner | null;
  readOnly: boolean;
  validators: Array<{ source: ExpressionValidator; runner: ConditionRunner; warning: boolean }>;
  /** choice values accepted (visible choices and choices), for select questions */
  choices: Set<unknown> | null;
  /** for expression questions */
  expression: ExpressionRunner | null;
  expressionPanelOnly: boolean;
  /** roster only */
  roster: {
    templateVisibleIf: ConditionRunner | null;
    templateVisibleIfPanelOnly: boolean;
    questions: PlanQuestion[];
    minPanelCount: number;
    maxPanelCount: number;
  } | null;
}

export interface ValidationPlan {
  pages: Array<{ visibleIf: ConditionRunner | null }>;
  /** top-level questions in survey-core's order (getAllQuestions) */
  questions: PlanQuestion[];
  groups: Map<string, PlanQuestion[]>;
  calculated: Array<{ name: string; runner: ExpressionRunner; intoResult: boolean }>;
  /** the value names that hold rosters (shared by all roster questions of the same name) */
  rosterNames: Set<string>;
}

/** Element properties the fast path reproduces; anything else sends the version to survey-core. */
const ELEMENT_KEYS = new Set([
  'type',
  'name',
  'title',
  'description',
  'isRequired',
  'requiredIf',
  'choices',
  'searchEnabled',
  'readOnly',
  'inputType',
  'validators',
  'visibleIf',
  'expression',
  'templateTitle',
  'minPanelCount',
  'maxPanelCount',
  'templateElements',
  'valueName',
  'templateVisibleIf',
  'allowAddPanel',
  'allowRemovePanel',
  'maxSelectedChoices',
  'elements',
  'requiredErrorText',
  'placeholder',
  // an html element's text: shown, never answered nor checked
  'html',
  // checked by defaultUnsupported
  'defaultValueExpression',
]);
const SURVEY_KEYS = new Set([
  'title',
  'description',
  'locale',
  'showQuestionNumbers',
  'checkErrorsMode',
  'calculatedValues',
  'pages',
]);
const TYPES = new Set([
  'text',
  'comment',
  'radiogroup',
  'dropdown',
  'checkbox',
  'tagbox',
  'expression',
  'html',
  'paneldynamic',
]);
// 'date' and 'time' without min or max: survey-core then checks them like plain text
const INPUT_TYPES = new Set([undefined, 'text', 'number', 'date', 'time', 'tel']);

type Json = Record<string, unknown>;

/**
 * A default value expression that reads no value (such as `today()`) fills the question only when the
 * model loads: the reference clears the model and sets the interview's answers, and survey-core then
 * leaves an absent answer absent (required, if the question is) and a given one as given, whatever the
 * default. So for validation such a default is no rule at all. Defaults that read other answers could
 * be re-run as those change, and defaults in roster rows fill new panels: those stay with survey-core.
 */
function defaultUnsupported(el: Json, inRoster: boolean): string | null {
  if (inRoster) return 'defaultValueExpression in a roster';
  const text = el.defaultValueExpression;
  if (typeof text !== 'string' || new ExpressionRunner(text).getVariables().length > 0)
    return 'defaultValueExpression';
  return null;
}

/** Why a definition gets no plan, or null when the fast path covers it. */
function unsupported(json: Json): string | null {
  for (const key of Object.keys(json)) if (!SURVEY_KEYS.has(key)) return `survey property ${key}`;
  const check = (el: Json, inRoster: boolean): string | null => {
    for (const key of Object.keys(el)) if (!ELEMENT_KEYS.has(key)) return `${String(el.name)}: ${key}`;
    if (el.defaultValueExpression !== undefined) {
      const why = defaultUnsupported(el, inRoster);
      if (why) return `${String(el.name)}: ${why}`;
    }
    if (!TYPES.has(String(el.type))) return `${String(el.name)}: type ${String(el.type)}`;
    if (el.type === 'text' && !INPUT_TYPES.has(el.inputType as string | undefined))
      return `${String(el.name)}: inputType ${String(el.inputType)}`;
    if (el.type === 'paneldynamic' && inRoster) return `${String(el.name)}: nested roster`;
    // requiredIf beside `isRequired: false` (as a questionnaire may declare it) is requiredIf alone: survey-core's
    // requiredIf sets isRequired (proved by the compiled-validation differential tests)
    if (
      el.requiredIf !== undefined &&
      (el.type === 'paneldynamic' || (el.isRequired !== undefined && el.isRequired !== false))
    )
      return `${String(el.name)}: requiredIf with a roster or isRequired`;
    for (const v of (el.validators as Json[] | undefined) ?? []) {
      if (v.type !== 'expression') return `${String(el.name)}: validator ${String(v.type)}`;
      for (const k of Object.keys(v))
        if (!['type', 'expression', 'text', 'notificationType'].includes(k))
          return `${String(el.name)}: validator ${k}`;
    }
    for (const c of (el.choices as unknown[] | undefined) ?? [])
      if (typeof c === 'object' && c !== null)
        for (const k of Object.keys(c))
          if (!['value', 'text'].includes(k)) return `${String(el.name)}: choice ${k}`;
    for (const child of (el.templateElements as Json[] | undefined) ?? []) {
      const why = check(child, true);
      if (why) return why;
    }
    return null;
  };
  for (const page of (json.pages as Json[] | undefined) ?? []) {
    for (const key of Object.keys(page))
      if (!['name', 'title', 'description', 'elements', 'visibleIf'].includes(key)) return `page ${key}`;
    for (const el of (page.elements as Json[] | undefined) ?? []) {
      if (el.type === 'panel') return `static panel ${String(el.name)}`;
      const why = check(el, false);
      if (why) return why;
    }
  }
  for (const c of (json.calculatedValues as Json[] | undefined) ?? [])
    for (const k of Object.keys(c))
      if (!['name', 'expression', 'includeIntoResult'].includes(k)) return `calculated value ${k}`;
  return null;
}

const condition = (text: string | undefined): ConditionRunner | null =>
  text ? new ConditionRunner(text) : null;

function planQuestion(q: Question, page: number, inRoster: boolean): PlanQuestion {
  const planned = planQuestionCore(q, page, inRoster);
  planned.expressionPanelOnly = panelOnly(planned.expression);
  return planned;
}

function planQuestionCore(q: Question, page: number, inRoster: boolean): PlanQuestion {
  const type = q.getType();
  const select = q instanceof QuestionSelectBase;
  const choices = select ? new Set<unknown>([...q.visibleChoices, ...q.choices].map((c) => c.value)) : null;
  const roster =
    q instanceof QuestionPanelDynamicModel && !inRoster
      ? {
          templateVisibleIf: condition(q.templateVisibleIf),
          templateVisibleIfPanelOnly: panelOnly(condition(q.templateVisibleIf)),
          questions: q.template.questions.map((t) => planQuestion(t, page, true)),
          minPanelCount: q.minPanelCount,
          maxPanelCount: q.maxPanelCount,
        }
      : null;
  return {
    source: q,
    name: q.getValueName(),
    kind: roster
      ? 'roster'
      : type === 'expression' || type === 'html'
        ? 'computed'
        : type === 'checkbox' || type === 'tagbox'
          ? 'multi'
          : select
            ? 'select'
            : 'input',
    page,
    visibleIf: condition(q.visibleIf),
    visibleIfPanelOnly: panelOnly(condition(q.visibleIf)),
    required: q.isRequired,
    requiredIf: condition(q.requiredIf),
    readOnly: q.readOnly,
    validators: (q.validators as ExpressionValidator[]).map((v) => ({
      source: v,
      runner: new ConditionRunner(v.expression),
      warning: v.notificationType === 'warning',
    })),
    choices,
    expression:
      type === 'expression'
        ? new ExpressionRunner((q as unknown as { expression: string }).expression)
        : null,
    expressionPanelOnly: false,
    roster,
  };
}

/**
 * The plan of a questionnaire version, or null when it uses something the fast path does not
 * reproduce. `model` is survey-core's model of the same definition (kept for the error texts).
 */
export function compileValidationPlan(
  json: object,
  model: Model = createValidationModel(json),
): ValidationPlan | null {
  if (unsupported(json as Json)) return null;
  const pages = model.pages.map((p) => ({ visibleIf: condition(p.visibleIf) }));
  const questions = model
    .getAllQuestions(false)
    .map((q) => planQuestion(q, model.pages.indexOf(q.page as never), false));
  const groups = new Map<string, PlanQuestion[]>();
  for (const q of questions) groups.set(q.name, [...(groups.get(q.name) ?? []), q]);
  return {
    pages,
    questions,
    groups,
    calculated: model.calculatedValues.map((c) => ({
      name: c.name,
      runner: new ExpressionRunner(c.expression),
      intoResult: c.includeIntoResult,
    })),
    rosterNames: new Set(questions.filter((q) => q.roster).map((q) => q.name)),
  };
}

export const whyNoPlan = (json: object): string | null => unsupported(json as Json);
