/**
 * The weighting report in each language (report-document.ts, report-messages.ts): the Portuguese report
 * has Portuguese headings, sentences and decimal commas with the same numbers as the English one; the
 * English Markdown keeps its wording; a `|` in a class label no longer breaks a Markdown table. Every
 * sentence, heading and column head of the catalogue (report-messages.ts) exists in Portuguese, English,
 * French and Kriolu, and each but R survey's own names differs from the English.
 */
import { describe, expect, it } from 'vitest';
import {
  REPORT_LANGS,
  REPORT_MESSAGES,
  reportDocument,
  reportMarkdown,
  runWeighting,
} from '../../../analysis/weighting/index.ts';
import { households, persons, recipe } from './small-example.ts';

const report = runWeighting(households, persons, recipe, null).report;
const pt = reportMarkdown(report, undefined, 'pt');
const en = reportMarkdown(report);

describe('the weighting report in Portuguese and English', () => {
  it('writes the Portuguese report with Portuguese headings and sentences', () => {
    expect(pt.startsWith('# Relatório de ponderação\n')).toBe(true);
    for (const h of [
      '## Amostra',
      '## Pesos em cada etapa',
      '## Classes de não resposta das unidades',
      '## Calibração',
      '## Totais de controlo (ponderado menos controlo)',
      '## Pesos replicados',
    ])
      expect(pt).toContain(`\n${h}\n`);
    const s = report.sample;
    expect(pt).toContain(
      `Unidades selecionadas ${s.households}: ${s.respondents} respondentes, ${s.nonrespondents} não respondentes`,
    );
    expect(pt).toContain('Estratos com uma única UPA (sem réplica): nenhum.');
    expect(pt).toContain('| ficheiro | g mín (primeira calibração) |');
    expect(pt).toContain('| unidades |');
    expect(pt).toContain('| w_roster (herdado de w_hh, pessoas elegíveis) | 42 |');
    expect(pt).toContain('| unidades: stratum | A |');
    // none of the English sentences or headings
    for (const word of [
      '## Sample',
      'Selected units',
      'respondents,',
      'replicates (one per PSU',
      '| yes |',
      'inherited',
      '| units',
    ])
      expect(pt).not.toContain(word);
  });

  it('gives the same numbers, with a decimal comma in Portuguese', () => {
    const w = report.steps[0];
    expect(en).toContain(`| ${w.variable} | ${w.n} | ${w.sum.toFixed(1)} | ${w.min.toFixed(2)} |`);
    expect(pt).toContain(
      `| ${w.variable} | ${w.n} | ${w.sum.toFixed(1).replace('.', ',')} | ${w.min.toFixed(2).replace('.', ',')} |`,
    );
    expect(pt).toContain('limites de g [0,3; 3]');
    expect(en).toContain('bounds on g [0.3, 3]');
  });

  it('keeps the English wording, and escapes a | inside a table cell', () => {
    expect(en.startsWith('# Weighting report\n\n## Sample\n\nSelected units 32: 23 respondents,')).toBe(true);
    expect(en).toContain('| variable | n | sum | min | max | mean | CV | Kish deff (1 + CV²) |');
    expect(en).toContain('\n| A\\|x | A\\|x | 8 | 12 | 1.5000 |\n');
    expect(en).toContain('| w_roster (inherited w_hh, eligible persons) | 42 |');
    expect(en).toContain('| units: stratum | A |');
    expect(en.endsWith('categories lost in a replicate: 0.\n')).toBe(true);
  });

  it('names the calibration method in the report language', () => {
    expect(report.recipe.units.calibration?.method).toBe('postStratify');
    expect(report.recipe.persons?.roster?.method).toBe('raking');
    expect(pt).toContain('\nunidades: pós-estratificação (postStratify) para stratum.\n');
    expect(pt).toContain('\nagregado: ajustamento iterativo às margens (raking) para stratum, sex_age');
    expect(en).toContain('\nunits: post-stratification (postStratify) to stratum.\n');
    expect(en).toContain('\nroster: raking to stratum, sex_age');
  });

  it('is one layout: both languages have the same blocks, tables of the same size', () => {
    const a = reportDocument(report, 'en');
    const b = reportDocument(report, 'pt');
    expect(b.map((x) => x.kind)).toEqual(a.map((x) => x.kind));
    a.forEach((x, i) => {
      const y = b[i];
      if (x.kind === 'table' && y.kind === 'table') {
        expect(y.head.length).toBe(x.head.length);
        expect(y.rows.length).toBe(x.rows.length);
        expect(y.right).toEqual(x.right);
      }
    });
  });
});

// the catalogue's entries as leaves (path -> text): a function is called with example values
const ARGS: Record<string, unknown[]> = {
  num: [1.5, 2],
  exp: [1.5e-9],
  val: [0.5],
  list: [['a', 'b']],
  titleOf: ['S', 'N'],
  selected: [1, 2, 3, 4],
  persons: [1, 2, 3, 4],
  calibrationNote: ['U', 'M', 'A', 'B', 'T'],
  boundsNote: [{ step: 'U', min: '1', max: '2', bounds: 'B', rounds: 2 }],
  jkn: [3],
  lonely: ['A'],
  complete: ['A'],
  fallback: [1, 2],
  failed: ['P', 'W', 'X'],
};
function leaves(x: unknown, path: string, out: Map<string, string>): Map<string, string> {
  if (typeof x === 'string') out.set(path, x);
  else if (typeof x === 'function') out.set(path, String(x(...(ARGS[path] ?? ['?']))));
  else if (x && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) leaves(v, path ? `${path}.${k}` : k, out);
  return out;
}
/** Entries that are the same in English and the language: R survey's names and symbols. */
const SAME: Record<string, string[]> = {
  pt: ['stepsHead.1', 'stepsHead.6'],
  fr: [
    'stepsHead.0',
    'stepsHead.1',
    'stepsHead.3',
    'stepsHead.4',
    'stepsHead.6',
    'calibrationHead.2',
    'method.postStratify',
  ],
  kea: ['stepsHead.1', 'stepsHead.6'],
};

describe("the report's catalogue in the staff's four languages", () => {
  const en = leaves(REPORT_MESSAGES.en, '', new Map());

  it('has every entry in pt, en, fr and kea', () => {
    expect([...REPORT_LANGS].sort()).toEqual(['en', 'fr', 'kea', 'pt']);
    expect(en.size).toBeGreaterThan(60);
    for (const lang of REPORT_LANGS) {
      const l = leaves(REPORT_MESSAGES[lang], '', new Map());
      expect([...l.keys()], lang).toEqual([...en.keys()]);
      for (const [k, v] of l) expect(v.trim(), `${lang} ${k}`).not.toBe('');
    }
  });

  it('translates each entry rather than copying the English, but R survey’s names', () => {
    for (const lang of ['pt', 'fr', 'kea'] as const) {
      const l = leaves(REPORT_MESSAGES[lang], '', new Map());
      const same = [...l].filter(([k, v]) => v === en.get(k)).map(([k]) => k);
      expect(same, lang).toEqual(SAME[lang]);
    }
  });

  it('writes decimal commas in French and Kriolu', () => {
    for (const lang of ['fr', 'kea'] as const) {
      expect(REPORT_MESSAGES[lang].num(1.5, 2)).toBe('1,50');
      expect(REPORT_MESSAGES[lang].exp(1.5e-9)).toBe('1,5e-9');
    }
    expect(reportMarkdown(report, undefined, 'fr')).toContain('bornes de g [0,3 ; 3]');
    expect(reportMarkdown(report, undefined, 'kea')).toContain('limitis di g [0,3; 3]');
  });
});
