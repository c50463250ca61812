/**
 * The weighting report as the analyst screen renders it (client/analyst/weighting-report.tsx): real
 * headings, paragraphs and tables with right-aligned numbers, and a survey label holding markup shown
 * as text, never as HTML.
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
});
