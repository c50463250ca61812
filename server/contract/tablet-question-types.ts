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

/**
 * The omitted types a questionnaire's JSON names anywhere (an element's `type`, a column's or a dynamic
 * matrix's `cellType`): the tablet refuses to open an interview on such a version (one published before
 * the check refused it) rather than show it without those questions. A walk with a stack, not recursion.
 */
export function omittedTypesIn(json: unknown): string[] {
  const found = new Set<string>();
  const stack: unknown[] = [json];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (typeof v === 'object') stack.push(v);
        else if (
          (key === 'type' || key === 'cellType') &&
          typeof v === 'string' &&
          !tabletRendersQuestionType(v)
        )
          found.add(v);
      }
    }
  }
  return [...found].sort();
}
