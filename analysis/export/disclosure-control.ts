/**
 * Statistical disclosure control of the public-use file, as the survey declares it (profile.json
 * `publicUse.topCode` and `publicUse.recode`): top-coding puts every value of a numeric variable above
 * its cap at the cap (a declared cap, or the p-th percentile of its values, R's
 * `quantile(x, p / 100, type = 1)`, unweighted, computed once over every file that holds the variable so
 * that the household and the person file share one cap), and recoding replaces a detailed categorical variable
 * by the groups of one of tables.json's derived variables (the one home of those groups, such as a
 * nationality group): the variable keeps its name and takes the groups' codes and labels. Special codes
 * (don't know, refused, not applicable) are left as they are. It works on the built files, after the
 * derived variables are made from the untreated values, so a derived variable is the same in both
 * kinds of file. A variable named here that is in neither file is a SurveyError naming the setting.
 * Pure: it returns new files and what it did, for the codebook.
 */
import { SurveyError } from '../errors.ts';
import { deriveColumn } from '../tables/derive.ts';
import type { Derived } from '../tables/plan.ts';
import type { ExportFile, ExportVariable } from './microdata.ts';

/** A top-code: `at` a declared cap, or at the `percentile` (0 < p <= 100) of the variable's values. */
export interface TopCode {
  variable: string;
  at?: number;
  percentile?: number;
}

/** A recode: the variable's values replaced by the groups of the derived variable `groups`. */
export interface Recode {
  variable: string;
  groups: string;
}

export interface DisclosureControl {
  topCode?: TopCode[];
  recode?: Recode[];
}

/** What was done to one variable of one file, for the codebook. */
export interface Treatment {
  file: ExportFile['name'];
  variable: string;
  method: 'topCode' | 'recode';
  /** topCode: the cap applied, and the percentile it came from (null: declared). */
  cap: number | null;
  percentile: number | null;
  /** recode: the derived variable whose groups it now has. */
  groups: string | null;
  /** Records whose value was capped (topCode) or replaced by its group (recode). */
  changed: number;
}

/** R's quantile type 1: the smallest value with at least p% of the values at or below it. */
export function percentileType1(values: number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const at = Math.max(1, Math.ceil((x.length * p) / 100 - 1e-12));
  return x[Math.min(x.length, at) - 1];
}

const copyFile = (f: ExportFile): ExportFile => ({
  ...f,
  variables: f.variables.map((v) => ({ ...v })),
  columns: { ...f.columns },
});

function holders(files: ExportFile[], variable: string, field: string): ExportFile[] {
  const has = files.filter((f) => f.columns[variable] !== undefined);
  if (!has.length)
    throw new SurveyError(
      `publicUse.${field}: ${variable} is in neither the household nor the person file`,
      `publicUse.${field}`,
    );
  return has;
}

/** The numeric column of a top-coded variable and its special codes (not numeric: a SurveyError). */
function numericOf(
  f: ExportFile,
  t: TopCode,
): { v: ExportVariable; col: Float64Array; special: Set<number> } {
  const v = f.variables.find((x) => x.name === t.variable) as ExportVariable;
  const col = f.columns[t.variable];
  if (v.kind !== 'numeric' || !(col instanceof Float64Array))
    throw new SurveyError(
      `publicUse.topCode: ${t.variable} is not numeric in the ${f.name} file`,
      'publicUse.topCode',
    );
  return { v, col, special: new Set(v.missing.map((m) => m.code)) };
}

/**
 * The cap of a top-code: declared, or the percentile of the values of every file holding the variable
 * taken together (one cap for the household and the person file, not one each).
 */
function capOf(fs: ExportFile[], t: TopCode): number {
  if (t.at !== undefined) return t.at;
  const values: number[] = [];
  for (const f of fs) {
    const { col, special } = numericOf(f, t);
    for (const x of col) if (Number.isFinite(x) && !special.has(x)) values.push(x);
  }
  return values.length ? percentileType1(values, t.percentile as number) : Number.NaN;
}

