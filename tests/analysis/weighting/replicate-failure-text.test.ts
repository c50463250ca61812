/**
 * A replicate that fails, in the report's language: the small example with one weighting class (A|z)
 * whose respondents are all in EA A1 fails the replicate that drops A1 (an empty nonresponse class). The
 * report keeps the pipeline's code and its structured detail (key and values, no words), and the whole
 * line is in the report's language: the Portuguese report says why in Portuguese (report-messages.ts
 * `failure`) and then the pipeline's words in Portuguese too (failure-text.ts), naming the class, with
 * nothing left in English; the English one in English. The same holds after the report is stored as JSON
 * and read back. A report stored before details were kept shows its stored words; one stored before codes
 * were kept reads "an unexpected error". Every code the pipeline raises is in the one list (errors.ts),
 * which the error catalogue's weighting failures include.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUN_ERROR_CODES, WEIGHTING_ERROR_CODES } from '../../../analysis/weighting/errors.ts';
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
    expect(report.replicates.failed).toEqual([
      {
        psu: 'A/A1',
        code: 'weighting.empty_cell',
        detail: { key: 'cell.empty', params: { level: 'unit', cell: 'A|z' } },
        error: WORDS,
      },
    ]);
  });

  it('says why and then the pipeline words, the whole line in the report language', () => {
    const pt = [
      'FALHOU A/A1: uma classe de ponderação não tem nenhuma unidade respondente nesta réplica (Não resposta das unidades: a classe de ponderação A|z tem unidades elegíveis mas nenhuma respondente (classe vazia): junte-a a outra classe ou baixe o mínimo.)',
    ];
    expect(failedLines(reportDocument(report, 'pt', 'Relatório'))).toEqual(pt);
    expect(pt[0]).not.toMatch(/nonresponse|weighting|class |eligible|collapse/);
    // stored as JSON (the run's report column) and read back, the same line
    const stored = JSON.parse(JSON.stringify(report)) as typeof report;
    expect(failedLines(reportDocument(stored, 'pt', 'Relatório'))).toEqual(pt);
    expect(failedLines(reportDocument(report, 'en', 'Report'))).toEqual([
      `FAILED A/A1: a weighting class has no responding unit in this replicate (${WORDS})`,
    ]);
    expect(reportMarkdown(report, undefined, 'pt')).toContain(
      '- FALHOU A/A1: uma classe de ponderação não tem nenhuma unidade respondente nesta réplica',
    );
  });

  it('shows the stored words of a report kept before details were', () => {
    const old = {
      ...report,
      replicates: {
        ...report.replicates,
        failed: [{ psu: 'A/A1', code: 'weighting.empty_cell' as const, error: WORDS }],
      },
    };
    expect(failedLines(reportDocument(old, 'pt', 'Relatório'))).toEqual([
      `FALHOU A/A1: uma classe de ponderação não tem nenhuma unidade respondente nesta réplica (${WORDS})`,
    ]);
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

  it('has every code analysis/weighting names in its lists (the pipeline’s, the run’s), both in the error catalogue', () => {
    const dir = new URL('../../../analysis/weighting/', import.meta.url).pathname;
    const raised = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts')))
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'(weighting\.[a-z_]+)'/g))
        raised.add(m[1]);
    expect([...raised].sort()).toEqual([...WEIGHTING_ERROR_CODES, ...RUN_ERROR_CODES].sort());
    expect([...WEIGHTING_FAILURES].sort()).toEqual([...WEIGHTING_ERROR_CODES, ...RUN_ERROR_CODES].sort());
  });
});
