/**
 * A household's re-identification risk in the public-use file, as sdcMicro's measure_risk(..., hid =)
 * computes it: each person's individual risk r_i from the sample frequency fk and the weighted frequency
 * Fk of their key values (disclosure-risk.ts, sdcMicro's freqCalc, a missing value matching any), by
 * sdcMicro's indivRisk (method "approx", survey = TRUE, the Benedetti-Franconi approximation: with
 * pk = fk / Fk, fk = 1: pk/(1-pk) log(1/pk); fk = 2: pk/(1-pk) - (pk/(1-pk))^2 log(1/pk); fk > 2:
 * pk / (fk - (1 - pk)); a cell whose weights sum to its count, fk = Fk, 1/fk), and a household's risk
 * 1 - prod(1 - r_i) over its members in the person file: the chance that at least one of them is
 * re-identified, which is how a household's make-up (seven people, three under five) betrays it when no
 * member alone would. The report gives the highest household risk, the households above the survey's
 * threshold (profile.json `publicUse.households.riskThreshold`), and the expected number of
 * re-identifications: sdcMicro's global_risk_ER (the sum of r_i) and the sum of the households' risks.
 * Pure: it reads the built files only.
 */
import { SurveyError } from '../errors.ts';
import type { TableLang } from '../tables/table-words.ts';
import { CODEBOOK_WORDS } from './codebook-words.ts';
import { type HouseholdLink, keyValues, recordFrequencies } from './disclosure-risk.ts';
import type { ExportFile } from './microdata.ts';
import { HOUSEHOLD_RISK_THRESHOLD } from './public-use-defaults.ts';

export interface HouseholdRisk {
  keyVariables: string[];
  /** The person weight whose sums are Fk. */
  weight: string;
  threshold: number;
  /** Households with at least one person record, and persons. */
  households: number;
  persons: number;
  /** The highest household risk, and the households whose risk is above the threshold. */
  highest: number;
  aboveThreshold: number;
  /** Expected re-identifications: of persons (sum of r_i, sdcMicro's global_risk_ER) and of households. */
  expectedPersons: number;
  expectedHouseholds: number;
}

/** Each record's individual risk from its fk and Fk (sdcMicro's indivRisk, approx, survey = TRUE). */
export function individualRisk(fk: readonly number[], Fk: readonly number[]): number[] {
  return fk.map((f, i) => {
    const F = Fk[i];
    if (f === F) return 1 / f;
    const pk = f / F;
    const odds = pk / (1 - pk);
    if (f === 1) return odds * Math.log(1 / pk);
    if (f === 2) return odds - odds ** 2 * Math.log(1 / pk);
    return pk / (f - (1 - pk));
  });
}

/** Each household's risk, 1 - prod(1 - r_i) over its members, in the order households first appear. */
export function householdRisks(risk: readonly number[], household: ArrayLike<unknown>): Map<unknown, number> {
  const safe = new Map<unknown, number>();
  for (let i = 0; i < risk.length; i++) {
    const h = household[i];
    safe.set(h, (safe.get(h) ?? 1) * (1 - risk[i]));
  }
  return new Map([...safe].map(([h, s]) => [h, 1 - s]));
}

/**
 * The household risk of the person file on `keyVariables` (read as keyValues reads them), with Fk on
 * the person weight `weight` and the households by `link.persons`.
 */
export function householdRisk(
  persons: ExportFile,
  households: ExportFile,
  link: HouseholdLink,
  keyVariables: readonly string[],
  weight: string,
  threshold = HOUSEHOLD_RISK_THRESHOLD,
): HouseholdRisk {
  if (!(threshold > 0 && threshold < 1))
    throw new SurveyError(
      `publicUse.households.riskThreshold: ${threshold} is not between 0 and 1`,
      'publicUse.households.riskThreshold',
    );
  const w = persons.columns[weight];
  if (!(w instanceof Float64Array))
    throw new SurveyError(`the weight ${weight} is not a numeric column of the person file`, 'publicUse');
  const hid = persons.columns[link.persons];
  if (!hid)
    throw new SurveyError(`the household code ${link.persons} is not in the person file`, 'publicUse');
  const { fk, Fk } = recordFrequencies(keyValues(persons, households, link, keyVariables), w);
  const r = individualRisk(fk, Fk);
  const hh = [...householdRisks(r, hid).values()];
  return {
    keyVariables: [...keyVariables],
    weight,
    threshold,
    households: hh.length,
    persons: persons.rows,
    highest: hh.reduce((a, b) => Math.max(a, b), 0),
    aboveThreshold: hh.filter((x) => x > threshold).length,
    expectedPersons: r.reduce((a, b) => a + b, 0),
    expectedHouseholds: hh.reduce((a, b) => a + b, 0),
  };
}

/** The household risk in words (codebook-words.ts), for the export's codebook.md and the command line. */
export function householdRiskText(h: HouseholdRisk, lang: TableLang): string {
  const n = (x: number) => x.toFixed(3);
  return CODEBOOK_WORDS[lang].microdata.report.householdRisk({
    keys: h.keyVariables.join(', '),
    weight: h.weight,
    households: h.households,
    highest: n(h.highest),
    above: h.aboveThreshold,
    threshold: h.threshold,
    persons: n(h.expectedPersons),
    expected: n(h.expectedHouseholds),
  });
}
