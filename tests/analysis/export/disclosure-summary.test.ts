/**
 * `npm run export`'s disclosure-control report (analysis/export/disclosure-summary.ts) is in the
 * export's language: on the fixture's public file (IPEI's profile), the household size and the
 * households' risk sentences, and every other line, are those codebook.md gives in the same language,
 * not the English ones (in fr and kea as in pt); its closing lines, an office-coded field's and the
 * files' rows, variables and columns left out (analysis/export/export-summary.ts), likewise, with the
 * same numbers and names, for the public and the internal file.
 */
import { describe, expect, it } from 'vitest';
import { exportMicrodata } from '../../../analysis/export/bundle.ts';
import { CODEBOOK_WORDS } from '../../../analysis/export/codebook-words.ts';
import { disclosureSummary } from '../../../analysis/export/disclosure-summary.ts';
import { exportSummary } from '../../../analysis/export/export-summary.ts';
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

// one office-coded field, as scripts/export/office-codes.ts reads it from the database
const office = [
  { field: 'g08_occupation', text: 'g08_occupation_text', assigned: new Map([['pedreiro', '7112']]) },
];
const englishEnd = exportSummary(m, office, 'en');

describe.each(['pt', 'fr', 'kea'] as const)('the export report in %s', (lang) => {
  it('words the office codes and the files line in the language, with the same numbers', () => {
    const w = CODEBOOK_WORDS[lang].microdata;
    const [codes, files] = exportSummary(m, office, lang);
    expect(codes).toContain('g08_occupation_office');
    expect(codes).toContain('g08_occupation_text');
    expect(
      codes.startsWith(
        lang === 'pt' ? 'Códigos do escritório' : lang === 'fr' ? 'Codes du bureau' : 'Kódigu di skritóriu',
      ),
    ).toBe(true);
    expect(files.startsWith(`${w.publicFile}`)).toBe(true);
    // households' rows and variables, then the persons', in that order
    expect(
      files
        .match(/\b\d+\b/g)
        ?.slice(0, 4)
        .map(Number),
    ).toEqual([m.households.rows, m.households.variables.length, m.persons.rows, m.persons.variables.length]);
    for (const v of [...m.dropped.households, ...m.dropped.persons]) expect(files).toContain(v);
    expect([codes, files].filter((l) => englishEnd.includes(l))).toEqual([]);
    const internal = exportSummary(
      { ...m, kind: 'internal', dropped: { households: [], persons: [] } },
      [],
      lang,
    );
    expect(internal).toHaveLength(1);
    expect(internal[0].startsWith(w.internalFile)).toBe(true);
    expect(internal[0]).not.toContain('nothing');
  });

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
