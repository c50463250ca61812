/**
 * `npm run tables -- <survey> [--data DIR] [--out DIR] [--lang pt|en|fr|kea] [--only T01,T05]`:
 * computes every table of questionnaires/<survey>/tables.json from the weighted data (default
 * data/weights/<survey>, written by `npm run weights -- <survey>`) and writes tables.<lang>.csv,
 * .json and .xlsx to --out (default out/tables/<survey>), the engine's words and the tables'
 * warnings in that language (a survey text it lacks in its source language). A table that cannot be made is listed
 * (table, field, message) and the others are still written; the exit status is then 1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tablesCsv, tablesJson } from '../../analysis/export/tables-csv.ts';
import { tablesXlsxBuffer } from '../../analysis/export/tables-xlsx.ts';
import { legend } from '../../analysis/tables/reliability.ts';
import { computeTables } from '../../analysis/tables/run.ts';
import { isTableLang, TABLE_LANGS, textIn } from '../../analysis/tables/table-words.ts';
import { loadEnv } from '../../server/env.ts';
import { loadSurveyContext } from '../../server/storage/survey-context.ts';
import { loadWeightedData } from '../../server/storage/weighted-data.ts';
import { progressBar } from './progress.ts';

function args(argv: string[]) {
  const out: Record<string, string> = {};
  const pos: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) out[argv[i].slice(2)] = argv[++i] ?? '';
    else pos.push(argv[i]);
  }
  return { survey: pos[0], ...out };
}

async function main(): Promise<number> {
  const a = args(process.argv.slice(2)) as Record<string, string | undefined>;
  if (!a.survey) {
    console.error(
      'usage: npm run tables -- <survey> [--data DIR] [--out DIR] [--lang pt|en|fr|kea] [--only T01,T02]',
    );
    return 2;
  }
  const lang = a.lang ?? 'pt';
  if (!isTableLang(lang)) {
    console.error(`--lang must be one of ${TABLE_LANGS.join(', ')} (got '${lang}')`);
    return 2;
  }
  const ctx = loadSurveyContext(a.survey);
  const data = loadWeightedData(a.data ?? join(loadEnv().MORABEZA_WEIGHTS_DIR, a.survey));
  const file = a.only
    ? {
        ...ctx.file,
        tables: ctx.file.tables.filter((t) => a.only?.split(',').includes((t as { id: string }).id)),
      }
    : ctx.file;
  const run = computeTables(
    file,
    data,
    ctx.labels,
    ctx.rules,
    progressBar('tables'),
    undefined,
    ctx.specialCodes,
  );
  const outDir = a.out ?? join('out', 'tables', a.survey);
  mkdirSync(outDir, { recursive: true });
  const text = {
    legend: legend(ctx.rules, lang),
    notice: ctx.notice ? textIn(ctx.notice, lang, ctx.sourceLang) : null,
    source: ctx.sourceLang,
  };
  writeFileSync(join(outDir, `tables.${lang}.csv`), tablesCsv(run.tables, lang, null, ctx.sourceLang));
  writeFileSync(
    join(outDir, `tables.${lang}.json`),
    tablesJson(run.tables, lang, { ...text, issues: run.issues }),
  );
  writeFileSync(
    join(outDir, `tables.${lang}.xlsx`),
    await tablesXlsxBuffer(run.tables, run.issues, lang, text),
  );
  const cells = run.tables.reduce((s, t) => s + t.cells.length, 0);
  const count = (r: string) =>
    run.tables.reduce((s, t) => s + t.cells.filter((c) => c.reliability === r).length, 0);
  console.log(
    `${run.tables.length} tables, ${cells} cells (${count('flag')} flagged CV > ${ctx.rules.cvFlag * 100}%, ${count('suppress')} suppressed n < ${ctx.rules.minN}, ${count('empty')} empty n = 0, ${count('control')} controls) -> ${outDir}/tables.${lang}.{csv,json,xlsx}`,
  );
  for (const i of run.issues) console.error(`table ${i.table}, field ${i.field}: ${i.message}`);
  return run.issues.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`tables: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