function topCode(f: ExportFile, t: TopCode, cap: number): Treatment {
  const { v, col, special } = numericOf(f, t);
  const out = Float64Array.from(col);
  let changed = 0;
  for (let i = 0; i < out.length; i++)
    if (Number.isFinite(out[i]) && !special.has(out[i]) && out[i] > cap) {
      out[i] = cap;
      changed++;
    }
  f.columns[t.variable] = out;
  if (Number.isFinite(cap))
    v.label = {
      pt: `${v.label.pt} (codificado no topo: ${cap} = ${cap} ou mais)`,
      en: `${v.label.en} (top-coded: ${cap} = ${cap} or more)`,
    };
  return {
    file: f.name,
    variable: t.variable,
    method: 'topCode',
    cap: Number.isFinite(cap) ? cap : null,
    percentile: t.at === undefined ? (t.percentile ?? null) : null,
    groups: null,
    changed,
  };
}

function recode(f: ExportFile, r: Recode, d: Derived): Treatment {
  const v = f.variables.find((x) => x.name === r.variable) as ExportVariable;
  const col = f.columns[r.variable];
  const special = new Set(v.missing.map((m) => m.code));
  const grouped = deriveColumn({ [r.variable]: col as never }, { ...d, from: r.variable });
  let changed = 0;
  const out = Float64Array.from(grouped, (g, i) => {
    const x = col[i];
    if (typeof x === 'number' && special.has(x)) return x;
    if (x !== null && !(typeof x === 'number' && Number.isNaN(x))) changed++;
    return g;
  });
  f.columns[r.variable] = out;
  v.kind = 'numeric';
  v.values = d.values.map((x) => ({ ...x }));
  v.label = {
    pt: `${v.label.pt} (agrupado como ${r.groups})`,
    en: `${v.label.en} (grouped as ${r.groups})`,
  };
  return {
    file: f.name,
    variable: r.variable,
    method: 'recode',
    cap: null,
    percentile: null,
    groups: r.groups,
    changed,
  };
}

/** The files after the declared top-codes and recodes, and what each did. */
export function disclosureControl(
  files: { households: ExportFile; persons: ExportFile },
  settings: DisclosureControl,
  derived: Record<string, Derived>,
): { households: ExportFile; persons: ExportFile; treatments: Treatment[] } {
  const hh = copyFile(files.households);
  const pp = copyFile(files.persons);
  const treatments: Treatment[] = [];
  for (const t of settings.topCode ?? []) {
    if ((t.at === undefined) === (t.percentile === undefined))
      throw new SurveyError(
        `publicUse.topCode: ${t.variable} needs either at or percentile`,
        'publicUse.topCode',
      );
    const fs = holders([hh, pp], t.variable, 'topCode');
    const cap = capOf(fs, t);
    for (const f of fs) treatments.push(topCode(f, t, cap));
  }
  for (const r of settings.recode ?? []) {
    const d = derived[r.groups];
    if (!d)
      throw new SurveyError(
        `publicUse.recode: ${r.groups} (the groups of ${r.variable}) is not a derived variable of tables.json`,
        'publicUse.recode',
      );
    for (const f of holders([hh, pp], r.variable, 'recode')) treatments.push(recode(f, r, d));
  }
  return { households: hh, persons: pp, treatments };
}

/** The treatments in words, for the codebook's README. */
export function treatmentText(ts: Treatment[], lang: 'pt' | 'en'): string[] {
  return ts.map((t) =>
    t.method === 'topCode'
      ? lang === 'pt'
        ? `${t.variable} (${t.file}): codificada no topo em ${t.cap}${t.percentile !== null ? ` (percentil ${t.percentile})` : ''}; ${t.changed} registos alterados.`
        : `${t.variable} (${t.file}): top-coded at ${t.cap}${t.percentile !== null ? ` (percentile ${t.percentile})` : ''}; ${t.changed} records changed.`
      : lang === 'pt'
        ? `${t.variable} (${t.file}): recodificada nos grupos de ${t.groups}; ${t.changed} registos agrupados.`
        : `${t.variable} (${t.file}): recoded to the groups of ${t.groups}; ${t.changed} records grouped.`,
  );
}
