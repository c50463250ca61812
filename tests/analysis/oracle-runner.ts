/**
 * Maps every case of the R oracle (tests/fixtures/oracle/expected.json) to the TypeScript call
 * that reproduces it, and compares within the README tolerances.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnyDesign, DataFrame, Estimate, LonelyPsu, SurveyDesign } from '../../analysis/index.ts';
import {
  asSvrepDesign,
  calibrate,
  kishDeff,
  postStratify,
  rake,
  subsetAny,
  svrepDesign,
  svyBy,
  svyChisq,
  svyCiprop,
  svyContrast,
  svyDesign,
  svyMean,
  svyQuantile,
  svyRatio,
  svyTotal,
  trimWeights,
  withOptions,
} from '../../analysis/index.ts';
import { readCsv } from '../../analysis/io/csv.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'oracle');

// biome-ignore lint/suspicious/noExplicitAny: JSON fixture
export type Json = any;

export const oracle: Json = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));

const dataCache = new Map<string, DataFrame>();
export function data(name: string): DataFrame {
  let d = dataCache.get(name);
  if (!d) {
    d = readCsv(join(FIXTURES, 'data', `${name}.csv`));
    dataCache.set(name, d);
  }
  return d;
}

const popTypes = { E: 4421, H: 755, M: 1018 };
const popSchwide = { No: 1072, Yes: 5122 };
const popGreg = { '(Intercept)': 6194, stypeH: 755, stypeM: 1018, api99: 3914069 };

const designCache = new Map<string, AnyDesign>();
export function design(name: string): AnyDesign {
  const hit = designCache.get(name);
  if (hit) return hit;
  const d = buildDesign(name);
  designCache.set(name, d);
  return d;
}

function buildDesign(name: string): AnyDesign {
  const api1 = () => data('apiclus1');
  const dclus1 = () => design('dclus1') as SurveyDesign;
  switch (name) {
    case 'dsrs':
      return svyDesign({ ids: [], fpc: ['fpc'] }, data('apisrs'));
    case 'dclus1':
      return svyDesign({ ids: ['dnum'], weights: 'pw', fpc: ['fpc'] }, api1());
    case 'dnh':
      return svyDesign(
        { ids: ['SDMVPSU'], strata: 'SDMVSTRA', weights: 'WTMEC2YR', nest: true },
        data('nhanes'),
      );
    case 'dlonely':
      return svyDesign({ ids: [], strata: 'dnum', weights: 'pw' }, api1());
    case 'rclus1_jk1':
      return asSvrepDesign(dclus1(), { type: 'JK1' });
    case 'rclus1_jk1_mse':
      return asSvrepDesign(dclus1(), { type: 'JK1', mse: true });
    case 'rclus1_boot': {
      const t = data('rep_apiclus1_boot_multipliers');
      const cols = Object.keys(t).filter((c) => c.startsWith('rep'));
      return asSvrepDesign(dclus1(), {
        type: 'bootstrap',
        multipliers: { table: t, columns: cols },
        scale: oracle.designs.rclus1_boot.scale,
      });
    }
    case 'rnh_jkn':
      return asSvrepDesign(design('dnh') as SurveyDesign, { type: 'JKn' });
    case 'rnh_brr':
    case 'rnh_fay': {
      const t = data(name === 'rnh_brr' ? 'rep_nhanes_brr_multipliers' : 'rep_nhanes_fay_multipliers');
      const cols = Object.keys(t).filter((c) => c.startsWith('rep'));
      return asSvrepDesign(design('dnh') as SurveyDesign, {
        type: name === 'rnh_brr' ? 'BRR' : 'Fay',
        multipliers: { table: t, columns: cols },
        scale: oracle.designs[name].scale,
      });
    }
    case 'rscd_brr':
    case 'rscd_fay': {
      const inline: number[][] = oracle.designs[name].repweights_inline;
      const reps = inline[0].map((_, r) => inline.map((row) => row[r]));
      return svrepDesign(
        {
          type: name === 'rscd_brr' ? 'BRR' : 'Fay',
          repweights: reps,
          combinedWeights: false,
          rho: name === 'rscd_fay' ? 0.3 : undefined,
        },
        data('scd'),
      );
    }
    case 'dclus1_ps':
      return postStratify(dclus1(), 'stype', popTypes);
    case 'dclus1_rake':
      return rake(dclus1(), [
        { variables: 'stype', population: popTypes },
        { variables: 'sch.wide', population: popSchwide },
      ]);
    case 'dclus1_greg':
      return calibrate(dclus1(), ['stype', 'api99'], popGreg);
    case 'dclus1_calrake':
      return calibrate(dclus1(), ['stype', 'api99'], popGreg, { calfun: 'raking' });
    case 'dclus1_callogit':
      return calibrate(dclus1(), ['stype', 'api99'], popGreg, { calfun: 'logit', bounds: [0.7, 1.7] });
    case 'dclus1_trim':
      return trimWeights(design('dclus1_greg'), { lower: 29, upper: 60 });
    case 'rclus1_jk1_ps':
      return postStratify(design('rclus1_jk1'), 'stype', popTypes);
    default:
      throw new Error(`no design ${name}`);
  }
}

function withLonely(d: AnyDesign, opts: Json): AnyDesign {
  if (!opts || d.kind !== 'taylor') return d;
  return withOptions(d, {
    lonelyPsu: (opts['survey.lonely.psu'] as LonelyPsu) ?? d.lonelyPsu,
    adjustDomainLonely: opts['survey.adjust.domain.lonely'] ?? false,
  });
}

/** Shapes a result for comparison: a flat record of named numeric arrays. */
export type Got = Record<string, number[] | number>;

