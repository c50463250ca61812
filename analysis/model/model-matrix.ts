/**
 * The model frame and model matrix of a formula, as R's model.frame / model.matrix build them:
 * rows with a missing value in any model variable leave the fit (na.omit), factor levels are those
 * present in the fitted rows (drop.unused.levels), treatment contrasts (first level = reference),
 * and a factor in an interaction gets full indicator coding when the term without it is not an
 * earlier term (R's TermCode rule). Columns are named as R names them (`stypeH`, `stypeH:api99`).
 */
import type { Column, DataFrame, Factor } from '../data.ts';
import { getColumn, isMissing, toFactor } from '../data.ts';
import { SurveyError } from '../errors.ts';
import type { ParsedFormula } from './formula.ts';
import { termLabel } from './formula.ts';

export interface ModelFrameOptions {
  /** Level order per variable (first = reference), as R's factor(levels =) / relevel. */
  levels?: Readonly<Record<string, readonly string[]>>;
  /** An offset column added to the linear predictor (R `offset =`), besides offset() terms. */
  offset?: string | null;
  /**
   * Levels to use as they are, without dropping unused ones or checking their number (R's xlev):
   * for predictions from a fitted model on new values.
   */
  xlev?: Readonly<Record<string, readonly string[]>>;
}

export interface ModelMatrix {
  formula: ParsedFormula;
  /** Column names, R's. */
  names: string[];
  /** Model-matrix columns (length n; rows outside `rows` are 0). */
  columns: Float64Array[];
  /** Term of each column: 0 = intercept, k = k-th term (R's assign). */
  assign: number[];
  /** Term labels (R's term.labels). */
  termLabels: string[];
  /** Factor levels used, per variable name. */
  factors: Record<string, string[]>;
}

export interface ModelFrame extends ModelMatrix {
  /** Response (1/0 for an indicator); NaN where missing. */
  y: Float64Array;
  /** Offset (0 without one). */
  offset: Float64Array;
  /** Rows with every model variable present. */
  complete: Uint8Array;
}

function isNumericColumn(col: Column): boolean {
  if (col instanceof Float64Array) return true;
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (!isMissing(v) && typeof v !== 'number') return false;
  }
  return true;
}

function numericValues(col: Column, name: string, role: string): Float64Array {
  if (col instanceof Float64Array) return col;
  if (!isNumericColumn(col))
    throw new SurveyError(
      `${role} '${name}' must be numeric but holds text (e.g. '${Array.from(col).find((v) => !isMissing(v) && typeof v !== 'number')}'): recode it, use factor(${name}) as a predictor, or I(${name} == "value") as a quasibinomial outcome.`,
      'formula',
    );
  return Float64Array.from(col as ArrayLike<number | null>, (v) =>
    isMissing(v) ? Number.NaN : (v as number),
  );
}

/** The response column: numeric, or the indicator of `equals`. */
function responseValues(f: ParsedFormula, data: DataFrame): Float64Array {
  const col = getColumn(data, f.response.name, 'formula');
  const { equals } = f.response;
  if (equals === undefined) return numericValues(col, f.response.name, 'The outcome');
  const y = new Float64Array(col.length);
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    y[i] = isMissing(v) ? Number.NaN : String(v) === equals ? 1 : 0;
  }
  return y;
}

/**
 * Builds the model frame over the rows in `use` (the design's rows, R's model.frame of the design):
 * a row is fitted when it is in `use` and has no missing model variable.
 */
