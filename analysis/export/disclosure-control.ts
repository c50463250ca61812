/**
 * Statistical disclosure control of the public-use file, as the survey declares it (profile.json
 * `publicUse.topCode`, `bottomCode` and `recode`): top-coding puts every value of a numeric variable
 * above its cap at the cap (a declared cap, or the p-th percentile of its values, R's
 * `quantile(x, p / 100, type = 1)`, unweighted, computed once over every file that holds the variable so
 * that the household and the person file share one cap), bottom-coding the same below a floor, and
 * recoding replaces a detailed variable by the groups of one of tables.json's derived variables (the one
 * home of those groups, such as a nationality group; codes named in `keep`, such as the home country of
 * a country of birth, become groups of their own labelled from the questionnaire's code list) or by
 * classes of a number (`cut`, each coded by its lower bound: 5-year age groups): the variable keeps its
 * name and takes the groups' codes and labels. Special codes (don't know, refused, not applicable) are
 * left as they are. It works on the built files, after the derived variables are made from the
 * untreated values, so a derived variable is the same in both kinds of file. A variable named here that
 * is in neither file nor the questionnaire is a SurveyError naming the setting (one of the questionnaire
 * that this data lacks is listed as absent). Pure: it returns new files and what it did, for the codebook.
 */

import { SurveyError } from '../errors.ts';
import { deriveColumn } from '../tables/derive.ts';
import type { Labels } from '../tables/labels.ts';
import type { Derived } from '../tables/plan.ts';
import type { TableLang } from '../tables/table-words.ts';
import { CODEBOOK_WORDS } from './codebook-words.ts';
import type { ExportFile, ExportVariable } from './microdata.ts';

/**
 * A top-code (or bottom-code): `at` a declared cap (floor), or at the `percentile` (0 < p <= 100) of
 * the variable's values.
 */
export interface TopCode {
  variable: string;
  at?: number;
  percentile?: number;
}

/**
 * A recode: the variable's values replaced by the groups of the derived variable `groups` (plus the
 * codes `keep` of the variable's own code list, each a group of its own, labelled as the questionnaire
 * labels it), or by classes of a number from the lower bounds `cut` (each class coded by its lower
 * bound: 5-year age groups 0, 5, ..., 80).
 */
export interface Recode {
  variable: string;
  groups?: string;
  keep?: string[];
  cut?: number[];
}

export interface DisclosureControl {
  topCode?: TopCode[];
  bottomCode?: TopCode[];
  recode?: Recode[];
}

