/**
 * The codebook as a readable Markdown page: how to analyse each unit (its rows, weight, replicate
 * weights, type, scale, rscales, mse, design variables; the setups beside the files), then every
 * variable with its label and value labels, in the export's language. A public-use file's page also
 * gives its top-codes, recodes, local suppressions and the complementary check after them, and its disclosure risk on the survey's key variables before and
 * after them, for the person file and (publicUse.households) the household file.
 */
import { treatmentText } from './disclosure-control.ts';
import { type DisclosureRisk, disclosureRiskText } from './disclosure-risk.ts';
import { householdRiskText } from './household-risk.ts';
import { sizeText } from './household-size.ts';
import { kindContents } from './kind-contents.ts';
import { suppressionText } from './local-suppression.ts';
import type { Microdata } from './microdata.ts';
import { codebookRows } from './microdata-files.ts';
import { publicGuarantees } from './public-guarantees.ts';
import { recoveryText } from './recoverable-values.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The public file's top-codes and recodes, one line each. */
function controlLines(m: Microdata, lang: 'pt' | 'en'): string[] {
  const ts = m.disclosureControl?.treatments ?? [];
  if (!m.disclosureControl) return [];
  const sup = m.disclosureControl.suppressions;
  const rec = m.disclosureControl.recovered ?? null;
  const absent = m.disclosureControl.absent ?? [];
  const pt = lang === 'pt';
  return [
    `### ${pt ? 'Controlo da divulgação' : 'Disclosure control'}`,
    '',
    ...(ts.length
      ? treatmentText(ts, lang).map((t) => `- ${t}`)
      : [pt ? 'Nenhuma variável codificada no topo nem recodificada.' : 'No variable top-coded or recoded.']),
    '',
    ...(absent.length
      ? [
          `${pt ? 'Declaradas mas ausentes destes ficheiros:' : 'Declared but not in these files:'} ${absent.join(', ')}.`,
          '',
        ]
      : []),
    ...(sup
      ? [
          pt
            ? 'Supressão local (valores postos em falta; no risco, um valor em falta conta como qualquer valor, como no sdcMicro):'
            : 'Local suppression (values set to missing; in the risk, a missing value matches any value, as in sdcMicro):',
          '',
          ...suppressionText(sup, m.disclosureRisk?.k ?? 3, lang).map((t) => `- ${t}`),
          '',
        ]
      : []),
    ...(rec
      ? [
          pt
            ? 'Supressão complementar (uma variável divulgada cujo valor corresponde a um só valor da variável suprimida, nos registos que a mostram, dá-o de volta):'
            : 'Complementary suppression (a released variable whose value goes with a single value of the suppressed variable, on the records that show it, gives it back):',
          '',
          ...recoveryText(rec.recoveries, rec.action, lang).map((t) => `- ${t}`),
          '',
        ]
      : []),
  ];
}

/**
 * The household file's own control (publicUse.households): its local suppression, the check after it
 * and its risk before and after, under one heading.
 */
function householdLines(m: Microdata, lang: 'pt' | 'en'): string[] {
  const c = m.disclosureControl?.households;
  const r = m.householdDisclosureRisk;
  if (!c || !r) return [];
  const pt = lang === 'pt';
  return [
    `### ${pt ? 'Ficheiro dos agregados' : 'Household file'}`,
    '',
    ...(c.size ? [`- ${sizeText(c.size, lang)}`, ''] : []),
    ...(c.suppressions
      ? [
          pt ? 'Supressão local:' : 'Local suppression:',
          '',
          ...suppressionText(c.suppressions, r.k, lang, 'household').map((t) => `- ${t}`),
          '',
        ]
      : []),
    ...(c.recovered
      ? [...recoveryText(c.recovered.recoveries, c.recovered.action, lang).map((t) => `- ${t}`), '']
      : []),
    `${pt ? 'Depois do controlo:' : 'After disclosure control:'} ${disclosureRiskText(r, lang)}`,
    '',
    ...(c.riskBefore ? [`${pt ? 'Antes:' : 'Before:'} ${disclosureRiskText(c.riskBefore, lang)}`, ''] : []),
  ];
}

