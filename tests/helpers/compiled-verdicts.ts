/**
 * The differential tests of the compiled validator (compiled-validation, desks-compiled-validation)
 * compare, answer set by answer set, the fast path's verdict with survey-core's (the reference) and check
 * that the reference's verdicts cover every kind the plan must reproduce. The comparison and the kinds
 * live here once; each test keeps its own questionnaire, interviews and thresholds.
 */
import { type FastVerdict, validateCompiled } from '../../server/domain/compiled-validation.ts';
import type { ValidationPlan } from '../../server/domain/validation-plan.ts';

/** A reference verdict: survey-core's errors, flags and warnings (read from a fixture or computed). */
export interface Verdict {
  errors: FastVerdict['errors'];
  flagged: FastVerdict['flagged'];
  warnings: FastVerdict['warnings'];
}

/**
 * The compiled validator on the answers against the reference: null when the plan leaves these answers
 * to survey-core (a shape it does not reproduce), else whether it gave exactly the same errors, flags and
 * warnings in the same order.
 */
export function agreesWithReference(
  plan: ValidationPlan,
  answers: Record<string, unknown>,
  reference: Verdict,
): boolean | null {
  const got = validateCompiled(plan, answers);
  if (!got) return null;
  const want = { errors: reference.errors, flagged: reference.flagged, warnings: reference.warnings };
  return JSON.stringify(got) === JSON.stringify(want);
}

/** The kinds of verdict among these: `error:<type>`, `flag:<reason>`, `warning`, and `clean`. */
export function verdictKinds(verdicts: Iterable<Verdict>): Set<string> {
  const kinds = new Set<string>();
  for (const v of verdicts) {
    for (const e of v.errors) kinds.add(`error:${e.type}`);
    for (const f of v.flagged) kinds.add(`flag:${f.reason}`);
    if (v.warnings.length) kinds.add('warning');
    if (!v.errors.length && !v.flagged.length) kinds.add('clean');
  }
  return kinds;
}

/** The kinds every differential test's reference must hold: clean, both errors and each flag reason. */
export const VERDICT_KINDS = [
  'clean',
  'error:custom',
  'error:required',
  'flag:answered-but-hidden',
  'flag:choice-not-in-list',
  'flag:unknown-question',
];
