/**
 * SurveyJS wiring shared by every interview: UI strings for the six interview languages, the tablet
 * theme (larger touch targets, the locally served Open Sans), and model creation.
 */
import 'survey-core/i18n/portuguese';
import 'survey-core/i18n/french';
import 'survey-core/i18n/simplified-chinese';
import { type ITheme, Model, type Question, surveyLocalization } from 'survey-core';

/** The interview languages, in the order the enumerator sees them. */
export const INTERVIEW_LANGUAGES = [
  { code: 'pt', name: 'Português' },
  { code: 'kea', name: 'Kriolu' },
  { code: 'fr', name: 'Français' },
  { code: 'en', name: 'English' },
  { code: 'wo', name: 'Wolof' },
  { code: 'zh-Hans', name: '中文' },
] as const;
export type InterviewLanguage = (typeof INTERVIEW_LANGUAGES)[number]['code'];

let localesReady = false;
/** survey-core has no UI strings for Kriolu, Wolof or 'zh-Hans': borrow Portuguese, French and zh-cn. */
export function setupLocales(): void {
  if (localesReady) return;
  localesReady = true;
  const borrow = (code: string, from: string, nativeName: string, englishName: string) => {
    const strings = surveyLocalization.locales[from];
    if (strings) surveyLocalization.setupLocale({ localeCode: code, strings, nativeName, englishName });
  };
  borrow('kea', 'pt', 'Kriolu', 'Cape Verdean Creole');
  borrow('wo', 'fr', 'Wolof', 'Wolof');
  borrow('zh-Hans', 'zh-cn', '中文', 'Chinese (Simplified)');
  // Questionnaires keep Portuguese under "default". With SurveyJS's default locale left at 'en',
  // choosing English would show the "default" (Portuguese) texts instead of the "en" ones.
  surveyLocalization.defaultLocale = 'pt';
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

export function createInterviewModel(json: Record<string, unknown>, locale: string): Model {
  setupLocales();
  const model = new Model(json);
  model.applyTheme(TABLET_THEME);
  model.locale = locale;
  // Every keystroke lands in the draft, so a crash mid-answer loses nothing.
  model.textUpdateMode = 'onTyping';
  model.showCompletedPage = false;
  return model;
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
