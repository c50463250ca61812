/** One estimate of a tabulation spec, as flat rows (domain x level) or a test. */

import { getColumn, interactionCodes, toFactor } from './data.ts';
import { SurveyError } from './errors.ts';
import { svyMean, svyRatio, svyTotal, svyVar } from './estimators/basic.ts';
import { svyBy } from './estimators/by.ts';
import { svyChisq } from './estimators/chisq.ts';
import { confint, svyCiprop } from './estimators/ciprop.ts';
import type { AnyDesign, Estimate } from './estimators/core.ts';
import { degf, subsetAny } from './estimators/core.ts';
import { svyQuantile } from './estimators/quantile.ts';
import type { TabulateEstimate, TabulateRow, TabulateTest } from './tabulate.ts';
import type { EstimateSpec } from './tabulate-spec.ts';

function dfOf(
  spec: { df?: 'design' | 'normal' | number | null },
  design: AnyDesign,
  fallback: 'design' | 'normal',
): number {
  const df = spec.df ?? fallback;
  if (df === 'normal') return Number.POSITIVE_INFINITY;
  if (df === 'design') return degf(design);
  return df;
}

function ciLabel(df: number, level: number): string {
  return `${Number.isFinite(df) ? `t(${df})` : 'Normal'}, ${Math.round(level * 1000) / 10}%`;
}

function rowsOf(
  est: Estimate,
  df: number,
  level: number,
  byDomains: boolean,
  levelNames: (name: string) => string | null,
): TabulateRow[] {
  const cis = confint(est, { level, df });
  return est.estimate.map((e, j) => {
    let domain: string | null = null;
    let stat = est.names[j];
    if (byDomains && est.domains) {
      const D = est.domains.labels.length;
      domain = est.domains.labels[j % D].join('.');
      stat = est.domains.statisticNames[Math.floor(j / D)];
    }
    return {
      domain,
      level: levelNames(stat),
      estimate: e,
      se: est.se[j],
      ci: cis[j],
      cv: est.cv[j],
      deff: est.deff ? est.deff[j] : null,
      n: est.n[j],
    };
  });
}

