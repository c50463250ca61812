/**
 * The fast validation path: runs a compiled plan (validation-plan.ts) over one interview's answers and
 * returns exactly what survey-core's path (answers-validation.ts, the reference) returns: the same
 * errors, flags and warnings, in the same order. It replays the reference step by step on plain
 * objects instead of survey-core's question and panel objects: unknown keys and choices outside the
 * list on the raw answers, then hidden answers removed question by question in survey-core's order
 * (re-evaluating computed values and visibility after each removal), then required answers and
 * expression validators on what is visible. Conditions and expressions are evaluated by survey-core's
 * own engine. Answers whose shape the plan does not reproduce (a roster that is not a list of rows, a
 * list where one value belongs, more rows than the roster allows) return null: the caller then uses
 * the reference path, so the verdict never depends on which path ran.
 * Identity is proven by tests/server/domain/compiled-validation.test.ts on simulated interviews.
 */
import { AnswerRequiredError, Helpers } from 'survey-core';
import type { AnswerError, AnswerFlag, AnswerWarning } from './answers-validation.ts';
import type { PlanQuestion, ValidationPlan } from './validation-plan.ts';

type Row = Record<string, unknown>;

export interface FastVerdict {
  errors: AnswerError[];
  flagged: AnswerFlag[];
  warnings: AnswerWarning[];
}

/** The reference's own notion of "answered" (answers-validation.ts). */
const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
/** survey-core's Question.isEmpty (strings trimmed). */
const coreEmpty = (v: unknown): boolean => Helpers.isValueEmpty(typeof v === 'string' ? v.trim() : v);
const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPlain = (v: unknown): boolean => v === null || typeof v !== 'object';
const PROPERTIES = {};
/** survey-core's equality for "did the value change" (identical values are equal without asking). */
const same = (a: unknown, b: unknown): boolean => a === b || Helpers.isTwoValueEquals(a, b);

/** The interview's state: values, computed values and roster rows, re-evaluated after each change. */
class State {
  readonly data: Row;
  readonly calc: Row = {};
  /** the rosters (by value name) whose rows were added up to their minimum (survey-core's panel count may then differ) */
  readonly padded = new Set<string>();
  /** each roster's rows by value name (rosters sharing a value name share their rows) */
  private readonly rowsByName = new Map<string, Row[]>();
  rows(name: string): Row[] {
    return this.rowsByName.get(name) ?? [];
  }
  private pageVisible: boolean[] = [];
  private visible = new Map<PlanQuestion, boolean>();
  private panelVisible = new Map<PlanQuestion, boolean[]>();
  private inPanelVisible = new Map<PlanQuestion, boolean[]>();

  constructor(
    private readonly plan: ValidationPlan,
    answers: Row,
  ) {
    this.data = structuredClone(answers);
    this.attachRows();
    this.refresh();
  }

  /** Rosters of one value name share their rows; a roster with a minimum shows at least that many. */
  private attachRows(): void {
    for (const name of this.plan.rosterNames) {
      const min = Math.max(...(this.plan.groups.get(name) ?? []).map((q) => q.roster?.minPanelCount ?? 0));
      const value = this.data[name];
      const rows = Array.isArray(value) ? (value as Row[]) : [];
      if (rows.length < min) this.padded.add(name);
      while (rows.length < min) rows.push({});
      if (rows.length > 0) this.setTop(name, rows);
      this.rowsByName.set(name, rows);
    }
    this.panelContexts.clear();
  }

  /**
   * survey-core's filtered values: calculated values, then the data. Built once and kept up to date in
   * place (roster rows are shared by reference), so the row contexts built on it stay valid.
   */
  private cached: Row | null = null;
  values(): Row {
    this.cached ??= { ...this.calc, ...this.data };
    return this.cached;
  }

  private setCalc(name: string, v: unknown): void {
    this.calc[name] = v;
    if (this.cached && !(name in this.data)) this.cached[name] = v;
  }

