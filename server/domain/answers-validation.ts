/**
 * Headless, cascade-aware validation of one interview's answers against its questionnaire (survey-core only).
 * Beyond survey-core's own `validate()` it flags what the library silently accepts or drops:
 * answers to questions that are hidden by skip logic (also in roster rows and in hidden roster panels,
 * repeated until nothing changes, so a hidden answer cannot keep a dependent question visible), keys that
 * match no question, and choice codes that are not in the question's list. Warnings (validators with
 * `notificationType: "warning"`) are reported separately and never make a response invalid.
 * See docs/stack-notes.md section 2. Build one Model per questionnaire version with
 * `createValidationModel` and reuse it: setting `survey.data` replaces every value.
 */
import 'survey-core/i18n/portuguese';
import {
  Model,
  type PanelModel,
  type Question,
  QuestionMatrixDynamicModel,
  QuestionPanelDynamicModel,
  QuestionSelectBase,
  type SurveyError,
} from 'survey-core';

export interface AnswerError {
  path: string;
  type: string;
  text: string;
}
export type FlagReason = 'answered-but-hidden' | 'unknown-question' | 'choice-not-in-list';
export interface AnswerFlag {
  path: string;
  reason: FlagReason;
}
export interface AnswerWarning {
  path: string;
  text: string;
}
export interface AnswersValidation {
  /** valid and nothing flagged */
  ok: boolean;
  /** survey-core's verdict (required, validators) on the answers left after removing hidden ones */
  valid: boolean;
  errors: AnswerError[];
  flagged: AnswerFlag[];
  warnings: AnswerWarning[];
  /** the answers without hidden answers: what the interview would hold had the skips been respected */
  cleaned: Record<string, unknown>;
}

type Row = Record<string, unknown>;

/** Build a Model for validation: no DOM, errors in the questionnaire's locale, hidden values kept. */
export function createValidationModel(json: object): Model {
  const survey = new Model(json);
  survey.clearInvisibleValues = 'none';
  survey.checkErrorsMode = 'onComplete';
  return survey;
}

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

const visibleNow = (q: Question): boolean =>
  q.isVisible && q.isParentVisible && (!q.page || q.page.isVisible);

/** Expression questions hold computed values: never "answered" by anyone. */
const isComputed = (q: Question): boolean => q.getType() === 'expression' || q.getType() === 'html';

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

function allowedChoiceValues(q: QuestionSelectBase): Set<unknown> | null {
  if (q.choicesByUrl?.url) return null;
  const values = new Set<unknown>();
  for (const item of q.visibleChoices) values.add(item.value);
  for (const item of q.choices) values.add(item.value);
  return values;
}

function checkChoice(q: Question, raw: unknown, path: string, flagged: AnswerFlag[]): void {
  if (!(q instanceof QuestionSelectBase) || isEmpty(raw)) return;
  const allowed = allowedChoiceValues(q);
  if (!allowed) return;
  const given = Array.isArray(raw) ? raw : [raw];
  if (given.some((v) => !allowed.has(v))) flagged.push({ path, reason: 'choice-not-in-list' });
}

/** Questions sharing a top-level value name (a roster shown on several pages shares `valueName`). */
function groupByValueName(survey: Model): Map<string, Question[]> {
  const groups = new Map<string, Question[]>();
  for (const q of survey.getAllQuestions(false)) {
    const key = q.getValueName();
    groups.set(key, [...(groups.get(key) ?? []), q]);
  }
  return groups;
}

function rowQuestions(q: Question): Question[] {
  if (q instanceof QuestionPanelDynamicModel) return q.template.questions;
  if (q instanceof QuestionMatrixDynamicModel) return q.columns.map((c) => c.templateQuestion);
  return [];
}

/** Unknown keys at the top level and inside roster rows; choice codes outside the list. */
function checkRawAnswers(survey: Model, answers: Row, flagged: AnswerFlag[]): void {
  const groups = groupByValueName(survey);
  for (const [key, raw] of Object.entries(answers)) {
    const base = key.endsWith('-Comment') ? key.slice(0, -'-Comment'.length) : key;
    const group = groups.get(base) ?? survey.calculatedValues.some((c) => c.name === key);
    if (!group) {
      flagged.push({ path: key, reason: 'unknown-question' });
      continue;
    }
    if (group === true || base !== key) continue;
    for (const q of group) checkChoice(q, raw, key, flagged);
    const nested = group.flatMap(rowQuestions);
    if (nested.length === 0 || !Array.isArray(raw)) continue;
    const byName = new Map(nested.map((nq) => [nq.getValueName(), nq]));
    raw.forEach((row, r) => {
      if (!isRow(row)) return;
      for (const [name, value] of Object.entries(row)) {
        const nBase = name.endsWith('-Comment') ? name.slice(0, -'-Comment'.length) : name;
        const nq = byName.get(nBase);
        if (!nq) flagged.push({ path: `${key}[${r}].${name}`, reason: 'unknown-question' });
        else if (nBase === name) checkChoice(nq, value, `${key}[${r}].${name}`, flagged);
      }
    });
  }
}

