/**
 * Confidence intervals of table cells, and the words that say which. Proportions get R's
 * `svyciprop(method = "logit")` (its default): a Wald interval on the logit scale, with the replicate
 * variance of logit(p_r) and t on the design df of the cell's domain (R `degf` of the subset, as
 * `svyby(~I(x == k), ~d, design, svyciprop)` gives), so the limits stay inside [0, 1] for small
 * shares. Means, totals and proportions asked with "wald" get the Wald interval on t with the same
 * per-domain design df (R `confint(est, df = degf(design[keep, ]))`): one convention per release,
 * t on R's df everywhere. Medians keep Woodruff's.
 * A share of exactly 0 or 1 (where R gives NaN) gets the engine's one-sided Clopper-Pearson bound;
 * a share whose replicates include 0 or 1 gets [0, 1] (R: about (1e-30, 1)).
 */
import type { DataFrame } from '../data.ts';
import { qt } from '../distributions/continuous.ts';
import { svyCipropLevels } from '../estimators/ciprop.ts';
import type { AnyDesign } from '../estimators/core.ts';
import { degf, subsetAny } from '../estimators/core.ts';
import { varianceWarning } from '../variance/variance-warnings.ts';
import { columnText } from './column-text.ts';
import type { TableWarning } from './estimate-warnings.ts';
import type { TablePlan } from './plan.ts';
import { TABLE_WORDS, type TableLang } from './table-words.ts';

/** How a cell's interval was made. */
export type CiMethod = 'logit' | 'wald' | 'woodruff' | 'clopper-pearson';

/** The part of a table cell the intervals need and set. */
export interface IntervalCell {
  domain: Array<{ variable: string; code: string | number }>;
  level: { code: string | number } | null;
  estimate: number;
  ciLower: number;
  ciUpper: number;
  ciMethod: CiMethod;
  /** Degrees of freedom of the interval's t quantile; null = Normal. */
  ciDf: number | null;
}

/**
 * Replaces the intervals of a proportion's cells by svyciprop logit intervals, one design df per
 * domain. `universe` and `withDomains` are the masks the cells were estimated on (overall cells on
 * the universe, domain cells on the universe with every domain variable answered). Returns the
 * warnings as codes (estimate-warnings.ts).
 */
export function logitIntervals(
  cells: IntervalCell[],
  design: AnyDesign,
  frame: DataFrame,
  variable: string,
  masks: { universe: ArrayLike<number>; withDomains: ArrayLike<number> },
  confLevel: number,
): TableWarning[] {
  const warnings: TableWarning[] = [];
  let edge = 0;
  let unbounded = 0;
  for (const { group, sub, df } of domainGroups(cells, design, frame, masks)) {
    // every level of the domain at once (the same numbers as one svyCiprop per level)
    const asked = group.filter((c) => c.level !== null);
    const results = svyCipropLevels(
      variable,
      sub,
      { method: 'logit', level: confLevel, df, naRm: true },
      asked.map((c) => String(c.level?.code)),
    );
    asked.forEach((c, k) => {
      const r = results[k];
      const p = r.estimate[0];
      c.ciLower = r.ci[0][0];
      c.ciUpper = r.ci[0][1];
      c.ciDf = df;
      if (p > 0 && p < 1 && (Number.isNaN(c.ciLower) || Number.isNaN(c.ciUpper))) {
        // A replicate with a share of 0 or 1: logit(p_r) is infinite, so is the variance. R's
        // svyglm stops at a huge finite coefficient there and svyciprop gives (~0, 1).
        c.ciLower = 0;
        c.ciUpper = 1;
        unbounded++;
      }
      if (p === 0 || p === 1) {
        c.ciMethod = 'clopper-pearson';
        edge++;
      } else {
        c.ciMethod = 'logit';
        warnings.push(...r.warnings.map(varianceWarning));
      }
    });
  }
  if (unbounded) warnings.push({ code: 'logit_unbounded', detail: String(unbounded) });
  if (edge) warnings.push({ code: 'one_sided', detail: String(edge) });
  return warnings;
}

/**
 * The cells grouped by domain, with the domain's subdesign and R's degf of it
 * (`degf(design[keep, ])`: the rank of the domain rows' replicate weights - 1, computed once per row
 * set, analysis/variance/replicate-rank.ts).
 */
