/**
 * A replicate that fails, in the report's language: the small example with one weighting class (A|z)
 * whose respondents are all in EA A1 fails the replicate that drops A1 (an empty nonresponse class). The
 * report keeps the pipeline's code, and the Portuguese report says why in Portuguese (report-messages.ts
 * `failure`), the English one in English, each followed by the pipeline's own words naming the class. A
 * report stored before codes were kept reads "an unexpected error". Every code the pipeline raises is in
 * the one list (errors.ts), which the error catalogue's weighting failures include.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEIGHTING_ERROR_CODES } from '../../../analysis/weighting/errors.ts';
import {
  type ReportBlock,
  reportDocument,
  reportMarkdown,
  runWeighting,
} from '../../../analysis/weighting/index.ts';
import { WEIGHTING_FAILURES } from '../../../server/problems.ts';
import { personsOf, recipeOf, unitsOf } from './legacy.ts';
import { controls, legacyHouseholds, legacyPersons, options } from './small-example.ts';

// class z: two respondents of A1 and a nonrespondent of A2, so dropping A1 leaves z without a respondent
const hh = legacyHouseholds.map((h) =>
  ['A1-1', 'A1-2', 'A2-3'].includes(h.id) ? { ...h, hhClass: 'z' } : h,
);
const report = runWeighting(unitsOf(hh), personsOf(legacyPersons), recipeOf(controls, options), null).report;
const WORDS =
  'Unit nonresponse: weighting class A|z has eligible units but no responding one (empty class): collapse it with another class or lower the minimum.';

const failedLines = (blocks: ReportBlock[]) =>
  blocks.flatMap((b) => (b.kind === 'text' ? (b.items ?? []) : []));

describe('a failed replicate in the weighting report', () => {
  it('keeps the pipeline code of the one replicate that failed', () => {
    expect(report.replicates.failed).toEqual([{ psu: 'A/A1', code: 'weighting.empty_cell', error: WORDS }]);
  });

  it('says why in the report language, then the pipeline words', () => {
    expect(failedLines(reportDocument(report, 'pt', 'Relatório'))).toEqual([
      `FALHOU A/A1: uma classe de ponderação não tem nenhuma unidade respondente nesta réplica (${WORDS})`,
    ]);
    expect(failedLines(reportDocument(report, 'en', 'Report'))).toEqual([
      `FAILED A/A1: a weighting class has no responding unit in this replicate (${WORDS})`,
    ]);
    expect(reportMarkdown(report, undefined, 'pt')).toContain(
      '- FALHOU A/A1: uma classe de ponderação não tem nenhuma unidade respondente nesta réplica',
    );
  });

  it('reads a report stored before codes were kept as an unexpected error', () => {
    const old = {
      ...report,
      replicates: { ...report.replicates, failed: [{ psu: 'A/A1', error: 'boom' }] },
    };
    expect(failedLines(reportDocument(old, 'pt', 'Relatório'))).toEqual([
      'FALHOU A/A1: um erro inesperado na ponderação (boom)',
    ]);
  });

  it('has every code the pipeline raises in the one list, and that list in the error catalogue', () => {
    const dir = new URL('../../../analysis/weighting/', import.meta.url).pathname;
    const raised = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts')))
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'(weighting\.[a-z_]+)'/g))
        raised.add(m[1]);
    expect([...raised].sort()).toEqual([...WEIGHTING_ERROR_CODES].sort());
    for (const code of WEIGHTING_ERROR_CODES) expect(WEIGHTING_FAILURES).toContain(code);
  });
});