  /** A roster row's context: the survey's values with `panel` and `panelIndex` in front. */
  panelValues(surveyValues: Row, roster: string, r: number): Row {
    const values = Object.create(surveyValues) as Row;
    values.panel = this.rows(roster)[r];
    values.panelIndex = r;
    return values;
  }

  /** Computed values to a fixed point (survey-core re-runs them on every change), then visibility. */
  refresh(): void {
    for (let pass = 0; pass < 50; pass++) {
      let changed = false;
      for (const c of this.plan.calculated) {
        const v = c.runner.runValues(this.values(), PROPERTIES);
        if (!same(v, this.calc[c.name])) {
          this.setCalc(c.name, v);
          changed = true;
        }
        if (c.intoResult && !same(v, this.data[c.name])) this.setTop(c.name, v);
      }
      for (const q of this.plan.questions) {
        if (q.expression && this.setComputed(null, q, this.values())) changed = true;
        if (!q.roster) continue;
        for (const t of q.roster.questions) {
          if (!t.expression) continue;
          const rows = this.rows(q.name);
          for (let r = 0; r < rows.length; r++) {
            if (this.setComputed(rows[r], t, this.context(q.name, t.expressionPanelOnly, r))) changed = true;
          }
        }
      }
      if (!changed) break;
    }
    this.pageVisible = [];
    this.visible.clear();
    this.panelVisible.clear();
    this.inPanelVisible.clear();
  }

  /** The context a roster row's condition needs: just the row when it reads nothing else. */
  private context(roster: string, panelOnly: boolean, r: number): Row {
    if (panelOnly) return { panel: this.rows(roster)[r], panelIndex: r };
    const contexts = this.panelContexts.get(roster) ?? [];
    this.panelContexts.set(roster, contexts);
    contexts[r] ??= this.panelValues(this.values(), roster, r);
    return contexts[r];
  }
  private readonly panelContexts = new Map<string, Row[]>();

  private setTop(name: string, v: unknown): void {
    if (v === undefined) delete this.data[name];
    else this.data[name] = v;
    if (!this.cached) return;
    if (v !== undefined) this.cached[name] = v;
    else if (name in this.calc) this.cached[name] = this.calc[name];
    else delete this.cached[name];
  }

  /** Sets an expression question's value in a row, or at the top level when `target` is null. */
  private setComputed(target: Row | null, q: PlanQuestion, values: Row): boolean {
    let v = q.expression?.runValues(values, PROPERTIES);
    if (v === Infinity) v = undefined;
    if (same(v, (target ?? this.data)[q.name])) return false;
    if (!target) {
      this.setTop(q.name, v);
      return true;
    }
    if (v === undefined) delete target[q.name];
    else target[q.name] = v;
    return true;
  }

  /** Visible with its page (survey-core's isVisible && isParentVisible && page.isVisible). */
  shown(q: PlanQuestion): boolean {
    let page = this.pageVisible[q.page];
    if (page === undefined) {
      const p = this.plan.pages[q.page];
      page = !p.visibleIf || p.visibleIf.runValues(this.values(), PROPERTIES) === true;
      this.pageVisible[q.page] = page;
    }
    if (!page) return false;
    let visible = this.visible.get(q);
    if (visible === undefined) {
      visible = !q.visibleIf || q.visibleIf.runValues(this.values(), PROPERTIES) === true;
      this.visible.set(q, visible);
    }
    return visible;
  }

  panelShown(q: PlanQuestion, r: number): boolean {
    const roster = q.roster;
    if (!roster?.templateVisibleIf) return r < this.rows(q.name).length;
    const list = this.panelVisible.get(q) ?? [];
    this.panelVisible.set(q, list);
    list[r] ??=
      roster.templateVisibleIf.runValues(
        this.context(q.name, roster.templateVisibleIfPanelOnly, r),
        PROPERTIES,
      ) === true;
    return list[r];
  }

