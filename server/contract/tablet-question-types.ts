/**
 * The SurveyJS question types the tablet app leaves out. survey-core and survey-react-ui register every
 * question type they ship when they load, so none of them tree-shakes; the tablet's build removes these
 * types' registrations (scripts/build/omit-question-types.ts) and with them ~40 kB gzip of code the
 * enumerator's tablet would download and never run. `questionnaires:check` refuses a questionnaire that
 * uses one (as a question or a roster column's cell type), so the tablet never meets a question it
 * cannot draw. To field one of them, take it off this list: the build, the check and the tablet follow.
 * Each type is listed with the type-specific item classes survey-core serializes for it.
 */
export const TABLET_OMITTED_QUESTION_TYPES: Readonly<Record<string, readonly string[]>> = {
  buttongroup: ['buttongroupitemvalue'],
  file: [],
  imagemap: ['imagemaparea'],
  imagepicker: ['imageitemvalue'],
  matrix: ['matrixcolumn'],
  matrixdropdown: [],
  multipletext: ['multipletextitem'],
  ranking: [],
  rating: ['ratingitem'],
  signaturepad: [],
  slider: ['sliderlabel'],
};

/** Whether the tablet app draws questions of this SurveyJS type. */
export const tabletRendersQuestionType = (type: string): boolean =>
  !Object.hasOwn(TABLET_OMITTED_QUESTION_TYPES, type);
