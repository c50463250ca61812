/**
 * The files of one microdata export format, plus what goes beside them: the codebook (JSON, CSV and
 * Markdown, with each unit's design) and the setups that build the designs from the files alone
 * (setup.R always; setup.do beside CSV and .dta; setup.py beside CSV).
 */
import type { SourceLang, TableLang } from '../tables/table-words.ts';
import { codebookMarkdown } from './codebook-markdown.ts';
import {
  exampleVariable,
  setupFiles,
  setupPython,
  setupR,
  setupStata,
  specialCodesByFile,
} from './design-setup.ts';
import { writeDta } from './dta.ts';
import { kindContents } from './kind-contents.ts';
import type { Microdata } from './microdata.ts';
import { codebookCsv, codebookRows, fileCsv, fileParquet, microdataXlsx } from './microdata-files.ts';
import { publicGuarantees } from './public-guarantees.ts';

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
  opts: {
    /** The labels' language (the .dta's, the workbook's values, codebook.md's). */
    lang: TableLang;
    /** The survey's source language, for a label it lacks in `lang` (pt by default). */
    source?: SourceLang;
    survey: string;
    notice?: string | null;
    /** The run's date, for the workbook's own dates (a public file: the same bytes on every download). */
    date?: Date | null;
  },
): Promise<ExportedFile[]> {
  const files: ExportedFile[] = [];
  if (format === 'csv')
    for (const f of [m.households, m.persons]) files.push({ name: `${f.name}.csv`, bytes: text(fileCsv(f)) });
  if (format === 'xlsx')
    files.push({
      name: `${opts.survey}-microdata.xlsx`,
      bytes: new Uint8Array(await microdataXlsx(m, opts.lang, opts.date, opts.source)),
    });
  if (format === 'dta')
    for (const f of [m.households, m.persons])
      files.push({
        name: `${f.name}.dta`,
        // the public file has no time stamp: every download of a run is the same file
        bytes: writeDta(f, {
          lang: opts.lang,
          source: opts.source,
          label: `${opts.survey.toUpperCase()} ${f.name}`,
          now: m.kind === 'public' ? null : undefined,
        }),
      });
  if (format === 'parquet')
    for (const f of [m.households, m.persons])
      files.push({ name: `${f.name}.parquet`, bytes: new Uint8Array(fileParquet(f, opts.source)) });
  const example = exampleVariable(m);
  const special = specialCodesByFile(m);
  const bodies: Record<string, () => string> = {
    'setup.R': () => setupR(m.design, format, example, special),
    'setup.do': () => setupStata(m.design, format, example, special),
    'setup.py': () => setupPython(m.design, example, special),
  };
  const setups = setupFiles(format).map((name) => ({ name, body: bodies[name]() }));
  const codebook = {
    survey: opts.survey,
    kind: m.kind,
    contents: kindContents(m, 'en'),
    publicUse: m.publicUse,
    disclosureRisk: m.disclosureRisk,
    householdDisclosureRisk: m.householdDisclosureRisk,
    householdRisk: m.householdRisk,
    disclosureControl: m.disclosureControl,
    guarantees: publicGuarantees(m, 'en'),
    notice: opts.notice ?? null,
    link: 'persons.household_id = households.household_id',
    dropped: m.dropped,
    design: m.design,
    setup: setups.map((x) => x.name),
    variables: codebookRows(m, opts.source),
  };
  files.push({ name: 'codebook.json', bytes: text(`${JSON.stringify(codebook, null, 2)}\n`) });
  files.push({ name: 'codebook.csv', bytes: text(codebookCsv(m, opts.source)) });
  files.push({
    name: 'codebook.md',
    bytes: text(codebookMarkdown(m, { ...opts, format, setups: setups.map((x) => x.name) })),
  });
  for (const x of setups) files.push({ name: x.name, bytes: text(x.body) });
  return files;
}
