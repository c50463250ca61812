/**
 * Back-translation (scripts/questionnaires/lib/back-translation.ts, translations:flagged): a reviewer's
 * back-translation and flag typed into a translator's workbook land in the catalogue, and the report lists
 * exactly the flagged strings, with Portuguese source, translation, status and back-translation. Shown on
 * IPEI's Kriolu interface catalogue, exported and imported as translators do (`--interface`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { flaggedMarkdown, flaggedStrings } from '../../scripts/questionnaires/lib/back-translation.ts';
import { catalogueText, parseCatalogue } from '../../scripts/questionnaires/lib/catalogue.ts';
import { interfaceSites } from '../../scripts/questionnaires/lib/interface-check.ts';
import { exportWorkbook, importWorkbook, SHEET } from '../../scripts/questionnaires/lib/workbook.ts';

const repo = new URL('../..', import.meta.url).pathname;
const path = join(repo, 'questionnaires/ipei/interface/kea.json');
const kea = parseCatalogue(path, readFileSync(path, 'utf8'));

/** The workbook with the reviewer's back-translation (and flag, when given) on the row of `key`. */
async function reviewed(key: string, backTranslation: string, flag: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportWorkbook(interfaceSites(), kea, 'kea')) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET);
  if (!ws) throw new Error('no sheet');
  const header = ws.getRow(1).values as string[];
  ws.eachRow((row) => {
    if (row.getCell(1).value !== key) return;
    row.getCell(header.indexOf('back-translation')).value = backTranslation;
    row.getCell(header.indexOf('back-translation flag')).value = flag;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('back-translation', () => {
  it('the interface workbook round-trips the Kriolu catalogue byte for byte', async () => {
    const book = await exportWorkbook(interfaceSites(), kea, 'kea');
    const result = await importWorkbook(book, interfaceSites(), kea, 'kea');
    expect(result.changed).toEqual([]);
    expect(catalogueText(result.catalogue)).toBe(readFileSync(path, 'utf8'));
  });

  it('the workbook has the columns, and an unflagged back-translation is kept but not reported', async () => {
    const book = await reviewed('pageNextText', 'Continue', '');
    const result = await importWorkbook(book, interfaceSites(), kea, 'kea');
    expect(result.problems).toEqual([]);
    expect(result.changed).toEqual(['pageNextText']);
    expect(result.catalogue.pageNextText.backTranslation).toBe('Continue');
    expect(flaggedStrings(interfaceSites(), result.catalogue)).toEqual([]);
  });

  it('the report lists a flagged string with its source, translation, status and back-translation', async () => {
    const flag = 'reads as an order to the respondent; the source asks the enumerator for an answer';
    const book = await reviewed('requiredError', 'You have to answer this question.', flag);
    const { catalogue } = await importWorkbook(book, interfaceSites(), kea, 'kea');
    const rows = flaggedStrings(interfaceSites(), catalogue);
    expect(rows).toEqual([
      {
        key: 'requiredError',
        source: 'Por favor, responda à pergunta.',
        text: kea.requiredError.text,
        status: 'draft',
        backTranslation: 'You have to answer this question.',
        flag,
      },
    ]);
    const md = flaggedMarkdown('ipei', [{ lang: 'kea', kind: 'interface', rows }]);
    expect(md).toContain('1 flagged string(s).');
    expect(md).toContain('## kea (interface): 1');
    expect(md).toContain(
      `| \`requiredError\` | Por favor, responda à pergunta. | ${kea.requiredError.text} | draft | You have to answer this question. | ${flag} |`,
    );
  });
});
