/**
 * `npm run export -- <survey> --format dta|csv|xlsx|parquet|all [--kind internal|public] [--data DIR]
 * [--out DIR] [--lang pt|en|fr|kea] [--office-codes database|none]`: the approved microdata with weights (household file + person file linked
 * by household_id), in the chosen format, with the codebook beside it (labels in `--lang`, the source language where the questionnaire lacks it); direct identifiers
 * left out. `--kind public` (default internal) writes the public-use file (analysis/export/public-use.ts,
 * the survey's profile.json `publicUse`): its random codes come from the folder's secret key
 * (public-use.key beside weights.json, made on first use), so every export of the same data is the same file.
 * Default data: data/weights/<survey> (written by `npm run weights -- <survey>`); default out:
 * out/export/<survey>/<format>/ (internal) or out/export/<survey>/public-<format>/. A survey that
 * declares office coding gets `<field>_office` with the codes in force in the configured database, as
 * the server's export (./office-codes.ts); `--office-codes none` leaves them out.
 * What it prints after writing is in `--lang`: the public file's disclosure-control report
 * (analysis/export/disclosure-summary.ts), then the office codes and the files' rows and variables
 * (analysis/export/export-summary.ts).
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportMicrodata, FORMATS, type MicrodataFormat } from '../../analysis/export/bundle.ts';
import { disclosureSummary } from '../../analysis/export/disclosure-summary.ts';
import { exportSummary } from '../../analysis/export/export-summary.ts';
import { buildMicrodata, MICRODATA_KINDS, type MicrodataKind } from '../../analysis/export/microdata.ts';
import { withOfficeCodes } from '../../analysis/export/office-codes.ts';
import { isTableLang, TABLE_LANGS, textIn } from '../../analysis/tables/table-words.ts';
import { loadEnv } from '../../server/env.ts';
import { folderPublicUseKey } from '../../server/storage/public-use-key.ts';
import { loadSurveyContext } from '../../server/storage/survey-context.ts';
import { loadWeightedData } from '../../server/storage/weighted-data.ts';
import { progressBar } from '../tables/progress.ts';
import { folderExportOfficeCodes, OFFICE_CODE_SOURCES, type OfficeCodeSource } from './office-codes.ts';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const opt: Record<string, string> = {};
  const pos: string[] = [];
  for (let i = 0; i < argv.length; i++)
    if (argv[i].startsWith('--')) opt[argv[i].slice(2)] = argv[++i] ?? '';
    else pos.push(argv[i]);
  const survey = pos[0];
  const format = opt.format ?? '';
  const formats = (format === 'all' ? [...FORMATS] : format.split(',')) as MicrodataFormat[];
  const kind = (opt.kind ?? 'internal') as MicrodataKind;
  const officeSource = (opt['office-codes'] ?? 'database') as OfficeCodeSource;
  const goodSource = OFFICE_CODE_SOURCES.includes(officeSource);
  const lang = opt.lang ?? 'pt';
  if (
    !survey ||
    !formats.every((f) => FORMATS.includes(f)) ||
    !MICRODATA_KINDS.includes(kind) ||
    !goodSource ||
    !isTableLang(lang)
  ) {
    if (!isTableLang(lang)) console.error(`export: --lang ${lang}: use ${TABLE_LANGS.join(', ')}`);
    if (!MICRODATA_KINDS.includes(kind))
      console.error(`export: --kind ${kind}: use ${MICRODATA_KINDS.join(' or ')}`);
    if (!goodSource)
      console.error(`export: --office-codes ${officeSource}: use ${OFFICE_CODE_SOURCES.join(' or ')}`);
    console.error(
      `usage: npm run export -- <survey> --format ${FORMATS.join('|')}|all [--kind ${MICRODATA_KINDS.join('|')}] [--data DIR] [--out DIR] [--lang ${TABLE_LANGS.join('|')}] [--office-codes ${OFFICE_CODE_SOURCES.join('|')}]`,
    );
    return 2;
  }
  const ctx = loadSurveyContext(survey);
  if (kind === 'public' && !ctx.publicUse) {
    console.error(
      `export: --kind public: survey '${survey}' declares no publicUse in questionnaires/${survey}/profile.json (the geography its public-use file keeps and drops)`,
    );
    return 2;
  }
  const progress = progressBar('export');
  const steps = 2 + formats.length;
  progress(0, steps, 'reading the weighted data and the office codes');
  const env = loadEnv();
  const dataDir = opt.data ?? join(env.MORABEZA_WEIGHTS_DIR, survey);
  const office = await folderExportOfficeCodes(env, 'questionnaires', survey, officeSource);
  const coded = withOfficeCodes(loadWeightedData(dataDir), ctx.labels, office);
  progress(1, steps, 'selecting variables');
  const m = buildMicrodata(coded.data, coded.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes, {
    kind,
    publicUse: ctx.publicUse,
    individual: ctx.individual,
    publicUseKey: kind === 'public' ? folderPublicUseKey(dataDir) : null,
  });
  // the public workbook's own dates are the run's (weights.json time): every export the same bytes
  const date =
    kind === 'public' ? new Date(Math.floor(statSync(join(dataDir, 'weights.json')).mtimeMs)) : null;
  progress(2, steps, 'writing');
  for (const [k, f] of formats.entries()) {
    const dir = join(opt.out ?? join('out', 'export', survey), kind === 'public' ? `public-${f}` : f);
    mkdirSync(dir, { recursive: true });
    const notice = ctx.notice ? textIn(ctx.notice, lang, ctx.sourceLang) : null;
    const files = await exportMicrodata(m, f, { lang, source: ctx.sourceLang, survey, notice, date });
    for (const file of files) writeFileSync(join(dir, file.name), file.bytes);
    progress(3 + k, steps, `${f}: ${files.map((x) => x.name).join(', ')} -> ${dir}`);
  }
  for (const line of disclosureSummary(m, lang)) console.log(line);
  for (const line of exportSummary(m, office, lang)) console.log(line);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`export: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
