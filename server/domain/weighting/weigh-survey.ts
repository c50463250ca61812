/**
 * One weighting run of a survey, from the inputs read off the database to its result (returned to the
 * server, which stores it in the database) and the files `npm run weights` and the CLI tables read: the weight files (households, roster, individuals with every step
 * and the JKn replicates), the weighted data folder <out>/<survey>/, and the weighting report (JSON
 * and Markdown: <survey>-weighting-report.md in English, as before, and <survey>-weighting-report.<lang>.md
 * in each of the survey's languages the report speaks, its default language first). The weighted data folder is written beside the old one and swapped in, so a reader
 * never sees half a run. Used by `npm run weights` and by the server's weighting job (in a worker).
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { weightedDataFromRun } from '../../../analysis/tables/from-weighting.ts';
import type { WeightedData } from '../../../analysis/tables/weighted-data.ts';
import {
  REPORT_MESSAGES,
  type ReportLang,
  reportLangsOf,
  reportMarkdown,
  weightingError,
} from '../../../analysis/weighting/index.ts';
import type { WeighingSummary } from '../../contract/weighting.ts';
import { runWeightingInThreads } from '../../jobs/replicate-pool.ts';
import { writeWeightFiles } from '../../storage/weight-files.ts';
import { loadWeightedData, writeWeightedData } from '../../storage/weighted-data.ts';
import { flattenAnswers } from './flatten.ts';
import type { WeightingInputs } from './inputs.ts';
import { rosterKeys } from './roster.ts';
import { loadWeightingSurvey, type WeightingSurvey } from './survey-files.ts';

export interface WeighSurveyOptions {
  survey: string;
  /** Folder of the weight files; the weighted data go to <outDir>/<survey>/ (default data/weights). */
  outDir: string;
  /** Repository root holding questionnaires/ (default the working directory). */
  root?: string;
  /** The folder of the survey folders, if not <root>/questionnaires (MORABEZA_QUESTIONNAIRES_DIR). */
  questionnairesDir?: string;
  replicates: boolean;
  /** Where the inputs came from, for the report (a database URL without its token). */
  source: string;
}

/** What a run reports back (also kept in <outDir>/<survey>-weighting-report.json). */
export type { WeighingSummary };

/**
 * A run's whole result: the summary, the report (JSON and Markdown) and the weighted data as the
 * tables read them (the files' own round trip, so the database copy and the files agree).
 */
export interface WeighOutcome {
  summary: WeighingSummary;
  report: Record<string, unknown>;
  markdown: string;
  data: WeightedData;
}

/** The survey's folder as the weighting reads it (questionnaires/<survey>/ under the options' root). */
export const weightingSurveyOf = (
  options: Pick<WeighSurveyOptions, 'root' | 'survey' | 'questionnairesDir'>,
): WeightingSurvey =>
  loadWeightingSurvey(
    options.questionnairesDir ?? join(options.root ?? '.', 'questionnaires'),
    options.survey,
  );

export async function weighSurvey(
  inputs: WeightingInputs,
  options: WeighSurveyOptions,
): Promise<WeighOutcome> {
  const { survey, outDir } = options;
  const files = weightingSurveyOf(options);
  const { recipe, design, profile } = files;
  const { households, persons, skipped, answers } = inputs;
  if (!households.length) throw weightingError('input.no_sample', { survey, source: options.source });
  if (!households.some((h) => h.status === 'respondent')) throw weightingError('input.no_respondents', {});
  const t0 = Date.now();
  // the replicates in worker threads, one per core (the same weights as runWeighting, bit for bit)
  const result = await runWeightingInThreads(households, persons, recipe, design, {
    replicates: options.replicates,
  });
  mkdirSync(outDir, { recursive: true });
  const written = writeWeightFiles(result, outDir, survey);
  const rosterKey =
    profile.roster && recipe.persons
      ? (rosterKeys(files.questionnaire).get(profile.roster.variable) ?? profile.roster.variable)
      : null;
  const target = join(outDir, survey);
  const fresh = `${target}.new-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  writeWeightedData(
    fresh,
    weightedDataFromRun(result, flattenAnswers(answers, files.questionnaire, rosterKey), {
      survey,
      questionnaire: files.questionnaireId,
    }),
  );
  rmSync(old, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, old);
  renameSync(fresh, target);
  rmSync(old, { recursive: true, force: true });
  written.push(join(survey, 'weights.json'));
  const seconds = (Date.now() - t0) / 1000;
  const generatedAt = new Date().toISOString();
  const s = result.report.sample;
  const r = result.report.replicates;
  const langs = reportLangsOf(profile.languages.map((l) => l.code));
  const reportFiles = [
    `${survey}-weighting-report.json`,
    `${survey}-weighting-report.md`,
    ...langs.map((lang) => `${survey}-weighting-report.${lang}.md`),
  ];
  const summary: WeighingSummary = {
    survey,
    generatedAt,
    seconds,
    households: s.households,
    respondents: s.respondents,
    eligiblePersons: s.eligiblePersons,
    individualRespondents: s.individualRespondents,
    replicates: r.count,
    failedReplicates: r.failed.length,
    unboundedReplicates: r.unboundedFallback,
    maxControlDifference: Math.max(0, ...result.report.controls.map((c) => Math.abs(c.difference))),
    skipped: skipped.length,
    files: [...written, ...reportFiles].map((f) => join(outDir, f)),
  };
  const report = {
    survey,
    database: options.source,
    notice: design.notice ? String(design.notice) : null,
    generatedAt,
    seconds,
    summary,
    skipped,
    ...result.report,
    replicateScales: result.replicates.rscales,
    replicatePsus: result.replicates.psus,
  };
  writeFileSync(join(outDir, reportFiles[0]), `${JSON.stringify(report, null, 2)}\n`);
  const markdownIn = (lang: ReportLang) =>
    reportMarkdown(result.report, REPORT_MESSAGES[lang].titleOf(survey, report.notice), lang);
  const markdown = markdownIn('en');
  writeFileSync(join(outDir, reportFiles[1]), markdown);
  for (const [i, lang] of langs.entries()) writeFileSync(join(outDir, reportFiles[2 + i]), markdownIn(lang));
  return { summary, report, markdown, data: loadWeightedData(target) };
}