  inPanelShown(t: PlanQuestion, roster: string, r: number): boolean {
    if (!t.visibleIf) return r < this.rows(roster).length;
    const list = this.inPanelVisible.get(t) ?? [];
    this.inPanelVisible.set(t, list);
    list[r] ??= t.visibleIf.runValues(this.context(roster, t.visibleIfPanelOnly, r), PROPERTIES) === true;
    return list[r];
  }

  clearTop(name: string): void {
    this.setTop(name, undefined);
    if (this.plan.rosterNames.has(name)) this.attachRows();
    this.refresh();
  }

  clearCell(roster: string, r: number, name: string): void {
    delete this.rows(roster)[r][name];
    this.refresh();
  }
}

/** Answers the plan reproduces exactly; anything else goes to survey-core. */
function fits(plan: ValidationPlan, answers: Row): boolean {
  for (const q of plan.questions) {
    const value = answers[q.name];
    if (value === undefined) continue;
    if (q.roster) {
      if (!Array.isArray(value) || !value.every(isRow)) return false;
      if (value.length > q.roster.maxPanelCount) return false;
      // fewer rows than the roster's minimum: survey-core's panel count then is not the plan's (seen in
      // the differential test: two empty panels for none given); survey-core judges those
      if (value.length < q.roster.minPanelCount) return false;
      for (const row of value)
        for (const t of q.roster.questions) if (!fitsValue(t, (row as Row)[t.name])) return false;
    } else if (!fitsValue(q, value)) return false;
  }
  return true;
}

function fitsValue(q: PlanQuestion, value: unknown): boolean {
  if (value === undefined) return true;
  if (q.kind === 'multi') return Array.isArray(value) && value.every(isPlain);
  return isPlain(value);
}

function checkChoice(q: PlanQuestion, raw: unknown, path: string, flagged: AnswerFlag[]): void {
  if (!q.choices || isEmpty(raw)) return;
  const given = Array.isArray(raw) ? raw : [raw];
  if (given.some((v) => !q.choices?.has(v))) flagged.push({ path, reason: 'choice-not-in-list' });
}

