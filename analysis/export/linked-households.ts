/**
 * The household file read with the person file: an intruder counts a household's records in the person
 * file (its members) and so knows its exact size, whatever the household file's size key
 * (household-size.ts) coarsens. This check counts the households in combinations of fewer than k on
 * the household key variables (`publicUse.households.keyVariables`) with the size key replaced by that
 * exact count (or the count added, when no size key is declared), a missing value matching any and Fk
 * on the household weight (disclosure-risk.ts). Households below k are a breach handled like the other
 * recoverable ones, by `publicUse.households.linkedAction`: `refuse` (the default,
 * public-use-defaults.ts) stops the export with a SurveyError naming the setting, the households' count
 * and the keys; `blank` runs the household file's local suppression (local-suppression.ts) on those
 * combinations, in its declared order without the size key (blanking the size class would not hide the
 * count), and reports the households left below k: none of their suppressible values is left (their
 * island and member count alone are rare), as the person file's k-anonymity reports its own. Pure: it
 * returns a new household file, the records that lost each variable (for the complementary check) and
 * what it did.
 */
import { SurveyError } from '../errors.ts';
import type { Derived } from '../tables/plan.ts';
import type { TableLang } from '../tables/table-words.ts';
import { CODEBOOK_WORDS } from './codebook-words.ts';
import { type DisclosureRisk, disclosureRisk, type HouseholdLink } from './disclosure-risk.ts';
import { localSuppression, type Suppress, type Suppression } from './local-suppression.ts';
import type { ExportFile } from './microdata.ts';
import type { RecoverableAction } from './public-use-defaults.ts';

/** The count's column when no size key is declared (not a variable name, so never a variable's). */
export const MEMBERS = '(members)';

/** The check: its keys, the one counted in the person file, the risk before and after, what was suppressed. */
export interface LinkedCheck {
  action: RecoverableAction;
  keyVariables: string[];
  counted: string;
  before: DisclosureRisk;
  after: DisclosureRisk;
  suppressions: Suppression[];
}

const SETTING = 'publicUse.households.linkedAction';
const HH = 'publicUse.households';

/**
 * The household file after the check on `keyVariables` with `size` (the size key, or null) counted from
 * the person records linked by `link`; `self` links the household file to itself.
 */
export function linkedHouseholds(
  files: { households: ExportFile; persons: ExportFile },
  link: HouseholdLink,
  self: HouseholdLink,
  keyVariables: readonly string[],
  size: string | null,
  k: number,
  weight: string,
  action: RecoverableAction,
  suppress: Suppress | null,
  derived: Record<string, Derived>,
): { households: ExportFile; rows: Record<string, number[]>; check: LinkedCheck } {
  const { households, persons } = files;
  const counted = size ?? MEMBERS;
  const keys = size ? [...keyVariables] : [...keyVariables, MEMBERS];
  const own = households.columns[link.households];
  const theirs = persons.columns[link.persons];
  if (!own || !theirs)
    throw new SurveyError(`the household code ${link.persons} is missing from a file`, 'publicUse');
  const members = new Map<unknown, number>();
  for (const h of theirs) members.set(h, (members.get(h) ?? 0) + 1);
  const joined: ExportFile = {
    ...households,
    columns: {
      ...households.columns,
      [counted]: Float64Array.from(own as ArrayLike<unknown>, (h) => members.get(h) ?? 0),
    },
  };
  const risk = (f: ExportFile) => disclosureRisk(f, f, self, keys, k, weight, HH);
  const before = risk(joined);
  const check = (after: DisclosureRisk, suppressions: Suppression[]): LinkedCheck => ({
    action,
    keyVariables: [...keyVariables],
    counted,
    before,
    after,
    suppressions,
  });
  if (!before.recordsBelowK) return { households, rows: {}, check: check(before, []) };
  const order = (suppress?.order ?? []).filter((v) => v !== counted);
  if (action === 'refuse')
    throw new SurveyError(
      `${SETTING}: ${before.recordsBelowK} households are in combinations of fewer than ${k} households on ${keys.join(', ')} when ${counted} is counted from their records in the person file; set linkedAction to "blank" to suppress their ${order.length ? order.join(', ') : 'household key values'} (publicUse.households.suppress.order)`,
      SETTING,
    );
  if (!order.length) return { households, rows: {}, check: check(before, []) };
  const withOf = Object.fromEntries(Object.entries(suppress?.with ?? {}).filter(([v]) => order.includes(v)));
  const s = localSuppression(
    { households: joined, persons: joined },
    self,
    keys,
    k,
    { order, with: withOf },
    derived,
    HH,
  );
  const columns = { ...s.persons.columns };
  if (size) columns[size] = households.columns[size];
  else delete columns[MEMBERS];
  return {
    households: { ...s.persons, columns },
    rows: s.rows,
    check: check(risk(s.persons), s.suppressions),
  };
}

/** The check in words (codebook-words.ts), for the codebook's README and the command line. */
export function linkedText(c: LinkedCheck, lang: TableLang): string[] {
  const w = CODEBOOK_WORDS[lang].microdata.report;
  return [
    w.linked({
      keys: c.before.keyVariables.join(', '),
      counted: c.counted,
      k: c.before.k,
      before: c.before.recordsBelowK,
      left: c.after.recordsBelowK,
    }),
    ...c.suppressions
      .filter((s) => s.suppressed > 0)
      .map((s) =>
        w.linkedSuppressed(
          s.variable,
          s.suppressed,
          s.with.length ? ` (${w.with} ${s.with.join(', ')})` : '',
        ),
      ),
  ];
}