/** What was done to one variable of one file, for the codebook. */
export interface Treatment {
  file: ExportFile['name'];
  variable: string;
  method: 'topCode' | 'bottomCode' | 'recode';
  /** topCode / bottomCode: the cap (floor) applied, and the percentile it came from (null: declared). */
  cap: number | null;
  percentile: number | null;
  /** recode: the derived variable whose groups it now has (null: classes of `cut`). */
  groups: string | null;
  /** recode by classes: their lower bounds. */
  cut?: number[];
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

/**
 * The files that hold the variable: none for a questionnaire variable these files lack (this run's data
 * has no such column), else a SurveyError naming the setting.
 */
function holders(files: ExportFile[], variable: string, field: string, labels: Labels): ExportFile[] {
  const has = files.filter((f) => f.columns[variable] !== undefined);
  if (!has.length && !labels[variable])
    throw new SurveyError(
      `publicUse.${field}: ${variable} is in neither the household nor the person file`,
      `publicUse.${field}`,
    );
  return has;
}

/** The numeric column of a top- or bottom-coded variable and its special codes (not numeric: a SurveyError). */
function numericOf(
  f: ExportFile,
  t: TopCode,
  field: string,
): { v: ExportVariable; col: Float64Array; special: Set<number> } {
  const v = f.variables.find((x) => x.name === t.variable) as ExportVariable;
  const col = f.columns[t.variable];
  if (v.kind !== 'numeric' || !(col instanceof Float64Array))
    throw new SurveyError(
      `publicUse.${field}: ${t.variable} is not numeric in the ${f.name} file`,
      `publicUse.${field}`,
    );
  return { v, col, special: new Set(v.missing.map((m) => m.code)) };
}

/**
 * The cap (floor) of a top-code (bottom-code): declared, or the percentile of the values of every file holding the variable
 * taken together (one cap for the household and the person file, not one each).
 */
function capOf(fs: ExportFile[], t: TopCode, field: string): number {
  if (t.at !== undefined) return t.at;
  const values: number[] = [];
  for (const f of fs) {
    const { col, special } = numericOf(f, t, field);
    for (const x of col) if (Number.isFinite(x) && !special.has(x)) values.push(x);
  }
  return values.length ? percentileType1(values, t.percentile as number) : Number.NaN;
}

function topCode(f: ExportFile, t: TopCode, cap: number, bottom: boolean): Treatment {
  const method = bottom ? 'bottomCode' : 'topCode';
  const { v, col, special } = numericOf(f, t, method);
  const out = Float64Array.from(col);
  let changed = 0;
  for (let i = 0; i < out.length; i++)
    if (Number.isFinite(out[i]) && !special.has(out[i]) && (bottom ? out[i] < cap : out[i] > cap)) {
      out[i] = cap;
      changed++;
    }
  f.columns[t.variable] = out;
  if (Number.isFinite(cap))
    v.label = bottom
      ? {
          pt: `${v.label.pt} (codificado na base: ${cap} = ${cap} ou menos)`,
          en: `${v.label.en} (bottom-coded: ${cap} = ${cap} or less)`,
        }
      : {
          pt: `${v.label.pt} (codificado no topo: ${cap} = ${cap} ou mais)`,
          en: `${v.label.en} (top-coded: ${cap} = ${cap} or more)`,
        };
  return {
    file: f.name,
    variable: t.variable,
    method,
    cap: Number.isFinite(cap) ? cap : null,
    percentile: t.at === undefined ? (t.percentile ?? null) : null,
    groups: null,
    changed,
  };
}

const recodeFail = (message: string): never => {
  throw new SurveyError(`publicUse.recode: ${message}`, 'publicUse.recode');
};

/** The groups a recode applies: a derived variable's (with the kept codes), or classes of `cut`. */
function groupsOf(r: Recode, derived: Record<string, Derived>, labels: Labels): Derived {
  if ((r.groups === undefined) === (r.cut === undefined))
    recodeFail(`${r.variable} needs either groups or cut`);
  if (r.cut) {
    const cut = r.cut;
    if (!cut.length || cut.some((c, i) => i > 0 && c <= cut[i - 1]))
      recodeFail(`${r.variable}: cut must be increasing lower bounds`);
    const name = (a: number, i: number) => (i + 1 < cut.length ? `${a}-${cut[i + 1] - 1}` : `${a}+`);
    return {
      from: r.variable,
      label: { pt: r.variable, en: r.variable },
      cut,
      values: cut.map((a, i) => ({ code: a, pt: name(a, i), en: name(a, i) })),
    };
  }
  const d = derived[r.groups as string];
  if (!d)
    return recodeFail(`${r.groups} (the groups of ${r.variable}) is not a derived variable of tables.json`);
  if (!r.keep?.length) return d;
  if (d.cut) recodeFail(`${r.variable}: keep needs groups of codes, ${r.groups} is classes of a number`);
  const list = labels[r.variable]?.values ?? [];
  let next = Math.max(0, ...d.values.map((x) => Number(x.code))) + 1;
  const recode = { ...d.recode };
  const values = d.values.map((x) => ({ ...x }));
  for (const code of r.keep) {
    const own = list.find((x) => String(x.code) === code);
    if (!own) recodeFail(`${code} (kept in ${r.variable}) is not in its code list`);
    const group = Object.entries(d.recode ?? {}).find(([, codes]) => codes.map(String).includes(code));
    if (group) recodeFail(`${code} (kept in ${r.variable}) is in group ${group[0]} of ${r.groups} already`);
    recode[String(next)] = [code];
    values.push({ code: next, pt: (own as { pt: string }).pt, en: (own as { en: string }).en });
    next++;
  }
  return { ...d, recode, values };
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
  const classes = r.cut ? `${r.cut[0]}, ${r.cut[1] ?? ''}… ${r.cut.at(-1)}+` : '';
  v.label = r.cut
    ? { pt: `${v.label.pt} (em classes ${classes})`, en: `${v.label.en} (in classes ${classes})` }
    : { pt: `${v.label.pt} (agrupado como ${r.groups})`, en: `${v.label.en} (grouped as ${r.groups})` };
  return {
    file: f.name,
    variable: r.variable,
    method: 'recode',
    cap: null,
    percentile: null,
    groups: r.groups ?? null,
    ...(r.cut ? { cut: [...r.cut] } : {}),
    changed,
  };
}

/**
 * The files after the declared top-codes, bottom-codes and recodes, what each did, and the declared
 * variables of the questionnaire (`labels`) that these files do not hold (nothing to treat).
 */
export function disclosureControl(
  files: { households: ExportFile; persons: ExportFile },
  settings: DisclosureControl,
  derived: Record<string, Derived>,
  labels: Labels = {},
): { households: ExportFile; persons: ExportFile; treatments: Treatment[]; absent: string[] } {
  const hh = copyFile(files.households);
  const pp = copyFile(files.persons);
  const treatments: Treatment[] = [];
  const absent = new Set<string>();
  const held = (variable: string, field: string) => {
    const fs = holders([hh, pp], variable, field, labels);
    if (!fs.length) absent.add(variable);
    return fs;
  };
  const caps = [
    ...(settings.topCode ?? []).map((t) => [t, false] as const),
    ...(settings.bottomCode ?? []).map((t) => [t, true] as const),
  ];
  for (const [t, bottom] of caps) {
    const field = bottom ? 'bottomCode' : 'topCode';
    if ((t.at === undefined) === (t.percentile === undefined))
      throw new SurveyError(
        `publicUse.${field}: ${t.variable} needs either at or percentile`,
        `publicUse.${field}`,
      );
    const fs = held(t.variable, field);
    const cap = fs.length ? capOf(fs, t, field) : Number.NaN;
    for (const f of fs) treatments.push(topCode(f, t, cap, bottom));
  }
  for (const r of settings.recode ?? []) {
    const d = groupsOf(r, derived, labels);
    for (const f of held(r.variable, 'recode')) treatments.push(recode(f, r, d));
  }
  return { households: hh, persons: pp, treatments, absent: [...absent] };
}

/** The treatments in words, for the codebook's README (codebook-words.ts). */
export function treatmentText(ts: Treatment[], lang: TableLang): string[] {
  const w = CODEBOOK_WORDS[lang].microdata.report;
  return ts.map((t) => {
    const pct = t.percentile !== null ? w.percentile(t.percentile) : '';
    if (t.method === 'topCode') return w.topCode(t, t.cap, pct);
    if (t.method === 'bottomCode') return w.bottomCode(t, t.cap, pct);
    if (t.cut) return w.recodeCut(t, t.cut.join(', '));
    return w.recodeGroups(t, String(t.groups));
  });
}
