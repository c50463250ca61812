/**
 * Acting on the household risk (household-risk.ts) of the public-use file: households whose risk
 * 1 - prod(1 - r_i) is above the survey's threshold (profile.json `publicUse.households.riskThreshold`)
 * are a breach handled like the other recoverable ones, by `publicUse.households.riskAction`: `refuse`
 * (the default, public-use-defaults.ts) stops the export with a SurveyError naming the setting and the
 * households' count; `blank` suppresses key values of their members, as local suppression does
 * (local-suppression.ts: in the person file's declared order, `publicUse.suppress.order`, the least
 * important variable first, each value taking with it what would give it back), one value per
 * household and pass, on the member with the highest individual risk that still has a suppressible value,
 * then measures again (a missing value matches any, so fk and Fk grow), until no household is above the
 * threshold or none above has a value left to lose (without a declared order, none has: all are
 * reported as left, as the k-anonymity of a file without local suppression is reported). Each pass
 * suppresses at least one value, so the passes are bounded by the key values. The suppressed records
 * go to the complementary check with local suppression's (recoverable-values.ts). Pure: it returns a
 * new person file and what it did.
 */
import { SurveyError } from '../errors.ts';
import type { Derived } from '../tables/plan.ts';
import type { TableLang } from '../tables/table-words.ts';
import { CODEBOOK_WORDS } from './codebook-words.ts';
import { type HouseholdLink, keyValues, recordFrequencies } from './disclosure-risk.ts';
import { householdRisks, individualRisk } from './household-risk.ts';
import { blankSuppressed, type Suppress, type Suppression } from './local-suppression.ts';
import type { ExportFile } from './microdata.ts';
import type { RecoverableAction } from './public-use-defaults.ts';

/** What the action did: households above the threshold before it and after it, and the values suppressed. */
export interface RiskControl {
  action: RecoverableAction;
  threshold: number;
  before: number;
  /** Households still above the threshold: none of their members has a suppressible key value left. */
  left: number;
  suppressions: Suppression[];
}

const SETTING = 'publicUse.households.riskAction';

/**
 * The person file after the action on the households above `threshold` (risk on `keyVariables`, Fk on
 * the person weight `weight`, households by `link.persons`), the records that lost each variable (for
 * the complementary check) and the report.
 */
export function householdRiskControl(
  files: { households: ExportFile; persons: ExportFile },
  link: HouseholdLink,
  keyVariables: readonly string[],
  weight: string,
  threshold: number,
  action: RecoverableAction,
  suppress: Suppress | null,
  derived: Record<string, Derived>,
): { persons: ExportFile; rows: Record<string, number[]>; control: RiskControl } {
  const { persons } = files;
  const w = persons.columns[weight];
  const hid = persons.columns[link.persons];
  if (!(w instanceof Float64Array) || !hid)
    throw new SurveyError(
      `the weight ${weight} or the household code ${link.persons} is not in the person file`,
      'publicUse',
    );
  const rows = keyValues(persons, files.households, link, keyVariables);
  const measure = () => {
    const { fk, Fk } = recordFrequencies(rows, w);
    const r = individualRisk(fk, Fk);
    const above = [...householdRisks(r, hid)].filter(([, x]) => x > threshold).map(([h]) => h);
    return { r, above };
  };
  let { r, above } = measure();
  const before = above.length;
  const order = suppress?.order ?? [];
  const done = (out: ExportFile, lost: Record<string, number[]>, suppressions: Suppression[]) => ({
    persons: out,
    rows: lost,
    control: { action, threshold, before, left: above.length, suppressions },
  });
  if (!before) return done(persons, {}, []);
  if (action === 'refuse')
    throw new SurveyError(
      `${SETTING}: ${before} households have a re-identification risk above publicUse.households.riskThreshold (${threshold}); set riskAction to "blank" to suppress their members' key values (publicUse.suppress.order), or raise the threshold`,
      SETTING,
    );
  // without a declared order nothing is suppressible: every household above is left, and reported
  if (!suppress) return done(persons, {}, []);
  const positions = order.map((v) => keyVariables.indexOf(v));
  const members = new Map<unknown, number[]>();
  for (let i = 0; i < persons.rows; i++) members.set(hid[i], [...(members.get(hid[i]) ?? []), i]);
  const lost: Record<string, number[]> = Object.fromEntries(order.map((v) => [v, []]));
  for (;;) {
    let moved = false;
    for (const h of above) {
      // the riskiest member with a suppressible value left (the first in the file on a tie)
      let pick = -1;
      for (const i of members.get(h) ?? [])
        if (positions.some((j) => j >= 0 && rows[i][j] !== null) && (pick < 0 || r[i] > r[pick])) pick = i;
      if (pick < 0) continue;
      const o = positions.findIndex((j) => j >= 0 && rows[pick][j] !== null);
      rows[pick] = rows[pick].map((x, j) => (j === positions[o] ? null : x));
      lost[order[o]].push(pick);
      moved = true;
    }
    if (!moved) break;
    ({ r, above } = measure());
    if (!above.length) break;
  }
  for (const v of order) lost[v].sort((a, b) => a - b);
  const blanked = blankSuppressed(persons, lost, suppress, derived);
  return done(blanked.persons, lost, blanked.suppressions);
}

/** The action in words (codebook-words.ts), for the codebook's README and the command line. */
export function riskControlText(c: RiskControl, lang: TableLang): string[] {
  const w = CODEBOOK_WORDS[lang].microdata.report;
  return [
    w.riskControl({ before: c.before, threshold: c.threshold, left: c.left }),
    ...c.suppressions
      .filter((s) => s.suppressed > 0)
      .map((s) =>
        w.riskSuppressed(s.variable, s.suppressed, s.with.length ? ` (${w.with} ${s.with.join(', ')})` : ''),
      ),
  ];
}
