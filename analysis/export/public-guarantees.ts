/**
 * What a public-use file guarantees about its persons and what it does not, in words, for its codebook
 * (codebook.json `guarantees`, and a section of codebook.md, the export's README): the k-anonymity its
 * local suppression reached on the survey's key variables (a missing value matching any, as sdcMicro),
 * the variables blanked with a suppressed value, and the complementary check (recoverable-values.ts);
 * then the limits none of them covers. With the household file's own control (publicUse.households),
 * the same for households, and what it does not cover: a household variable the person file restates
 * (its size is its number of person records) and the composition (the members' key values together); the
 * file read with the person file, its size counted there (linked-households.ts), and each household's
 * risk from its members, bounded by the threshold when acted on (household-risk-control.ts).
 * Null for the internal file or a public file without suppression. In the words of codebook-words.ts.
 */
import type { TableLang } from '../tables/table-words.ts';
import { CODEBOOK_WORDS } from './codebook-words.ts';
import type { Microdata } from './microdata.ts';

export function publicGuarantees(m: Microdata, lang: TableLang): string | null {
  const risk = m.disclosureRisk;
  const rec = m.disclosureControl?.recovered;
  if (m.kind !== 'public' || !risk || !rec) return null;
  const g = CODEBOOK_WORDS[lang].microdata.report.guarantees;
  const left = risk.recordsBelowK;
  return [
    g.persons(risk.keyVariables.join(', '), risk.k - 1),
    left ? g.except(left) : '; ',
    g.takes,
    g.noOther(rec.action === 'blank'),
    householdGuarantee(m, lang),
    g.notGuaranteed,
    g.estimates,
  ].join('');
}

/** The household file's part (publicUse.households), or nothing. */
function householdGuarantee(m: Microdata, lang: TableLang): string {
  const r = m.householdDisclosureRisk;
  if (!r || !m.disclosureControl?.households) return '';
  const g = CODEBOOK_WORDS[lang].microdata.report.guarantees;
  const left = r.recordsBelowK;
  const size = m.disclosureControl.households.size?.variable ?? null;
  const risk = m.householdRisk;
  const acted = m.disclosureControl.households.risk;
  const linked = m.disclosureControl.households.linked;
  return [
    g.households(r.keyVariables.join(', '), r.k - 1),
    left ? g.householdsExcept(left) : '',
    g.householdsNot(size),
    linked
      ? g.linked(linked.after.keyVariables.join(', '), linked.counted, r.k - 1, linked.after.recordsBelowK)
      : '',
    risk ? g.householdRisk(risk.highest.toFixed(3), acted ? risk.threshold : null, risk.aboveThreshold) : '',
  ].join('');
}
