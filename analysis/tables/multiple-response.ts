/**
 * Tables of a multiple-response (checkbox) question, `"statistic": "multiple"`: one row per option of
 * the question, the weighted share of the units that answered the question and cited that option. In R
 * survey's words, for each option k the 0/1 indicator `I(k in answer)` (NA where the question has no
 * answer) and `svymean(~ind_k, subset(design, universe), na.rm = TRUE, deff = TRUE)`, by domain through
 * `svyby`; the interval is `svyciprop(~ind_k, ..., method = "logit", na.rm = TRUE)` on t with the
 * domain's design df (or Wald with `"ci": "wald"`), as for a proportion. The shares do not sum to 1
 * (a unit may cite several options). A cell's n counts the units citing the option, its base the units
 * of its domain that answered the question; the units of the universe without an answer leave the
 * denominator (not counted as citing nothing).
 */
import type { DataFrame } from '../data.ts';
import type { AnyDesign } from '../estimators/core.ts';
import { subsetAny } from '../estimators/core.ts';
import { chosenCodes } from '../export/multiple-response.ts';
import type { TabulateEstimate } from '../tabulate.ts';
import { runEstimate } from '../tabulate-estimate.ts';
import type { TableWarning } from './estimate-warnings.ts';
import { logitIntervals, tIntervals } from './intervals.ts';
import type { Labels, ValueLabel } from './labels.ts';
import type { TablePlan } from './plan.ts';

/** The cell fields a multiple-response table fills (compute.ts adds reliability and controls). */
export interface OptionCell {
  domain: Array<{ variable: string } & ValueLabel>;
  level: ValueLabel;
  estimate: number;
  se: number;
  ciLower: number;
  ciUpper: number;
  ciMethod: 'logit' | 'wald' | 'woodruff' | 'clopper-pearson';
  ciDf: number | null;
  cv: number;
  deff: number | null;
  n: number;
  base: number;
}

/** Whether a codebook type is a multiple-response question (checkbox, tagbox). */
export const isMultiple = (type: string | undefined): boolean => type?.startsWith('multi') ?? false;

/** The indicator column of an option inside a table's own frame (never a column of the data). */
const indicatorName = (variable: string, code: string | number) => `${variable}\u0000${String(code)}`;

/**
 * Adds one 0/1 indicator column per option of the question to `frame` (the table's own shallow copy):
 * 1 = cited, 0 = answered without it, NaN = no answer. Options are the codebook's choices.
 */
export function addIndicators(p: TablePlan, frame: DataFrame, labels: Labels): void {
  const chosen = chosenCodes(frame[p.variable]);
  for (const o of labels[p.variable]?.values ?? []) {
    const code = String(o.code);
    frame[indicatorName(p.variable, o.code)] = Float64Array.from(chosen, (s) =>
      s === null ? Number.NaN : s.has(code) ? 1 : 0,
    );
  }
}

/**
 * The cells of a multiple-response table: overall (on `universe`) then by the crossed domains (on
 * `withDomains`), option by option in the question's order; `design` has the indicator columns
 * (`addIndicators` before it was made).
 */
export function multipleCells(
  p: TablePlan,
  design: AnyDesign,
  frame: DataFrame,
  labels: Labels,
  masks: { universe: Uint8Array; withDomains: Uint8Array },
  levelOf: (variable: string, code: string) => ValueLabel,
  confLevel: number,
  warnings: string[],
  codes: TableWarning[],
): OptionCell[] {
  const options = labels[p.variable]?.values ?? [];
  const domainKey = (i: number) => p.domains.map((d) => String(frame[d][i])).join('.');
  const cells: OptionCell[] = [];
  for (const o of options) {
    const name = indicatorName(p.variable, o.code);
    const ind = frame[name] as Float64Array;
    for (const [mask, by] of [
      [masks.universe, null],
      [masks.withDomains, p.domains.length ? p.domains : undefined],
    ] as const) {
      if (by === undefined) continue;
      // respondents (base) and units citing the option (n) per domain
      const base = new Map<string, number>();
      const cited = new Map<string, number>();
      for (let i = 0; i < ind.length; i++) {
        if (!mask[i] || Number.isNaN(ind[i])) continue;
        const k = by ? domainKey(i) : '';
        base.set(k, (base.get(k) ?? 0) + 1);
        if (ind[i] === 1) cited.set(k, (cited.get(k) ?? 0) + 1);
      }
      const est = runEstimate(
        { statistic: 'mean', variable: name, factor: false, by, naRm: true, confLevel, deff: true },
        subsetAny(design, mask),
        0,
        warnings,
      ) as TabulateEstimate;
      for (const r of est.rows) {
        const k = r.domain ?? '';
        const codes = r.domain === null ? [] : r.domain.split('.');
        cells.push({
          domain: (by ?? []).map((v, j) => ({ variable: v, ...levelOf(v, codes[j]) })),
          level: levelOf(p.variable, String(o.code)),
          estimate: r.estimate,
          se: r.se,
          ciLower: r.ci[0],
          ciUpper: r.ci[1],
          ciMethod: 'wald',
          ciDf: null,
          cv: r.cv,
          deff: r.deff,
          n: cited.get(k) ?? 0,
          base: base.get(k) ?? 0,
        });
      }
    }
  }
  if ((p.ci ?? 'logit') === 'wald') {
    tIntervals(cells, design, frame, masks, confLevel);
    return cells;
  }
  // svyciprop on each option's indicator: the cells seen with level 1 of that indicator
  for (const o of options) {
    const name = indicatorName(p.variable, o.code);
    const mine = cells.filter((c) => String(c.level.code) === String(o.code));
    const views = mine.map((c) => ({ ...c, level: { code: 1 } }));
    codes.push(...logitIntervals(views, design, frame, name, masks, confLevel));
    views.forEach((v, j) => {
      mine[j].ciLower = v.ciLower;
      mine[j].ciUpper = v.ciUpper;
      mine[j].ciMethod = v.ciMethod;
      mine[j].ciDf = v.ciDf;
    });
  }
  return cells;
}