/** Warnings of the last case run. */
export const lastWarnings: string[] = [];
function note(w: readonly string[]) {
  lastWarnings.push(...w);
}

function fromEstimate(e: Estimate, withDeff = false): Got {
  const g: Got = { estimate: e.estimate, se: e.se, vcov: e.vcov.flat() };
  if (withDeff && e.deff) g.deff = e.deff;
  return g;
}

function fromBy(e: Estimate, covmat = false): Got {
  const g: Got = { estimate: e.estimate, se: e.se };
  if (e.deff) g.deff = e.deff;
  if (covmat) g.vcov = e.vcov.flat();
  return g;
}

const schwideYes = (d: AnyDesign, method: Json) => svyCiprop('sch.wide', d, { method }, 'Yes');

/** Runs one case; throws if the case errors (intended errors are compared by the caller). */
export function runCase(c: Json): Got {
  lastWarnings.length = 0;
  const id: string = c.id;
  const d = withLonely(design(c.design), c.options);
  const code: string = c.r_code;
  // Special cases first.
  if (id === 'nh_kish_deff_weights') {
    const k = kishDeff(d.weights);
    return { value: [k.n, k.deff, k.nEff] };
  }
  if (id === 'lonely_strata_count') {
    const t = new Map<string, number>();
    const col = data('apiclus1').dnum;
    for (let i = 0; i < col.length; i++) t.set(String(col[i]), (t.get(String(col[i])) ?? 0) + 1);
    return { value: [t.size, [...t.values()].filter((v) => v === 1).length] };
  }
  if (id.endsWith('_weights_summary')) {
    const w = [...d.weights].sort((a, b) => a - b);
    const q = (p: number) => {
      const h = (w.length - 1) * p;
      const lo = Math.floor(h);
      return w[lo] + (h - lo) * ((w[Math.min(lo + 1, w.length - 1)] ?? w[lo]) - w[lo]);
    };
    return {
      summary: [w[0], q(0.25), q(0.5), w.reduce((s, v) => s + v, 0) / w.length, q(0.75), w[w.length - 1]],
    };
  }
  if (id === 'nh_svytable_hichol_race') {
    const t = svyChisq(['HI_CHOL', 'race'], d, 'F');
    // svytable without Ntotal: weighted counts; recompute from the scaled table.
    let wsum = 0;
    let nIn = 0;
    const hc = d.data.HI_CHOL;
    for (let i = 0; i < d.n; i++) {
      nIn++;
      if (!(typeof hc[i] === 'number' && Number.isNaN(hc[i] as number))) wsum += d.weights[i];
    }
    return { counts: t.table.counts.flat().map((v) => (v * wsum) / nIn) };
  }
  const deff = /deff = TRUE/.test(code);
  const naRm = /na.rm = TRUE/.test(code);
  // svyciprop
  let m = code.match(/^svyciprop\(~(.+?), (\w+), method = '(\w+)'/);
  if (m) {
    const r = m[1].startsWith('I(sch.wide')
      ? schwideYes(d, m[3])
      : svyCiprop(m[1], d, { method: m[3] as never, naRm });
    note(r.warnings);
    return { estimate: r.estimate[0], ci: r.ci[0], var: r.vcov[0][0], se: r.se[0] };
  }
  m = code.match(/^svychisq\(~(\S+) \+ (\S+?), (\w+)(?:, statistic = '(\w+)')?\)/);
  if (m) {
    const r = svyChisq([m[1], m[2]], d, (m[4] ?? 'F') as never);
    note(r.warnings);
    return { statistic: r.statistic, parameter: r.parameter, p_value: r.pValue };
  }
  m = code.match(
    /^svyquantile\(~(\w+), (\w+), quantiles = (?:c\(([^)]+)\)|([\d.]+)), ci = TRUE(?:, interval.type = '(\w+)')?/,
  );
  if (m) {
    const probs = (m[3] ?? m[4]).split(',').map(Number);
    const r = svyQuantile(m[1], d, probs, { intervalType: (m[5] as never) ?? 'mean' });
    note(r.warnings);
    return {
      estimate: r.estimate,
      ci_lower: r.ci.map((x) => x[0]),
      ci_upper: r.ci.map((x) => x[1]),
      se: r.se,
    };
  }
  m = code.match(/^svyratio\(~(\S+), ~(\S+), (\w+)\)/);
  if (m) {
    const r = svyRatio(m[1], m[2], d);
    return { ratio: r.estimate[0], se: r.se[0] };
  }
  if (code.startsWith('svycontrast(')) {
    const sub = subsetNonMissing(d, 'HI_CHOL');
    const by = svyBy('HI_CHOL', 'race', sub, 'mean', { covmat: true });
    return fromEstimate(svyContrast(by, [1, -1, 0, 0]));
  }
  m = code.match(
    /^svyby\(~(factor\()?([\w.]+)\)?, ~([\w.+ ]+), (subset\(dnh, !is.na\(HI_CHOL\)\)|\w+), svy(mean|total)/,
  );
  if (m) {
    const byVars = m[3].split('+').map((s) => s.trim());
    const base = m[4].startsWith('subset') ? subsetNonMissing(d, 'HI_CHOL') : d;
    const covmat = /covmat = TRUE/.test(code);
    const x = m[1] ? { name: m[2], factor: true } : m[2];
    const r = svyBy(x, byVars, base, m[5] as 'mean', { deff, naRm, covmat });
    return fromBy(r, covmat);
  }
  m = code.match(/^svy(mean|total)\(~(.+?), (subset\(.+\)|\w+)(,|\))/);
  if (m) {
    const vars = m[2].split(' + ').map((v) => {
      const f = v.match(/^factor\((\w+)\)$/);
      return f ? { name: f[1], factor: true } : v;
    });
    let base = d;
    if (m[3].startsWith('subset(')) {
      const race = d.data.race;
      const age = d.data.agecat;
      const keep = Array.from({ length: d.n }, (_, i) => race[i] === 4 && age[i] === '(59,Inf]');
      base = subsetAny(d, keep);
    }
    const f = m[1] === 'mean' ? svyMean : svyTotal;
    const r = f(vars, base, { deff, naRm });
    note(r.warnings);
    return fromEstimate(r, deff);
  }
  throw new Error(`unmapped case ${id}: ${code}`);
}

function subsetNonMissing(d: AnyDesign, v: string): AnyDesign {
  const col = d.data[v];
  return subsetAny(
    d,
    Array.from(
      { length: d.n },
      (_, i) => !(col[i] === null || (typeof col[i] === 'number' && Number.isNaN(col[i] as number))),
    ),
  );
}

/** Expected numbers of a case, flattened like `Got`. */
export function expectedOf(c: Json): Got {
  const r = c.result;
  if (r.value) return { value: r.value };
  if (r.summary) return { summary: r.summary };
  if (r.counts) return { counts: (r.counts as number[][]).flat() };
  if (r.ratio !== undefined) return { ratio: r.ratio, se: r.se };
  if (r.p_value !== undefined) return { statistic: r.statistic, parameter: r.parameter, p_value: r.p_value };
  if (r.ci) return { estimate: r.estimate, ci: r.ci, var: r.var, se: r.se };
  const qk = Object.keys(r).find((k) => r[k]?.quantiles);
  if (qk) {
    const q = r[qk];
    return { estimate: q.estimate, ci_lower: q.ci_lower, ci_upper: q.ci_upper, se: q.se };
  }
  const g: Got = { estimate: r.estimate, se: r.se };
  if (r.vcov) g.vcov = (r.vcov as number[][]).flat();
  if (r.deff) g.deff = r.deff;
  return g;
}

const ITERATIVE = /rake|calrake|callogit|_logit/;

/** Compares within the README tolerances; returns a list of mismatches (empty = pass). */
export function compare(c: Json, got: Got): string[] {
  const exp = expectedOf(c);
  const rel = ITERATIVE.test(c.id) || ITERATIVE.test(c.design) ? 1e-7 : 1e-10;
  const bad: string[] = [];
  for (const [k, ev] of Object.entries(exp)) {
    const gv = got[k];
    const es = Array.isArray(ev) ? ev : [ev];
    const gs = Array.isArray(gv) ? gv : [gv];
    if (gv === undefined || es.length !== gs.length) {
      bad.push(`${k}: expected ${es.length} values, got ${gv === undefined ? 'none' : gs.length}`);
      continue;
    }
    es.forEach((e: number | null, i: number) => {
      const g = gs[i];
      if (e === null) {
        if (!Number.isNaN(g)) bad.push(`${k}[${i}]: expected NA, got ${g}`);
        return;
      }
      const scale = Math.max(Math.abs(e), Math.abs(g));
      const abs = k === 'vcov' ? 1e-18 : k === 'se' ? 1e-9 : k === 'deff' ? 1e-9 : 0;
      const tol = k === 'p_value' ? Math.max(rel, 1e-9) : rel;
      if (!(Math.abs(e - g) <= tol * scale + abs))
        bad.push(`${k}[${i}]: expected ${e}, got ${g} (rel ${(Math.abs(e - g) / scale).toExponential(2)})`);
    });
  }
  return bad;
}
