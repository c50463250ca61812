/**
 * The lines `npm run export` prints after the disclosure report, in the export's `--lang`: one for
 * each office-coded field (its `<field>_office` variable, how many distinct texts carry a code, and
 * the text question), then the file's kind with each file's rows and variables and the columns left
 * out. The words are codebook-words.ts's (`microdata.report.officeCodes` and `exported`), beside the
 * disclosure report's.
 */
import type { TableLang } from '../tables/table-words.ts';
import { CODEBOOK_WORDS } from './codebook-words.ts';
import type { Microdata } from './microdata.ts';
import { type OfficeCodedPair, officeVariableOf } from './office-codes.ts';

export function exportSummary(
  m: Microdata,
  office: ReadonlyArray<Pick<OfficeCodedPair, 'field' | 'text' | 'assigned'>>,
  lang: TableLang,
): string[] {
  const w = CODEBOOK_WORDS[lang].microdata;
  const leftOut = [...m.dropped.households, ...m.dropped.persons].join(', ');
  return [
    ...office.map((p) =>
      w.report.officeCodes({ variable: officeVariableOf(p.field), coded: p.assigned.size, text: p.text }),
    ),
    w.report.exported({
      file: m.kind === 'public' ? w.publicFile : w.internalFile,
      households: m.households.rows,
      householdVariables: m.households.variables.length,
      persons: m.persons.rows,
      personVariables: m.persons.variables.length,
      leftOut: leftOut || null,
    }),
  ];
}
