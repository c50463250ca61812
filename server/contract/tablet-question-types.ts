/**
 * The SurveyJS question types the tablet's build is able to leave out. survey-core and survey-react-ui
 * register every question type they ship when they load, so none of them tree-shakes; the build
 * (scripts/build/omit-question-types.ts) removes the registrations of each candidate here that no
 * questionnaire version in the survey folders uses (every folder, every version file, listings and
 * fielded versions included), and with them up to ~47 kB gzip of code the enumerator's tablet would
 * download and never run. The build follows the survey folders: a new survey with a Likert grid
 * (`matrix`) or a `rating` needs no code change, only `npm run build` (which `npm start` and `npm run
 * serve` run), and the tablet gets those types back. The build records what it left out in
 * `question-types.json` in its output (QUESTION_TYPES_MANIFEST) and in the bundle; the server's start
 * refuses a survey folder using a type the built app leaves out, and the tablet refuses to open an
 * interview on such a version. Each candidate is listed with the type-specific item classes survey-core
 * serializes for it.
 */
export const OMITTABLE_QUESTION_TYPES: Readonly<Record<string, readonly string[]>> = {
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

/** The file, in the built client's folder, that names the question types the build left out. */
export const QUESTION_TYPES_MANIFEST = 'question-types.json';

/** What QUESTION_TYPES_MANIFEST holds. */
export interface QuestionTypesManifest {
  /** the candidates of OMITTABLE_QUESTION_TYPES this build left out, sorted */
  omitted: string[];
}

/**
 * The candidate types a questionnaire's JSON names anywhere (an element's `type`, a column's or a
 * dynamic matrix's `cellType`), sorted; with `among`, only those of that set (e.g. what a build left
 * out). A walk with a stack, not recursion.
 */
export function omittedTypesIn(
  json: unknown,
  among: readonly string[] = Object.keys(OMITTABLE_QUESTION_TYPES),
): string[] {
  const found = new Set<string>();
  const stack: unknown[] = [json];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (typeof v === 'object') stack.push(v);
        else if ((key === 'type' || key === 'cellType') && typeof v === 'string' && among.includes(v))
          found.add(v);
      }
    }
  }
  return [...found].sort();
}

/** The candidates none of these questionnaires uses, sorted: what a build for them leaves out. */
export function typesToOmit(questionnaires: Iterable<unknown>): string[] {
  const used = new Set<string>();
  for (const json of questionnaires) for (const type of omittedTypesIn(json)) used.add(type);
  return Object.keys(OMITTABLE_QUESTION_TYPES)
    .filter((type) => !used.has(type))
    .sort();
}