export function modelFrame(
  f: ParsedFormula,
  data: DataFrame,
  use: Uint8Array,
  options: ModelFrameOptions = {},
): ModelFrame {
  const n = use.length;
  const y = responseValues(f, data);
  const complete = new Uint8Array(n);
  const offset = new Float64Array(n);
  const offsets = [...f.offsets];
  if (options.offset) offsets.push({ name: options.offset, log: false });
  const offCols = offsets.map((o) => {
    const c = numericValues(getColumn(data, o.name, 'formula'), o.name, 'The offset');
    return o.log ? c.map(Math.log) : c;
  });
  const raw = f.variables.map((v) => {
    const col = getColumn(data, v.name, 'formula');
    const isFactor =
      v.factor ||
      options.levels?.[v.name] !== undefined ||
      options.xlev?.[v.name] !== undefined ||
      !isNumericColumn(col);
    return { col, isFactor };
  });
  for (let i = 0; i < n; i++) {
    if (!use[i] || Number.isNaN(y[i])) continue;
    let ok = true;
    for (const c of offCols) if (!Number.isFinite(c[i])) ok = false;
    for (const r of raw) if (isMissing(r.col[i] as never)) ok = false;
    if (ok) complete[i] = 1;
  }
  for (let i = 0; i < n; i++) if (complete[i]) for (const c of offCols) offset[i] += c[i];

  // Factors: levels present among the fitted rows, in R's order or the order given.
  const factors: Record<string, string[]> = {};
  const coded: (Factor | null)[] = raw.map((r, k) => {
    if (!r.isFactor) return null;
    const name = f.variables[k].name;
    const fixed = options.xlev?.[name];
    if (fixed) {
      factors[name] = [...fixed];
      return toFactor(r.col, fixed);
    }
    const given = options.levels?.[name];
    const full = toFactor(r.col, given);
    if (given && full.codes.some((c, i) => complete[i] === 1 && c < 0)) {
      const i = full.codes.findIndex((c, j) => complete[j] === 1 && c < 0);
      throw new SurveyError(
        `levels of '${name}' do not include '${r.col[i]}' (row ${i + 1}): list every value, reference first.`,
        'levels',
      );
    }
    const used = new Uint8Array(full.levels.length);
    for (let i = 0; i < n; i++) if (complete[i]) used[full.codes[i]] = 1;
    const remap = new Int32Array(full.levels.length).fill(-1);
    const levels: string[] = [];
    full.levels.forEach((l, j) => {
      if (used[j]) {
        remap[j] = levels.length;
        levels.push(l);
      }
    });
    if (levels.length < 2)
      throw new SurveyError(
        `The factor '${name}' has ${levels.length === 1 ? `only one level ('${levels[0]}')` : 'no values'} among the rows fitted: a predictor needs at least two categories (drop it or widen the universe).`,
        'formula',
      );
    factors[name] = levels;
    const codes = Int32Array.from(full.codes, (c) => (c < 0 ? -1 : remap[c]));
    return { codes, levels };
  });
  const nums = raw.map((r, k) =>
    r.isFactor ? null : numericValues(r.col, f.variables[k].name, 'The predictor'),
  );

  const names: string[] = [];
  const columns: Float64Array[] = [];
  const assign: number[] = [];
  if (f.intercept) {
    names.push('(Intercept)');
    columns.push(Float64Array.from(complete));
    assign.push(0);
  }
  let firstFactorFull = !f.intercept;
  f.terms.forEach((term, t) => {
    // Contrasts (R's TermCode): a factor gets contrasts when the term without it is empty (and there
    // is an intercept) or is contained in an earlier term; otherwise full indicators.
    const parts = term.map((k) => {
      const fac = coded[k];
      if (!fac) return { k, fac: null, full: false };
      const rest = term.filter((j) => j !== k);
      let contrasts: boolean;
      if (rest.length === 0) {
        contrasts = !firstFactorFull;
        firstFactorFull = false;
      } else contrasts = f.terms.slice(0, t).some((prev) => rest.every((j) => prev.includes(j)));
      return { k, fac, full: !contrasts };
    });
    // Columns: first variable varies fastest.
    const sizes = parts.map((p) => (p.fac ? p.fac.levels.length - (p.full ? 0 : 1) : 1));
    const total = sizes.reduce((a, b) => a * b, 1);
    const idx = new Array<number>(parts.length).fill(0);
    for (let c = 0; c < total; c++) {
      let rem = c;
      for (let j = 0; j < parts.length; j++) {
        idx[j] = rem % sizes[j];
        rem = Math.floor(rem / sizes[j]);
      }
      const col = new Float64Array(n);
      const label: string[] = [];
      for (let i = 0; i < n; i++) col[i] = complete[i];
      parts.forEach((p, j) => {
        const v = f.variables[p.k];
        const vlabel = v.factor ? `factor(${v.name})` : v.name;
        if (!p.fac) {
          const x = nums[p.k] as Float64Array;
          for (let i = 0; i < n; i++) if (col[i] !== 0) col[i] *= x[i];
          label.push(vlabel);
          return;
        }
        const level = idx[j] + (p.full ? 0 : 1);
        const codes = p.fac.codes;
        for (let i = 0; i < n; i++) if (codes[i] !== level) col[i] = 0;
        label.push(`${vlabel}${p.fac.levels[level]}`);
      });
      names.push(label.join(':'));
      columns.push(col);
      assign.push(t + 1);
    }
  });
  return {
    formula: f,
    names,
    columns,
    assign,
    termLabels: f.terms.map((term) => termLabel(f, term)),
    factors,
    y,
    offset,
    complete,
  };
}