function checkRawAnswers(plan: ValidationPlan, answers: Row, flagged: AnswerFlag[]): void {
  for (const [key, raw] of Object.entries(answers)) {
    const base = key.endsWith('-Comment') ? key.slice(0, -'-Comment'.length) : key;
    const group = plan.groups.get(base) ?? plan.calculated.some((c) => c.name === key);
    if (!group) {
      flagged.push({ path: key, reason: 'unknown-question' });
      continue;
    }
    if (group === true || base !== key) continue;
    for (const q of group) checkChoice(q, raw, key, flagged);
    const nested = group.flatMap((q) => q.roster?.questions ?? []);
    if (nested.length === 0 || !Array.isArray(raw)) continue;
    const byName = new Map(nested.map((nq) => [nq.name, nq]));
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

function rosterAnswered(state: State, q: PlanQuestion): boolean {
  const questions = q.roster?.questions ?? [];
  return state
    .rows(q.name)
    .some((row) => questions.some((t) => t.kind !== 'computed' && !isEmpty(row[t.name])));
}

function clearNested(
  state: State,
  q: PlanQuestion,
  flagged: AnswerFlag[],
  containerVisible: boolean,
): boolean {
  let changed = false;
  const questions = q.roster?.questions ?? [];
  const rows = state.rows(q.name);
  for (let r = 0; r < rows.length; r++) {
    for (const t of questions) {
      if (t.kind === 'computed' || isEmpty(rows[r]?.[t.name])) continue;
      if (containerVisible && state.panelShown(q, r) && state.inPanelShown(t, q.name, r)) continue;
      flagged.push({ path: `${q.name}[${r}].${t.name}`, reason: 'answered-but-hidden' });
      state.clearCell(q.name, r, t.name);
      changed = true;
    }
  }
  return changed;
}

function stripHiddenAnswers(plan: ValidationPlan, state: State, flagged: AnswerFlag[]): void {
  for (let pass = 0; pass < 25; pass++) {
    let changed = false;
    for (const q of plan.questions) {
      if (q.kind === 'computed') continue;
      if (q.roster ? !rosterAnswered(state, q) : isEmpty(state.data[q.name])) continue;
      const visible = state.shown(q);
      if (q.roster) {
        const shared = (plan.groups.get(q.name) ?? []).some((o) => o !== q && state.shown(o));
        if (visible || shared) {
          changed = clearNested(state, q, flagged, visible) || changed;
          continue;
        }
      }
      if (visible) continue;
      if (!flagged.some((f) => f.path === q.name)) {
        flagged.push({ path: q.name, reason: 'answered-but-hidden' });
        changed = true;
      }
      state.clearTop(q.name);
    }
    if (!changed) return;
  }
}

/** survey-core's checkForErrors for one visible question: required first, else its validators. */
function questionErrors(
  q: PlanQuestion,
  value: unknown,
  values: Row,
  path: string,
  errors: AnswerError[],
  warnings: AnswerWarning[],
): void {
  if (q.readOnly && q.kind !== 'computed') return;
  const required = q.requiredIf ? q.requiredIf.runValues(values, PROPERTIES) === true : q.required;
  if (required && q.kind !== 'computed' && q.kind !== 'roster' && coreEmpty(value)) {
    errors.push({ path, type: 'required', text: requiredText(q) });
    return;
  }
  for (const v of q.validators) {
    if (v.runner.runValues(values, PROPERTIES) === true) continue;
    // survey-core's own error for this validator (its text in the questionnaire's locale)
    const text = (v.source as unknown as CustomErrorMaker).createCustomError(null).getText();
    if (v.warning) warnings.push({ path, text });
    else errors.push({ path, type: 'custom', text });
  }
}

interface CustomErrorMaker {
  createCustomError(name: string | null): { getText(): string };
}

/** survey-core's own required error for the question, in the questionnaire's locale (cached). */
const requiredTexts = new WeakMap<PlanQuestion, string>();
function requiredText(q: PlanQuestion): string {
  let text = requiredTexts.get(q);
  if (text === undefined) {
    text = new AnswerRequiredError(q.source.requiredErrorText, q.source).getText();
    requiredTexts.set(q, text);
  }
  return text;
}

function collectErrors(
  plan: ValidationPlan,
  state: State,
): { errors: AnswerError[]; warnings: AnswerWarning[] } {
  const errors: AnswerError[] = [];
  const warnings: AnswerWarning[] = [];
  const values = state.values();
  for (const q of plan.questions) {
    if (!state.shown(q)) continue;
    questionErrors(q, q.roster ? state.data[q.name] : state.data[q.name], values, q.name, errors, warnings);
    if (!q.roster) continue;
    const rows = state.rows(q.name);
    for (let r = 0; r < rows.length; r++) {
      if (!state.panelShown(q, r)) continue;
      const panelValues = state.panelValues(values, q.name, r);
      for (const t of q.roster.questions) {
        if (!state.inPanelShown(t, q.name, r)) continue;
        questionErrors(t, rows[r][t.name], panelValues, `${q.name}[${r}].${t.name}`, errors, warnings);
      }
    }
  }
  return { errors, warnings };
}

/** The verdict on `answers`, or null when they need survey-core itself (see `fits`). */
export function validateCompiled(plan: ValidationPlan, answers: Record<string, unknown>): FastVerdict | null {
  if (!isRow(answers) || !fits(plan, answers)) return null;
  const flagged: AnswerFlag[] = [];
  checkRawAnswers(plan, answers, flagged);
  const state = new State(plan, answers);
  stripHiddenAnswers(plan, state, flagged);
  // fewer rows than a roster's minimum on a shown roster: survey-core's panel count is not the plan's
  // (the differential test saw two empty panels where none were given), so survey-core judges those.
  // A padded roster that stays hidden (no contact, refusal) shows no panel: the plan judges those.
  if (plan.questions.some((q) => q.roster && state.padded.has(q.name) && state.shown(q))) return null;
  const { errors, warnings } = collectErrors(plan, state);
  flagged.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { errors, flagged, warnings };
}
