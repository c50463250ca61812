/**
 * The codebook as a readable Markdown page: how to analyse each unit (its rows, weight, replicate
 * weights, type, scale, rscales, mse, design variables; the setups beside the files), then every
 * variable with its label and value labels, in the export's language (pt, en, fr or kea: headings and
 * notes from codebook-words.ts, labels the questionnaire's own in that language, else its source
 * language's). A public-use file's page also gives its top-codes, recodes, local suppressions and the
 * complementary check after them, and its disclosure risk on the survey's key variables before and
 * after them, for the person file and (publicUse.households) the household file, and what it
 * guarantees, all in the page's language too.
 */
import { type SourceLang, type TableLang, textIn } from '../tables/table-words.ts';
import { CODEBOOK_WORDS, type MicrodataWords } from './codebook-words.ts';
import { treatmentText } from './disclosure-control.ts';
import { type DisclosureRisk, disclosureRiskText } from './disclosure-risk.ts';
import { stataCutsLabel, stataName } from './dta.ts';
import { householdRiskText } from './household-risk.ts';
import { riskControlText } from './household-risk-control.ts';
import { sizeText } from './household-size.ts';
import { kindContents } from './kind-contents.ts';
import { linkedText } from './linked-households.ts';
import { suppressionText } from './local-suppression.ts';
import type { Microdata } from './microdata.ts';
import { codebookRows } from './microdata-files.ts';
import { publicGuarantees } from './public-guarantees.ts';
import { PUBLIC_USE_K } from './public-use-defaults.ts';
import { recoveryText } from './recoverable-values.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The public file's top-codes and recodes, one line each. */
function controlLines(m: Microdata, w: MicrodataWords, lang: TableLang): string[] {
  const ts = m.disclosureControl?.treatments ?? [];
  if (!m.disclosureControl) return [];
  const sup = m.disclosureControl.suppressions;
  const rec = m.disclosureControl.recovered ?? null;
  const absent = m.disclosureControl.absent ?? [];
  return [
    `### ${w.disclosureControl}`,
    '',
    ...(ts.length ? treatmentText(ts, lang).map((t) => `- ${t}`) : [w.noTreatment]),
    '',
    ...(absent.length ? [`${w.absent} ${absent.join(', ')}.`, ''] : []),
    ...(sup
      ? [
          w.localSuppressionNote,
          '',
          ...suppressionText(sup, m.disclosureRisk?.k ?? PUBLIC_USE_K, lang).map((t) => `- ${t}`),
          '',
        ]
      : []),
    ...(rec
      ? [w.complementaryNote, '', ...recoveryText(rec.recoveries, rec.action, lang).map((t) => `- ${t}`), '']
      : []),
  ];
}

/**
 * The household file's own control (publicUse.households): its local suppression, the check after it
 * and its risk before and after, under one heading.
 */
function householdLines(m: Microdata, w: MicrodataWords, lang: TableLang): string[] {
  const c = m.disclosureControl?.households;
  const r = m.householdDisclosureRisk;
  if (!c || !r) return [];
  return [
    `### ${w.householdFile}`,
    '',
    ...(c.size ? [`- ${sizeText(c.size, lang)}`, ''] : []),
    ...(c.suppressions
      ? [
          w.localSuppression,
          '',
          ...suppressionText(c.suppressions, r.k, lang, 'household').map((t) => `- ${t}`),
          '',
        ]
      : []),
    ...(c.linked ? [...linkedText(c.linked, lang).map((t) => `- ${t}`), ''] : []),
    ...(c.risk?.before ? [...riskControlText(c.risk, lang).map((t) => `- ${t}`), ''] : []),
    ...(c.recovered
      ? [...recoveryText(c.recovered.recoveries, c.recovered.action, lang).map((t) => `- ${t}`), '']
      : []),
    `${w.after} ${disclosureRiskText(r, lang)}`,
    '',
    ...(c.riskBefore ? [`${w.before} ${disclosureRiskText(c.riskBefore, lang)}`, ''] : []),
  ];
}