function clearNested(q: Question, flagged: AnswerFlag[], containerVisible: boolean): boolean {
  let changed = false;
  const name = q.getValueName();
  if (q instanceof QuestionPanelDynamicModel) {
    q.panels.forEach((panel: PanelModel, r: number) => {
      for (const pq of panel.questions) {
        if (isComputed(pq) || isEmpty(pq.value)) continue;
        if (containerVisible && panel.isVisible && pq.isVisible && pq.isParentVisible) continue;
        flagged.push({ path: `${name}[${r}].${pq.getValueName()}`, reason: 'answered-but-hidden' });
        pq.clearValue();
        changed = true;
      }
    });
  } else if (q instanceof QuestionMatrixDynamicModel) {
    q.visibleRows.forEach((row, r) => {
      for (const cell of row.cells) {
        const cq = cell.question;
        if (isComputed(cq) || isEmpty(cq.value) || (containerVisible && cq.isVisible)) continue;
        flagged.push({ path: `${name}[${r}].${cell.column.name}`, reason: 'answered-but-hidden' });
        cq.clearValue();
        changed = true;
      }
    });
  }
  return changed;
}

/** A roster counts as answered when any non-computed question in any row holds a value. */
function hasAnswers(q: Question): boolean {
  if (q instanceof QuestionPanelDynamicModel)
    return q.panels.some((p) => p.questions.some((pq) => !isComputed(pq) && !isEmpty(pq.value)));
  if (q instanceof QuestionMatrixDynamicModel)
    return q.visibleRows.some((row) =>
      row.cells.some((c) => !isComputed(c.question) && !isEmpty(c.question.value)),
    );
  return !isEmpty(q.value);
}

/** Remove answers to hidden questions, repeating until stable (a hidden answer can keep others visible). */
function stripHiddenAnswers(survey: Model, flagged: AnswerFlag[]): void {
  const groups = groupByValueName(survey);
  for (let pass = 0; pass < 25; pass++) {
    let changed = false;
    for (const q of survey.getAllQuestions(false)) {
      if (isComputed(q) || !hasAnswers(q)) continue;
      const visible = visibleNow(q);
      const roster = q instanceof QuestionPanelDynamicModel || q instanceof QuestionMatrixDynamicModel;
      if (roster) {
        const shared = (groups.get(q.getValueName()) ?? []).some((o) => o !== q && visibleNow(o));
        if (visible || shared) {
          changed = clearNested(q, flagged, visible) || changed;
          continue;
        }
      }
      if (visible) continue;
      if (!flagged.some((f) => f.path === q.getValueName())) {
        flagged.push({ path: q.getValueName(), reason: 'answered-but-hidden' });
        changed = true;
      }
      survey.clearValue(q.getValueName());
    }
    if (!changed) return;
  }
}

function collectErrors(survey: Model): { errors: AnswerError[]; warnings: AnswerWarning[] } {
  const errors: AnswerError[] = [];
  const warnings: AnswerWarning[] = [];
  const push = (path: string, list: SurveyError[]) => {
    for (const e of list) {
      if (e.isWarning || e.isInfo) warnings.push({ path, text: e.getText() });
      else errors.push({ path, type: e.getErrorType(), text: e.getText() });
    }
  };
  // an explicit stack (no recursion): a roster inside a roster's row (households inside a dwelling) is
  // walked like a top-level one, its paths prefixed with the row's
  const stack: Array<[Question, string]> = survey
    .getAllQuestions(true)
    .map((q) => [q, q.getValueName()] as [Question, string])
    .reverse();
  while (stack.length) {
    const [q, path] = stack.pop() as [Question, string];
    push(path, q.errors);
    if (q instanceof QuestionPanelDynamicModel)
      q.panels.forEach((p, r) => {
        if (!p.isVisible) return;
        for (const pq of p.questions) {
          const at = `${path}[${r}].${pq.getValueName()}`;
          if (pq instanceof QuestionPanelDynamicModel && pq.isVisible) stack.push([pq, at]);
          else push(at, pq.errors);
        }
      });
    if (q instanceof QuestionMatrixDynamicModel)
      q.visibleRows.forEach((row, r) => {
        for (const c of row.cells) push(`${path}[${r}].${c.column.name}`, c.question.errors);
      });
  }
  return { errors, warnings };
}

/**
 * Validate answers against a questionnaire (a Model from `createValidationModel`, or its JSON).
 * Example: `validateAnswers(model, { q10_consent: 1, q11_residents: 40 })` gives errors at `q11_residents`.
 */
export function validateAnswers(model: Model | object, answers: Record<string, unknown>): AnswersValidation {
  const survey = model instanceof Model ? model : createValidationModel(model);
  const flagged: AnswerFlag[] = [];
  // a reused model keeps the previous interview's roster panels unless it is emptied first
  survey.clear(true, true);
  // and its rosters' row panels too: a roster inside a row (households in a dwelling) keeps its old
  // panels when the new answers leave it empty
  for (const q of survey.getAllQuestions(false)) if (q instanceof QuestionPanelDynamicModel) q.panelCount = 0;
  survey.data = structuredClone(answers);
  checkRawAnswers(survey, answers, flagged);
  stripHiddenAnswers(survey, flagged);
  const cleaned = survey.data as Record<string, unknown>;
  if (flagged.length > 0) survey.data = structuredClone(cleaned);
  const valid = survey.validate(true, false);
  const { errors, warnings } = collectErrors(survey);
  flagged.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ok: valid && flagged.length === 0, valid, errors, flagged, warnings, cleaned };
}
