/** The files of one microdata export format, plus the codebook (pt and en) that goes beside them. */
import { writeDta } from './dta.ts';
import type { Microdata } from './microdata.ts';
import { codebookCsv, codebookRows, fileCsv, fileParquet, microdataXlsx } from './microdata-files.ts';

export const FORMATS = ['csv', 'xlsx', 'dta', 'parquet'] as const;
export type MicrodataFormat = (typeof FORMATS)[number];

export interface ExportedFile {
  name: string;
  bytes: Uint8Array;
}

const text = (s: string) => new TextEncoder().encode(s);

export async function exportMicrodata(
  m: Microdata,
  format: MicrodataFormat,
  opts: { lang: 'pt' | 'en'; survey: string; notice?: string | null },
): Promise<ExportedFile[]> {
  const files: ExportedFile[] = [];
  if (format === 'csv')
    for (const f of [m.households, m.persons]) files.push({ name: `${f.name}.csv`, bytes: text(fileCsv(f)) });
  if (format === 'xlsx')
    files.push({
      name: `${opts.survey}-microdata.xlsx`,
      bytes: new Uint8Array(await microdataXlsx(m, opts.lang)),
    });
  if (format === 'dta')
    for (const f of [m.households, m.persons])
      files.push({
        name: `${f.name}.dta`,
        bytes: writeDta(f, { lang: opts.lang, label: `${opts.survey.toUpperCase()} ${f.name}` }),
      });
  if (format === 'parquet')
    for (const f of [m.households, m.persons])
      files.push({ name: `${f.name}.parquet`, bytes: new Uint8Array(fileParquet(f)) });
  const codebook = {
    survey: opts.survey,
    notice: opts.notice ?? null,
    link: 'persons.household_id = households.household_id',
    dropped: m.dropped,
    variables: codebookRows(m),
  };
  files.push({ name: 'codebook.json', bytes: text(`${JSON.stringify(codebook, null, 2)}\n`) });
  files.push({ name: 'codebook.csv', bytes: text(codebookCsv(m)) });
  return files;
}
