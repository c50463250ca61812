/**
 * survey-core's interface strings (buttons, the required message, validation messages) for one interview
 * language: survey-core's own locale where it has one (those the tablet bundles: en, pt, fr, Simplified
 * Chinese), overlaid by the survey's interface catalogue for that language (questionnaires/<survey>/
 * interface/<lang>.json, received with the survey). A language with neither has no interface of its own;
 * `questionnaires:check` refuses such a survey, so an interview never borrows another language's buttons.
 * Shared by the tablet (survey-setup.ts) and the check, so the check sees what the tablet would show.
 */
import 'survey-core/i18n/portuguese';
import 'survey-core/i18n/french';
import 'survey-core/i18n/simplified-chinese';
import { surveyLocalization } from 'survey-core';

type Strings = Record<string, string>;

/** survey-core's locales as bundled, copied before any survey's catalogue is registered over them. */
const BUNDLED: Record<string, Strings> = Object.fromEntries(
  Object.entries(surveyLocalization.locales as Record<string, Strings>).map(([code, s]) => [code, { ...s }]),
);

/** Language tags a profile may use for a locale survey-core files under another tag (same language). */
const SAME_LANGUAGE: Record<string, string> = { 'zh-hans': 'zh-cn', 'zh-hant': 'zh-tw', zh: 'zh-cn' };

/** Every interface string survey-core can show (the names of its English locale). */
export const INTERFACE_KEYS: readonly string[] = Object.keys(BUNDLED.en);

/** survey-core's English text of an interface string (the translators' source). */
export const englishInterfaceText = (key: string): string | undefined => BUNDLED.en[key];

/** The bundled survey-core locale that is `code`'s language ('zh-Hans' -> 'zh-cn', 'pt-CV' -> 'pt'), if any. */
export function surveyCoreLocale(code: string): string | undefined {
  const lower = code.toLowerCase();
  return [SAME_LANGUAGE[lower], lower, lower.split('-')[0]].find((c) => c !== undefined && BUNDLED[c]);
}

/**
 * The interface strings of language `code`: survey-core's own, overlaid by the survey's catalogue;
 * undefined when there are neither.
 */
export function interfaceStringsFor(code: string, catalogue?: Strings): Strings | undefined {
  const own = surveyCoreLocale(code);
  if (!own && !catalogue) return undefined;
  return { ...(own ? BUNDLED[own] : {}), ...catalogue };
}
