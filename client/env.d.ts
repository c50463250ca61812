/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

declare module 'survey-core/i18n/*';

/** The SurveyJS question types this build left out (scripts/build/omit-question-types.ts); unset in dev. */
declare const __MORABEZA_OMITTED_QUESTION_TYPES__: string[] | undefined;
