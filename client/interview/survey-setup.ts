/**
 * SurveyJS wiring shared by every interview: interface strings for the survey's interview languages (its
 * profile's `languages`, interface-locales.ts), the tablet theme (larger touch targets, the locally served Open Sans), and model
 * creation.
 */
import {
  ExpressionValidator,
  Helpers,
  type ITheme,
  Model,
  type Question,
  surveyLocalization,
  type ValidatorResult,
} from 'survey-core';
import type { InterfaceStrings } from '../../server/contract/translation-entry.ts';
import { interfaceStringsFor } from './interface-locales.ts';

/**
 * No error before the enumerator has answered: a questionnaire's expression checks ("arrival after
 * birth", "not in the future") judge an answer, so they run only on a question that has one. SurveyJS
 * runs them on empty questions too (when a value they depend on changes), which showed errors on a page
 * just entered. Whether an answer is needed at all is the question's `isRequired`, checked when the
 * enumerator leaves the page.
 */
const checkAnswer = ExpressionValidator.prototype.validateOnCallback;
type Check = (this: ExpressionValidator, ...args: Parameters<typeof checkAnswer>) => ValidatorResult | null;
const checkAnsweredOnly: Check = function (value, callback, name, properties) {
  if (Helpers.isValueEmpty(value)) {
    (callback as ((res: ValidatorResult | null) => void) | undefined)?.(null);
    return null;
  }
  return checkAnswer.call(this, value, callback, name, properties);
};
ExpressionValidator.prototype.validateOnCallback = checkAnsweredOnly as typeof checkAnswer;

/**
 * Interface strings for the interview languages (a profile's `languages`): each language's own, from
 * survey-core or the survey's interface catalogue (`interfaceStrings`, received with the survey), never
 * another language's. `defaultLanguage` is the language the questionnaire keeps under "default" (its
 * `locale`, else the profile's first language): with SurveyJS's default locale left at 'en', choosing
 * English would show the "default" texts instead of the "en" ones.
 */
export function setupLocales(
  languages: ReadonlyArray<{ code: string; name: string }> = [],
  defaultLanguage: string | undefined = languages[0]?.code,
  interfaceStrings: InterfaceStrings = {},
): void {
  if (defaultLanguage) surveyLocalization.defaultLocale = defaultLanguage;
  for (const l of languages) {
    const strings = interfaceStringsFor(l.code, interfaceStrings[l.code]);
    if (!strings) continue;
    const englishName = surveyLocalization.localeNamesInEnglish[l.code] ?? l.name;
    surveyLocalization.setupLocale({ localeCode: l.code, strings, nativeName: l.name, englishName });
  }
}

export const FONT_STACK =
  "'Open Sans', system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', sans-serif";

/** A 10-inch tablet theme: every size unit is 25% larger than SurveyJS's default 8px. */
export const TABLET_THEME: ITheme = {
  themeName: 'morabeza-tablet',
  colorPalette: 'light',
  isPanelless: false,
  cssVariables: {
    '--sjs2-base-unit-size': '10px',
    '--sjs2-base-unit-spacing': '10px',
    '--sjs2-base-unit-font-size': '10px',
    '--sjs2-base-unit-line-height': '10px',
    '--sjs2-typography-font-family-text': FONT_STACK,
  },
};

export function createInterviewModel(
  json: Record<string, unknown>,
  locale: string,
  languages: ReadonlyArray<{ code: string; name: string }> = [],
  interfaceStrings: InterfaceStrings = {},
): Model {
  setupLocales(
    languages,
    typeof json.locale === 'string' ? json.locale : languages[0]?.code,
    interfaceStrings,
  );
  const model = new Model(json);
  model.applyTheme(TABLET_THEME);
  model.locale = locale;
  // Every keystroke lands in the draft, so a crash mid-answer loses nothing.
  model.textUpdateMode = 'onTyping';
  model.showCompletedPage = false;
  // Computed variables (expression questions) are the questionnaire's own work, not questions to the
  // respondent: kept in the answers, not shown ("Eligible person (1 = yes) 1"). Hidden on screen only:
  // SurveyJS would clear an invisible question's value on completion.
  model.onAfterRenderQuestion.add((_, o) => {
    if (o.question.getType() === 'expression') o.htmlElement.style.display = 'none';
  });
  return model;
}

/**
 * One roster row per screen: every roster (dynamic panel) of the interview is shown as tabs, one row
 * (person) at a time, whatever display the questionnaire asks, so a page of a 3-person roster is not ten
 * screens tall. Each tab is named by the row title the questionnaire gives ("Line {panelIndex}:
 * {panel.name}"), else by the row's first free-text answer (a person's name). Done by the engine on
 * a copy of the questionnaire's JSON before the model is built (SurveyJS builds its tab bar then; a
 * display switched on a live model lost a tab); the survey's files are left as they are.
 */
type RosterJson = {
  type?: string;
  name?: string;
  inputType?: string;
  displayMode?: string;
  prevPanelText?: string;
  nextPanelText?: string;
  templateTitle?: unknown;
  templateTabTitle?: unknown;
  elements?: RosterJson[];
  templateElements?: RosterJson[];
  pages?: RosterJson[];
};

export function oneRowPerScreen(json: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(json) as RosterJson;
  const stack: RosterJson[] = [...(copy.pages ?? [])];
  while (stack.length > 0) {
    const el = stack.pop() as RosterJson;
    stack.push(...(el.elements ?? []), ...(el.templateElements ?? []));
    if (el.type !== 'paneldynamic') continue;
    el.displayMode = 'tab';
    // the row's own Previous/Next are arrows: their words were the page buttons' ("Next" twice)
    el.prevPanelText = '‹';
    el.nextPanelText = '›';
    if (el.templateTabTitle) continue;
    const label = (el.templateElements ?? []).find(
      (t) => t.type === 'text' && (t.inputType ?? 'text') === 'text',
    );
    if (el.templateTitle) el.templateTabTitle = el.templateTitle;
    else if (label) el.templateTabTitle = `{panelIndex}. {panel.${label.name}}`;
  }
  return copy as Record<string, unknown>;
}

/** SurveyJS computes a tab's title once: a name typed in a row renames its tab. */
export function renameTabsOnChange(model: Model): void {
  model.onDynamicPanelValueChanged.add((_, o) => {
    for (const tab of o.question.tabbedMenu?.actions ?? []) tab.locTitle.strChanged();
  });
}

/**
 * The assignment's preload, kept to the questions this questionnaire asks. A preload that names a
 * choice by its text ("Santiago") where the question stores a code (7) is mapped to the code.
 */
export function preloadAnswers(
  json: Record<string, unknown>,
  preload: Record<string, unknown>,
): Record<string, unknown> {
  const model = new Model(json);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(preload)) {
    const q = model.getQuestionByValueName(name) as
      | (Question & {
          choices?: { value: unknown; text: string; locText: { getLocaleText(l: string): string } }[];
        })
      | null;
    if (!q) continue;
    const choices = q.choices;
    if (!Array.isArray(choices) || choices.length === 0 || choices.some((c) => c.value === value)) {
      out[name] = value;
      continue;
    }
    const wanted = String(value).trim().toLowerCase();
    const byText = choices.find(
      (c) =>
        c.locText.getLocaleText('default')?.trim().toLowerCase() === wanted ||
        String(c.value) === String(value),
    );
    out[name] = byText ? byText.value : value;
  }
  return out;
}