/** What the public file guarantees and what not (public-guarantees.ts). */
function guaranteeLines(m: Microdata, lang: 'pt' | 'en'): string[] {
  const text = publicGuarantees(m, lang);
  return text
    ? [`### ${lang === 'pt' ? 'O que este ficheiro garante' : 'What this file guarantees'}`, '', text, '']
    : [];
}

/** The public file's disclosure risk (after treatment; before it too): the records by cell size. */
function riskLines(r: DisclosureRisk, before: DisclosureRisk | null, lang: 'pt' | 'en'): string[] {
  const pt = lang === 'pt';
  return [
    `### ${pt ? 'Risco de divulgação' : 'Disclosure risk'}`,
    '',
    `${pt ? 'Depois do controlo:' : 'After disclosure control:'} ${disclosureRiskText(r, lang)}`,
    '',
    ...(before ? [`${pt ? 'Antes:' : 'Before:'} ${disclosureRiskText(before, lang)}`, ''] : []),
    `| ${pt ? 'pessoas na combinação' : 'persons in the combination'} | ${pt ? 'pessoas' : 'persons'} |`,
    '| ---: | ---: |',
    ...r.recordsBySize.map((n, i) => `| ${i + 1} | ${n} |`),
    '',
  ];
}

export function codebookMarkdown(
  m: Microdata,
  opts: { lang: 'pt' | 'en'; survey: string; notice?: string | null; setups: string[] },
): string {
  const range = (cols: string[]) =>
    cols.length > 2 ? `${cols[0]} … ${cols[cols.length - 1]} (${cols.length})` : cols.join(', ');
  const lines = [
    `# ${opts.survey}: codebook`,
    '',
    ...(opts.notice ? [opts.notice, ''] : []),
    `## ${m.kind === 'public' ? (opts.lang === 'pt' ? 'Ficheiro de uso público' : 'Public-use file') : opts.lang === 'pt' ? 'Ficheiro interno' : 'Internal file'}`,
    '',
    kindContents(m, opts.lang),
    '',
    ...controlLines(m, opts.lang),
    ...(m.disclosureRisk
      ? riskLines(m.disclosureRisk, m.disclosureControl?.riskBefore ?? null, opts.lang)
      : []),
    ...householdLines(m, opts.lang),
    ...(m.householdRisk ? [householdRiskText(m.householdRisk, opts.lang), ''] : []),
    ...guaranteeLines(m, opts.lang),
    'Files: households and persons, linked by `persons.household_id = households.household_id`.',
    '',
    '## How to analyse each unit',
    '',
    `Replicate weights are analysis weights (combined.weights = TRUE). The variance of an estimate is scale x sum over replicates of rscale x (replicate estimate - mean of the replicates)^2 (mse = FALSE). Ready-to-run setups beside the files: ${opts.setups.join(', ')}.`,
    '',
    '| unit | file | rows | weight | replicate weights | type | scale | rscales | mse | strata | PSU |',
    '| --- | --- | --- | --- | --- | --- | ---: | --- | --- | --- | --- |',
    ...m.design.map((u) => {
      const rs = [...new Set(u.rscales.map((x) => Number(x.toPrecision(6))))];
      return `| ${u.unit} | ${u.file} | ${u.rows} | ${u.weight} | ${range(u.repweights)} | ${u.type} | ${u.scale} | ${rs.length === 1 ? `${rs[0]} each` : `one per replicate (codebook.json), ${Math.min(...rs)} to ${Math.max(...rs)}`} | ${u.mse} | ${u.strata} | ${u.psu} |`;
    }),
    '',
    '## Variables',
    '',
    "Special codes (don't know, refused, not applicable) are missing values: Stata's extended missing values .a, .b and .c, labelled, in the .dta; the codes themselves in CSV, Excel and Parquet, listed under missing (treat them as missing).",
    '',
    '| file | variable | role | type | label | values | missing |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...codebookRows(m).map(
      (r) =>
        `| ${r.file} | ${r.variable} | ${r.role} | ${r.type} | ${cell(opts.lang === 'pt' ? r.label_pt : r.label_en)} | ${cell(r.values.map((v) => `${v.code} = ${v[opts.lang]}`).join('; '))} | ${cell(r.missing.map((v) => `${v.code} = ${v.stata} ${v[opts.lang]}`).join('; '))} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
