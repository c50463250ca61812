/**
 * The lines `npm run export` prints about the public file's disclosure control, in the export's
 * `--lang`: its top-codes and recodes, local suppressions, the complementary check, the risk before
 * and after, the household file's own control (household size, suppressions, risk) and the
 * households' re-identification risk. The sentences are codebook.md's (codebook-words.ts through
 * the report functions), so the console and the page say the same in the same language.
 */

import type { TableLang } from '../tables/table-words.ts';
import { CODEBOOK_WORDS } from './codebook-words.ts';
import { treatmentText } from './disclosure-control.ts';
import { disclosureRiskText } from './disclosure-risk.ts';
import { householdRiskText } from './household-risk.ts';
import { riskControlText } from './household-risk-control.ts';
import { sizeText } from './household-size.ts';
import { linkedText } from './linked-households.ts';
import { suppressionText } from './local-suppression.ts';
import type { Microdata } from './microdata.ts';
import { PUBLIC_USE_K } from './public-use-defaults.ts';
import { recoveryText } from './recoverable-values.ts';

export function disclosureSummary(m: Microdata, lang: TableLang): string[] {
  const w = CODEBOOK_WORDS[lang].microdata;
  const out: string[] = [...treatmentText(m.disclosureControl?.treatments ?? [], lang)];
  const sup = m.disclosureControl?.suppressions;
  if (sup) out.push(...suppressionText(sup, m.disclosureRisk?.k ?? PUBLIC_USE_K, lang));
  const rec = m.disclosureControl?.recovered;
  if (rec) out.push(...recoveryText(rec.recoveries, rec.action, lang));
  const before = m.disclosureControl?.riskBefore;
  if (before) out.push(`${w.before} ${disclosureRiskText(before, lang)}`);
  if (m.disclosureRisk) out.push(`${w.after} ${disclosureRiskText(m.disclosureRisk, lang)}`);
  const hh = m.disclosureControl?.households;
  const hhRisk = m.householdDisclosureRisk;
  if (hh && hhRisk) {
    out.push(`${w.householdFile}:`);
    if (hh.size) out.push(sizeText(hh.size, lang));
    out.push(...suppressionText(hh.suppressions ?? [], hhRisk.k, lang, 'household'));
    if (hh.linked) out.push(...linkedText(hh.linked, lang));
    if (hh.risk?.before) out.push(...riskControlText(hh.risk, lang));
    if (hh.recovered) out.push(...recoveryText(hh.recovered.recoveries, hh.recovered.action, lang));
    if (hh.riskBefore) out.push(`${w.before} ${disclosureRiskText(hh.riskBefore, lang)}`);
    out.push(`${w.after} ${disclosureRiskText(hhRisk, lang)}`);
  }
  if (m.householdRisk) out.push(householdRiskText(m.householdRisk, lang));
  return out;
}
