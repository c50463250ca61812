/**
 * The weighting report as the analyst screen renders it (client/analyst/weighting-report.tsx): real
 * headings, paragraphs and tables with right-aligned numbers, and a survey label holding markup shown
 * as text, never as HTML; rendered in French (or Kriolu), no English heading, sentence, column head or
 * failed-replicate line is left.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type ReportBlock, reportDocument, runWeighting } from '../../analysis/weighting/index.ts';
import { WeightingReportView } from '../../client/analyst/weighting-report.tsx';
import { households, persons, recipe } from '../analysis/weighting/small-example.ts';

const report = runWeighting(households, persons, recipe, null).report;
const render = (blocks: ReportBlock[]) =>
  renderToStaticMarkup(createElement(WeightingReportView, { blocks }));
/** The text a reader sees: the markup without its tags, entities decoded. */
const seen = (html: string) =>
  html
    .replace(/<[^>]+>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
// a report with a failed replicate (its code and structured detail), so its line is rendered too
const withFailure = {
  ...report,
  replicates: {
    ...report.replicates,
    failed: [
      {
        psu: 'EA9',
        code: 'weighting.empty_cell' as const,
        detail: { key: 'cell.empty' as const, params: { level: 'unit' as const, cell: 'A|q' } },
        error: 'Unit nonresponse: weighting class A|q has eligible units but no responding one',
      },
    ],
  },
};
/** Words of the report that are the same in every language (R survey's names, symbols). */
const SAME = new Set(['variable', 'n', 'min', 'max', 'CV', 'g max', 'post-stratification (postStratify)']);

describe('the rendered weighting report', () => {
  it('has headings, paragraphs and tables, not Markdown', () => {
    const html = render(reportDocument(report, 'pt', 'Relatório de ponderação: demo'));
    expect(html).toContain('<h3>Relatório de ponderação: demo</h3>');
    expect(html).toContain('<h4>Amostra</h4>');
    expect(html).toContain('<h4>Calibração</h4>');
    expect(html.match(/<table/g)?.length).toBe(5);
    expect(html).toContain('<th class="num">soma</th>');
    expect(html).toContain('<td>w1_base</td><td class="num">32</td>');
    expect(html).toMatch(/<p>Unidades selecionadas 32: /);
    expect(html).not.toMatch(/^#|\n#|\| --- \||---:/);
  });

  it('escapes a label that holds markup', () => {
    const evil = {
      ...report,
      controls: [{ ...report.controls[0], category: '<img src=x onerror=alert(1)>' }],
      replicates: { ...report.replicates, failed: [{ psu: '<script>alert(2)</script>', error: 'x & y' }] },
    };
    const html = render(reportDocument(evil, 'en', 'Weighting report: <b>x</b>'));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(html).toContain(
      '<li>FAILED &lt;script&gt;alert(2)&lt;/script&gt;: an unexpected error in the weighting (x &amp; y)</li>',
    );
    expect(html).toContain('<h3>Weighting report: &lt;b&gt;x&lt;/b&gt;</h3>');
  });

  it('holds no English sentence when rendered in French or Kriolu', () => {
    const en = reportDocument(withFailure, 'en');
    const english = en.flatMap((b) =>
      b.kind === 'heading' ? [b.text] : b.kind === 'text' ? [...b.lines, ...(b.items ?? [])] : [],
    );
    // the English words a table cell may hold: the column heads, the files' names, yes / NO
    const cells = [
      ...en.flatMap((b) => (b.kind === 'table' ? b.head : [])).filter((x) => !SAME.has(x)),
      ...['units', 'roster', 'individuals', 'yes', 'NO'],
    ];
    expect(english.length).toBeGreaterThan(15);
    expect(cells.length).toBeGreaterThan(25);
    for (const lang of ['fr', 'kea'] as const) {
      const text = seen(render(reportDocument(withFailure, lang)));
      const lines = new Set(text.split('\n').map((x) => x.trim()));
      for (const sentence of english) expect(text, `${lang}: ${sentence}`).not.toContain(sentence);
      for (const cell of cells) expect(lines.has(cell), `${lang}: ${cell}`).toBe(false);
      // and none of the English words the report's sentences are made of
      for (const word of ['the', 'and', 'with', 'each', 'weights', 'Selected', 'FAILED', 'none', 'bounds'])
        expect(text, `${lang}: ${word}`).not.toMatch(new RegExp(`\\b${word}\\b`));
    }
    const fr = seen(render(reportDocument(withFailure, 'fr')));
    expect(fr).toContain('Rapport de pondération');
    expect(fr).toContain(`Unités sélectionnées ${report.sample.households} : `);
    expect(fr).toContain(
      'ÉCHEC EA9 : une classe de pondération n’a aucune unité répondante dans cette réplique (Non-réponse des unités : la classe de pondération A|q',
    );
    // the same rows and decimal commas
    expect(fr).toMatch(/\b\d+,\d{2}\b/);
  });
});
