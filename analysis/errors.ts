/** An error from the analysis module: `field` names what to fix (a spec field or argument). */
export class SurveyError extends Error {
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(message);
    this.name = 'SurveyError';
    this.field = field;
  }
}