export function runEstimate(
  s: EstimateSpec,
  design: AnyDesign,
  index: number,
  warnings: string[],
): TabulateEstimate | TabulateTest {
  const label = s.label ?? null;
  if (s.statistic === 'glm')
    throw new SurveyError('models run through runModel (tabulate-model.ts).', 'statistic');
  if (s.statistic === 'chisq') {
    const r = svyChisq(s.variables, design, s.test ?? 'F');
    warnings.push(...r.warnings);
    return {
      index,
      statistic: 'chisq',
      variables: s.variables,
      label,
      test: s.test ?? 'F',
      method: r.method,
      value: r.statistic,
      df: r.parameter,
      pValue: r.pValue,
    };
  }
  const level = s.confLevel ?? 0.95;
  const by = s.by ? (typeof s.by === 'string' ? [s.by] : s.by) : null;
  if (s.statistic === 'mean' || s.statistic === 'total' || s.statistic === 'var') {
    const vars = typeof s.variable === 'string' ? [s.variable] : s.variable;
    const specs =
      s.statistic !== 'var' && 'factor' in s && s.factor
        ? vars.map((name) => ({ name, factor: true }))
        : vars;
    const opts = { naRm: s.naRm ?? false, deff: s.deff ?? false };
    let est: Estimate;
    if (s.statistic === 'var') {
      if (by)
        throw new SurveyError(
          `estimates.${index}.by: 'var' by domain is not supported; use subsets.`,
          `estimates.${index}.by`,
        );
      est = svyVar(vars, design, opts);
    } else if (by) est = svyBy(specs, by, design, s.statistic, opts);
    else est = (s.statistic === 'mean' ? svyMean : svyTotal)(specs, design, opts);
    warnings.push(...est.warnings);
    const df = dfOf(s, design, 'normal');
    const levelName = (stat: string) => {
      for (const v of vars) if (stat !== v && stat.startsWith(v)) return stat.slice(v.length);
      return vars.length > 1 ? stat : null;
    };
    return {
      index,
      statistic: s.statistic,
      variable: vars.join('+'),
      label,
      by,
      ci: ciLabel(df, level),
      rows: rowsOf(est, df, level, by !== null, levelName),
    };
  }
  if (s.statistic === 'ratio') {
    const est = by
      ? svyBy(s.numerator, by, design, { ratio: s.denominator }, { naRm: s.naRm ?? false })
      : svyRatio(s.numerator, s.denominator, design, { naRm: s.naRm ?? false });
    warnings.push(...est.warnings);
    const df = dfOf(s, design, 'normal');
    return {
      index,
      statistic: 'ratio',
      variable: `${s.numerator}/${s.denominator}`,
      label,
      by,
      ci: ciLabel(df, level),
      rows: rowsOf(est, df, level, by !== null, () => null),
    };
  }
  if (s.statistic === 'quantile') {
    const domains = by ? domainsOf(design, by) : [{ label: null, keep: null }];
    const rows: TabulateRow[] = [];
    let ciText = '';
    for (const dom of domains) {
      const sub = dom.keep ? subsetAny(design, dom.keep) : design;
      // R: svyby(..., svyquantile) uses each domain's own design df unless df is given.
      const df = dfOf(s, sub, 'design');
      ciText = `Woodruff, ${ciLabel(df, level)}${by ? ' (df per domain)' : ''}`;
      const est = svyQuantile(s.variable, sub, s.probs, {
        qrule: s.qrule ?? 'math',
        intervalType: s.intervalType ?? 'mean',
        alpha: 1 - level,
        naRm: s.naRm ?? false,
        df,
      });
      warnings.push(...est.warnings);
      est.estimate.forEach((e, j) => {
        rows.push({
          domain: dom.label,
          level: String(s.probs[j]),
          estimate: e,
          se: est.se[j],
          ci: est.ci[j],
          cv: est.cv[j],
          deff: null,
          n: est.n[j],
        });
      });
    }
    return { index, statistic: 'quantile', variable: s.variable, label, by, ci: ciText, rows };
  }

  // ciprop: per domain as R's svyby(..., svyciprop), each with its own design df unless df is given.
  const lev = s.level === null || s.level === undefined ? undefined : String(s.level);
  const method = s.method ?? 'logit';
  const domains = by ? domainsOf(design, by) : [{ label: null, keep: null }];
  const rows: TabulateRow[] = [];
  let ciText = '';
  for (const dom of domains) {
    const sub = dom.keep ? subsetAny(design, dom.keep) : design;
    const df = dfOf(s, sub, 'design');
    ciText = `${method}, ${ciLabel(df, level)}${by ? ' (df per domain)' : ''}`;
    const r = svyCiprop(s.variable, sub, { method, level, df, naRm: s.naRm ?? false }, lev);
    warnings.push(...r.warnings);
    rows.push({
      domain: dom.label,
      level: lev ?? '1',
      estimate: r.estimate[0],
      se: r.se[0],
      ci: r.ci[0],
      cv: r.cv[0],
      deff: null,
      n: nonzeroNonMissing(sub, s.variable),
    });
  }
  return { index, statistic: 'ciprop', variable: s.variable, label, by, ci: ciText, rows };
}

function nonzeroNonMissing(d: AnyDesign, v: string): number {
  const col = d.data[v];
  let k = 0;
  for (let i = 0; i < d.n; i++) {
    const x = col[i];
    if (
      d.weights[i] !== 0 &&
      !(x === null || x === undefined || x === 'NA' || (typeof x === 'number' && Number.isNaN(x)))
    )
      k++;
  }
  return k;
}

/** Domains (observed combinations of the by variables among rows in the design), in R's order. */
function domainsOf(d: AnyDesign, by: string[]): { label: string; keep: Uint8Array }[] {
  const inter = interactionCodes(by.map((b) => toFactor(getColumn(d.data, b, 'by'))));
  const present = new Uint8Array(inter.labels.length);
  for (let i = 0; i < d.n; i++) if (d.weights[i] !== 0 && inter.codes[i] >= 0) present[inter.codes[i]] = 1;
  const out: { label: string; keep: Uint8Array }[] = [];
  inter.labels.forEach((lab, k) => {
    if (!present[k]) return;
    const keep = new Uint8Array(d.n);
    for (let i = 0; i < d.n; i++) keep[i] = inter.codes[i] === k ? 1 : 0;
    out.push({ label: lab.join('.'), keep });
  });
  return out;
}