/** A .dta's variables whose label (in the page's language) Stata cuts at 80 characters, named. */
function dtaCutLines(
  m: Microdata,
  w: MicrodataWords,
  opts: { lang: TableLang; source?: SourceLang; format?: string },
): string[] {
  if (opts.format !== 'dta') return [];
  const cut = [m.households, m.persons].flatMap((f) =>
    f.variables
      .filter((v) => stataCutsLabel(textIn(v.label, opts.lang, opts.source)))
      .map((v) => `${f.name}.${stataName(v.name)}`),
  );
  return cut.length ? [w.dtaLabelsCut(cut.join(', ')), ''] : [];
}

/** What the public file guarantees and what not (public-guarantees.ts). */
function guaranteeLines(m: Microdata, w: MicrodataWords, lang: TableLang): string[] {
  const text = publicGuarantees(m, lang);
  return text ? [`### ${w.guarantees}`, '', text, ''] : [];
}

/** The public file's disclosure risk (after treatment; before it too): the records by cell size. */
function riskLines(
  r: DisclosureRisk,
  before: DisclosureRisk | null,
  w: MicrodataWords,
  lang: TableLang,
): string[] {
  return [
    `### ${w.disclosureRisk}`,
    '',
    `${w.after} ${disclosureRiskText(r, lang)}`,
    '',
    ...(before ? [`${w.before} ${disclosureRiskText(before, lang)}`, ''] : []),
    `| ${w.riskHead[0]} | ${w.riskHead[1]} |`,
    '| ---: | ---: |',
    ...r.recordsBySize.map((n, i) => `| ${i + 1} | ${n} |`),
    '',
  ];
}

/**
 * The page in `opts.lang`; a label the questionnaire lacks in it is in its source language (`source`,
 * pt by default).
 */
export function codebookMarkdown(
  m: Microdata,
  opts: {
    lang: TableLang;
    source?: SourceLang;
    survey: string;
    notice?: string | null;
    setups: string[];
    /** The export's format: a .dta's codebook names the labels Stata cuts. */
    format?: string;
  },
): string {
  const words = CODEBOOK_WORDS[opts.lang];
  const w = words.microdata;
  const c = words.columns;
  const range = (cols: string[]) =>
    cols.length > 2 ? `${cols[0]} … ${cols[cols.length - 1]} (${cols.length})` : cols.join(', ');
  const lines = [
    `# ${words.heading(opts.survey)}`,
    '',
    ...(opts.notice ? [opts.notice, ''] : []),
    `## ${m.kind === 'public' ? w.publicFile : w.internalFile}`,
    '',
    kindContents(m, opts.lang),
    '',
    ...controlLines(m, w, opts.lang),
    ...(m.disclosureRisk
      ? riskLines(m.disclosureRisk, m.disclosureControl?.riskBefore ?? null, w, opts.lang)
      : []),
    ...householdLines(m, w, opts.lang),
    ...(m.householdRisk ? [householdRiskText(m.householdRisk, opts.lang), ''] : []),
    ...guaranteeLines(m, w, opts.lang),
    w.filesLine,
    '',
    `## ${w.howToAnalyse}`,
    '',
    w.replicates(opts.setups.join(', ')),
    '',
    `| ${w.designHead.join(' | ')} |`,
    '| --- | --- | --- | --- | --- | --- | ---: | --- | --- | --- | --- |',
    ...m.design.map((u) => {
      const rs = [...new Set(u.rscales.map((x) => Number(x.toPrecision(6))))];
      return `| ${u.unit} | ${u.file} | ${u.rows} | ${u.weight} | ${range(u.repweights)} | ${u.type} | ${u.scale} | ${rs.length === 1 ? w.each(rs[0]) : w.perReplicate(Math.min(...rs), Math.max(...rs))} | ${u.mse} | ${u.strata} | ${u.psu} |`;
    }),
    '',
    `## ${w.variables}`,
    '',
    w.specialCodes,
    '',
    ...dtaCutLines(m, w, opts),
    `| ${w.file} | ${c.variable} | ${w.role} | ${c.type} | ${c.label} | ${c.values} | ${w.missing} |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...codebookRows(m, opts.source).map(
      (r) =>
        `| ${r.file} | ${r.variable} | ${r.role} | ${r.type} | ${cell(r[`label_${opts.lang}`])} | ${cell(r.values.map((v) => `${v.code} = ${v[opts.lang]}`).join('; '))} | ${cell(r.missing.map((v) => `${v.code} = ${v.stata} ${v[opts.lang]}`).join('; '))} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
