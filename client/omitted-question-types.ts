/**
 * The SurveyJS question types this build of the tablet app left out: the candidates of
 * server/contract/tablet-question-types.ts that no survey folder used when it was built
 * (scripts/build/omit-question-types.ts puts them into the bundle). Unset in dev and in the tests'
 * renders, where nothing is left out. The interview screen refuses a questionnaire that uses one.
 */
export const OMITTED_QUESTION_TYPES: readonly string[] =
  typeof __MORABEZA_OMITTED_QUESTION_TYPES__ === 'undefined' ? [] : __MORABEZA_OMITTED_QUESTION_TYPES__;
