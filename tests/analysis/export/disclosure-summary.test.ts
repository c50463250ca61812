/**
 * `npm run export`'s disclosure-control report (analysis/export/disclosure-summary.ts) is in the
 * export's language: on the fixture's public file (IPEI's profile), the household size and the
 * households' risk sentences, and every other line, are those codebook.md gives in the same language,
 * not the English ones (in fr and kea as in pt).
 */
import { describe, expect, it } from 'vitest';
import { exportMicrodata } from '../../../analysis/export/bundle.ts';
import { disclosureSummary } from '../../../analysis/export/disclosure-summary.ts';
import { householdRiskText } from '../../../analysis/export/household-risk.ts';
import { sizeText } from '../../../analysis/export/household-size.ts';
import { buildMicrodata } from '../../../analysis/export/microdata.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { data } from '../tables/helpers.ts';

const ctx = loadSurveyContext('ipei');
const m = buildMicrodata(data(), ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
  kind: 'public',
  publicUse: ctx.publicUse,
  publicUseKey: new Uint8Array(32).fill(7),
});
const english = disclosureSummary(m, 'en');

describe.each(['pt', 'fr', 'kea'] as const)('the export report in %s', (lang) => {
  it("has the household size and risk sentences in the language, as codebook.md's", async () => {
    const size = m.disclosureControl?.households?.size;
    if (!size || !m.householdRisk) throw new Error('the fixture has no household size or risk');
    const lines = disclosureSummary(m, lang);
    expect(lines).toContain(sizeText(size, lang));
    expect(lines).toContain(householdRiskText(m.householdRisk, lang));
    expect(lines).not.toContain(sizeText(size, 'en'));
    expect(lines).not.toContain(householdRiskText(m.householdRisk, 'en'));
    expect(lines.length).toBe(english.length);
    expect(lines.filter((l) => english.includes(l))).toEqual([]);
    const files = await exportMicrodata(m, 'csv', { lang, survey: 'ipei' });
    const md = new TextDecoder().decode(files.find((f) => f.name === 'codebook.md')?.bytes);
    expect(md).toContain(sizeText(size, lang));
    expect(md).toContain(householdRiskText(m.householdRisk, lang));
  });
});