function domainGroups<C extends IntervalCell>(
  cells: C[],
  design: AnyDesign,
  frame: DataFrame,
  masks: { universe: ArrayLike<number>; withDomains: ArrayLike<number> },
): Array<{ group: C[]; sub: AnyDesign; df: number }> {
  const groups = new Map<string, C[]>();
  for (const c of cells) {
    const key = JSON.stringify(c.domain.map((d) => [d.variable, String(d.code)]));
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()].map((group) => {
    const dom = group[0].domain;
    const base = dom.length ? masks.withDomains : masks.universe;
    const keep = new Uint8Array(base.length);
    const cols = dom.map((d) => columnText(frame[d.variable]));
    const codes = dom.map((d) => String(d.code));
    for (let i = 0; i < keep.length; i++) {
      let inside = base[i] ? 1 : 0;
      for (let k = 0; inside && k < cols.length; k++) if (cols[k][i] !== codes[k]) inside = 0;
      keep[i] = inside;
    }
    const sub = subsetAny(design, keep);
    return { group, sub, df: degf(sub) };
  });
}

/**
 * Wald intervals on t with each domain's design df: estimate -/+ qt(1 - alpha/2, df) SE, as R's
 * `confint(svymean(~y, design[keep, ]), df = degf(design[keep, ]))`.
 */
export function tIntervals<C extends IntervalCell & { se: number }>(
  cells: C[],
  design: AnyDesign,
  frame: DataFrame,
  masks: { universe: ArrayLike<number>; withDomains: ArrayLike<number> },
  confLevel: number,
): void {
  for (const { group, df } of domainGroups(cells, design, frame, masks)) {
    const q = qt(1 - (1 - confLevel) / 2, df);
    for (const c of group) {
      c.ciLower = c.estimate - q * c.se;
      c.ciUpper = c.estimate + q * c.se;
      c.ciMethod = 'wald';
      c.ciDf = df;
    }
  }
}

const PCT = (level: number) => `${Math.round(level * 1000) / 10}%`;

/** The interval method of a whole table, as printed under its title (e.g. "logit (svyciprop), t on the design df (8 overall), 95%"). */
export function ciText(method: CiMethod, level: number, df: number | null): string {
  const t = df === null || !Number.isFinite(df) ? 'Normal' : `t(${df})`;
  if (method === 'logit')
    return `logit (svyciprop), t on each domain's design df (${t} overall), ${PCT(level)}`;
  if (method === 'wald') return `Wald, t on each domain's design df (${t} overall), ${PCT(level)}`;
  return `${method}, ${t}, ${PCT(level)}`;
}

/**
 * The note on intervals for a set of tables, naming each method in use and what it applies to:
 * "95% CI: logit (svyciprop, ...) for proportions; Wald (Normal) for means and totals".
 */
export function ciNote(
  tables: Array<{
    statistic: TablePlan['statistic'];
    cells: Array<{ ciMethod: CiMethod }>;
  }>,
  lang: TableLang,
  level = 0.95,
): string {
  const w = TABLE_WORDS[lang];
  const uses = new Map<CiMethod, Set<string>>();
  for (const t of tables)
    for (const c of t.cells) {
      const s = uses.get(c.ciMethod) ?? new Set<string>();
      s.add(w.ciStatistics[t.statistic]);
      uses.set(c.ciMethod, s);
    }
  const list = (xs: string[]) =>
    xs.length > 1 ? `${xs.slice(0, -1).join(', ')}${w.and}${xs[xs.length - 1]}` : xs[0];
  const order = Object.values(w.ciStatistics);
  const parts = [...uses].map(([m, s]) =>
    m === 'clopper-pearson'
      ? w.ciMethod[m]
      : `${w.ciMethod[m]} ${w.for} ${list(order.filter((x) => s.has(x)))}`,
  );
  if (!parts.length) return '';
  return `${w.ciLevel(PCT(level))}: ${parts.join('; ')}.`;
}

/** A table's interval line (ciText, or Wald/Woodruff with t or Normal) in the output's language. */
export function ciTextIn(ci: string, lang: TableLang): string {
  if (lang === 'en') return ci;
  const [from, to] = [TABLE_WORDS.en.ciLine, TABLE_WORDS[lang].ciLine];
  return ci
    .replace(from.designDf, to.designDf)
    .replace(` ${from.overall})`, ` ${to.overall})`)
    .replace(`(${from.dfPerDomain})`, `(${to.dfPerDomain})`);
}
