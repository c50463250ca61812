/**
 * The analyst screen shows a table's design and estimate warnings under its cross-tab, in the screen's
 * language: the API's JSON for a table with a lonely PSU and one-sided intervals, asked in French
 * (or Kriolu), renders the catalogue's sentences of that language (analysis/tables/warning-words.ts)
 * with their codes, and no English one; a table without warnings shows no warning block.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { tablesJson } from '../../analysis/export/tables-csv.ts';
import type { TableWarning } from '../../analysis/tables/estimate-warnings.ts';
import { legend } from '../../analysis/tables/reliability.ts';
import { computeTables } from '../../analysis/tables/run.ts';
import type { TableLang } from '../../analysis/tables/table-words.ts';
import { warningText } from '../../analysis/tables/warning-words.ts';
import { ResultTable } from '../../client/analyst/result-table.tsx';
import { I18nContext, staffLanguage, translator } from '../../client/i18n.ts';
import { tableResponseSchema } from '../../server/contract/analysis.ts';
import { data, labels, plans, table } from '../analysis/tables/helpers.ts';

const rules = { cvFlag: 0.3, minN: 10 };
const run = computeTables(
  plans([
    table('P1', { unit: 'individual', statistic: 'proportion', variable: 'j01_remit', domains: ['stratum'] }),
  ]),
  data(),
  labels(),
  rules,
);
const warnings: TableWarning[] = [
  { code: 'lonely_psu', detail: 'SV' },
  { code: 'one_sided', detail: '2' },
];
const withWarnings = { ...run.tables[0], warnings };

/** The screen's markup for the table asked in `lang`, with the screen in that language. */
function screen(t: typeof withWarnings, lang: TableLang): string {
  const body = tableResponseSchema.parse(JSON.parse(tablesJson([t], lang, { legend: legend(rules, lang) })));
  return renderToStaticMarkup(
    createElement(
      I18nContext.Provider,
      { value: { lang: staffLanguage(lang), tabletLang: lang, t: translator(lang), setLang: () => {} } },
      createElement(ResultTable, { table: body.tables[0], legend: body.legend }),
    ),
  );
}

describe("the analyst screen's table warnings", () => {
  for (const [lang, heading] of [
    ['fr', 'Avertissements'],
    ['kea', 'Avizus'],
  ] as const) {
    it(`lists them under the cross-tab in the screen's language (${lang}), with their codes`, () => {
      const html = screen(withWarnings, lang);
      const block = html.indexOf('data-testid="analyst-warnings"');
      expect(block).toBeGreaterThan(html.indexOf('data-testid="analyst-crosstab"'));
      expect(block).toBeLessThan(html.indexOf('data-testid="analyst-cells"'));
      const shown = html.slice(block, html.indexOf('</ul>', block));
      expect(shown).toContain(`${heading}:`);
      for (const w of warnings) {
        expect(shown).toContain(
          `<li data-code="${w.code}">${warningText(w, lang).replace(/'/g, '&#x27;')}</li>`,
        );
        expect(shown).not.toContain(warningText(w, 'en'));
      }
      expect(shown).toContain('SV');
    });
  }

  it('shows no warning block for a table without warnings', () => {
    expect(screen({ ...withWarnings, warnings: [] }, 'pt')).not.toContain('analyst-warnings');
  });
});
