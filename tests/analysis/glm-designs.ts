/**
 * The designs of scripts/r/svyglm.R, built the TypeScript way: the shared oracle's designs
 * (oracle-runner), plus stratified with FPC, two stages with FPC, JKn from the stratified design
 * and the synthetic IPEI persons of tests/fixtures/tables with their JKn replicate weights.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyDesign, DataFrame } from '../../analysis/index.ts';
import { asSvrepDesign, subsetAny, svrepDesign, svyDesign } from '../../analysis/index.ts';
import { readCsv } from '../../analysis/io/csv.ts';
import { FIXTURES, design as oracleDesign } from './oracle-runner.ts';

const extra = (name: string): DataFrame => readCsv(join(FIXTURES, 'extra', `${name}.csv`));
const TABLES = join(FIXTURES, '..', 'tables');

function ipeiPersons(): AnyDesign {
  const all = readCsv(join(TABLES, 'persons.csv'));
  // biome-ignore lint/suspicious/noExplicitAny: JSON fixture
  const meta: any = JSON.parse(readFileSync(join(TABLES, 'weights.json'), 'utf8'));
  const w = all.w_person_final as Float64Array;
  const rows: number[] = [];
  for (let i = 0; i < w.length; i++) if (!Number.isNaN(w[i])) rows.push(i);
  const data: DataFrame = {};
  for (const [k, col] of Object.entries(all))
    data[k] = col instanceof Float64Array ? Float64Array.from(rows, (i) => col[i]) : rows.map((i) => col[i]);
  return svrepDesign(
    {
      type: 'JKn',
      weights: 'w_person_final',
      repweights: meta.persons.weights.individual.repweights,
      combinedWeights: true,
      scale: 1,
      rscales: meta.design.rscales,
    },
    data,
  );
}

const cache = new Map<string, AnyDesign>();
export function glmDesign(name: string): AnyDesign {
  const hit = cache.get(name);
  if (hit) return hit;
  let d: AnyDesign;
  if (name === 'dstratf')
    d = svyDesign({ ids: [], strata: 'stype', weights: 'pw', fpc: ['fpc'] }, extra('apistrat'));
  else if (name === 'dclus2')
    d = svyDesign({ ids: ['dnum', 'snum'], fpc: ['fpc1', 'fpc2'] }, extra('apiclus2'));
  else if (name === 'rstratf_jkn') d = asSvrepDesign(glmDesign('dstratf') as never, { type: 'JKn' });
  else if (name === 'ipei_jkn') d = ipeiPersons();
  else d = oracleDesign(name);
  cache.set(name, d);
  return d;
}

/** R's domain_of(): rows where the variable equals (or, negated, differs from) the value. */
export function glmDomain(
  d: AnyDesign,
  dom: { variable: string; value: string; negate?: boolean } | null | undefined,
): AnyDesign {
  if (!dom) return d;
  const col = d.data[dom.variable];
  const keep = Array.from({ length: d.n }, (_, i) => {
    const v = col[i];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return false;
    return (String(v) === dom.value) !== (dom.negate ?? false);
  });
  return subsetAny(d, keep);
}
