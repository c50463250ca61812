/**
 * The microdata files: CSV (UTF-8, codes), Excel (data sheets + codebook), Parquet
 * (hyparquet-writer: DOUBLE or STRING columns, labels in the four languages in the key-value metadata) and the codebook
 * in Portuguese, English, French and Kriolu (JSON and CSV; a label the questionnaire lacks in French
 * or Kriolu is in its source language) that goes beside every format. Special codes (don't know,
 * refused, not applicable) stay codes in CSV, Excel and Parquet, so that the three stay apart (one blank
 * could not tell them from a question not asked); the codebook lists them as missing for each variable,
 * with the .a/.b/.c they become in the .dta.
 */
import ExcelJS from 'exceljs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { type SourceLang, TABLE_LANGS, type TableLang, textIn } from '../tables/table-words.ts';
import { formulaSafe } from './formula-safe.ts';
import type { ExportFile, ExportVariable, Microdata } from './microdata.ts';
import { zipArchive } from './zip-archive.ts';
import { zipEntries } from './zip-entries.ts';

const csvCell = (v: string | number | null): string => {
  if (v === null) return '';
  const s = typeof v === 'number' ? (Number.isNaN(v) ? '' : String(v)) : formulaSafe(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function fileCsv(file: ExportFile): string {
  const names = file.variables.map((v) => v.name);
  const lines = [names.join(',')];
  for (let i = 0; i < file.rows; i++) lines.push(names.map((n) => csvCell(file.columns[n][i])).join(','));
  return `${lines.join('\n')}\n`;
}

export interface CodebookRow {
  file: string;
  variable: string;
  role: ExportVariable['role'];
  type: ExportVariable['kind'];
  label_pt: string;
  label_en: string;
  /** The questionnaire's French and Kriolu, else its source language's. */
  label_fr: string;
  label_kea: string;
  values: Array<{ code: number | string } & Record<TableLang, string>>;
  /** Special codes: missing values (Stata .a/.b/.c in the .dta; the code itself in CSV and Parquet). */
  missing: Array<{ code: number; kind: string; stata: string } & Record<TableLang, string>>;
}

/** A label in each of the four languages, the source language's where the survey lacks one. */
const inFour = (t: { pt: string; en: string; fr?: string; kea?: string }, source: SourceLang) => ({
  pt: t.pt,
  en: t.en,
  fr: textIn(t, 'fr', source),
  kea: textIn(t, 'kea', source),
});

const missingText = (r: CodebookRow, l: TableLang) =>
  r.missing.map((v) => `${v.code}=${v.stata} ${v[l]}`).join('; ');
const valuesText = (r: CodebookRow, l: TableLang) => r.values.map((v) => `${v.code}=${v[l]}`).join('; ');

/** One row per variable; `source` is the survey's source language (pt unless en). */
export function codebookRows(m: Microdata, source: SourceLang = 'pt'): CodebookRow[] {
  return [m.households, m.persons].flatMap((f) =>
    f.variables.map((v) => {
      const label = inFour(v.label, source);
      return {
        file: f.name,
        variable: v.name,
        role: v.role,
        type: v.kind,
        label_pt: label.pt,
        label_en: label.en,
        label_fr: label.fr,
        label_kea: label.kea,
        values: v.values.map((x) => ({ code: x.code, ...inFour(x, source) })),
        missing: v.missing.map((x) => ({
          code: x.code,
          kind: x.kind,
          stata: `.${x.tag}`,
          ...inFour(x, source),
        })),
      };
    }),
  );
}

export function codebookCsv(m: Microdata, source: SourceLang = 'pt'): string {
  const head = [
    'file,variable,role,type',
    ...TABLE_LANGS.map((l) => `label_${l}`),
    ...TABLE_LANGS.map((l) => `values_${l}`),
    ...TABLE_LANGS.map((l) => `missing_${l}`),
  ].join(',');
  const rows = codebookRows(m, source).map((r) =>
    [
      r.file,
      r.variable,
      r.role,
      r.type,
      ...TABLE_LANGS.map((l) => r[`label_${l}`]),
      ...TABLE_LANGS.map((l) => valuesText(r, l)),
      ...TABLE_LANGS.map((l) => missingText(r, l)),
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[head, ...rows].join('\n')}\n`;
}

/**
 * The workbook: the household and person sheets and the codebook (labels in pt and en, and in `lang`
 * when it is fr or kea; values and missing codes in `lang`). With a `date` (the run's, for the
 * public file) the workbook's created and modified dates and every zip entry carry it, so the same
 * data give the same bytes; without one they are the time of writing.
 */
export async function microdataXlsx(
  m: Microdata,
  lang: TableLang,
  date?: Date | null,
  source: SourceLang = 'pt',
): Promise<Buffer> {
  const labels: TableLang[] = lang === 'pt' || lang === 'en' ? ['pt', 'en'] : ['pt', 'en', lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Morabeza';
  if (date) {
    wb.created = date;
    wb.modified = date;
  }
  for (const f of [m.households, m.persons]) {
    const ws = wb.addWorksheet(f.name);
    ws.addRow(f.variables.map((v) => v.name)).font = { bold: true };
    for (let i = 0; i < f.rows; i++)
      ws.addRow(
        f.variables.map((v) => {
          const x = f.columns[v.name][i];
          return typeof x === 'number' && Number.isNaN(x) ? null : formulaSafe(x);
        }),
      );
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const cb = wb.addWorksheet('codebook');
  cb.columns = [
    { width: 12 },
    { width: 24 },
    { width: 10 },
    { width: 10 },
    ...labels.map(() => ({ width: 50 })),
    { width: 60 },
    { width: 40 },
  ];
  cb.addRow([
    'file',
    'variable',
    'role',
    'type',
    ...labels.map((l) => `label_${l}`),
    `values_${lang}`,
    `missing_${lang}`,
  ]).font = { bold: true };
  for (const r of codebookRows(m, source))
    cb.addRow([
      r.file,
      r.variable,
      r.role,
      r.type,
      ...labels.map((l) => r[`label_${l}`]),
      valuesText(r, lang),
      missingText(r, lang),
    ]);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  // exceljs's zip writer (JSZip) stamps each entry with the time of writing and takes no date
  return date ? Buffer.from(zipArchive(zipEntries(bytes), date)) : bytes;
}

/**
 * A file as Parquet: DOUBLE and STRING columns, and `morabeza.labels` in the key-value metadata: each
 * variable's label, value labels and special codes in the four languages, a language the survey lacks
 * filled with its source language (`source`), as codebook.json and codebook.csv have them.
 */
export function fileParquet(file: ExportFile, source: SourceLang = 'pt'): ArrayBuffer {
  return parquetWriteBuffer({
    columnData: file.variables.map((v) => {
      const col = file.columns[v.name];
      return v.kind === 'numeric'
        ? {
            name: v.name,
            data: Array.from(col as Float64Array, (x) => (Number.isNaN(x) ? null : x)),
            type: 'DOUBLE' as const,
          }
        : { name: v.name, data: col as (string | null)[], type: 'STRING' as const };
    }),
    kvMetadata: [
      {
        key: 'morabeza.labels',
        value: JSON.stringify(
          Object.fromEntries(
            file.variables.map((v) => [
              v.name,
              {
                label: inFour(v.label, source),
                values: v.values.map((x) => ({ ...x, ...inFour(x, source) })),
                missing: v.missing.map((x) => ({ ...x, ...inFour(x, source) })),
              },
            ]),
          ),
        ),
      },
    ],
  });
}
