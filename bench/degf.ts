/**
 * Replicate degrees of freedom at the demo's scale: R's degf() (dqrdc2 rank of the replicate
 * analysis weights - 1) of the demo's 1,320 individual respondents with 454 JKn replicates, whole
 * and in the 41 domains of scripts/r/degf.R (sex, stratum, age group and their crossings), from
 * the fixture tests/fixtures/degf. When Rscript is present R computes the same ranks, timed in the
 * same run.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { degf, subsetAny } from '../analysis/estimators/core.ts';
import { svrepDesign } from '../analysis/index.ts';

const dir = 'tests/fixtures/degf';

export function runDegfBench(): { rows: Array<[string, string]>; json: unknown } {
  const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as {
    demo: { individuals: Record<string, number> };
  };
  const { rscales } = JSON.parse(readFileSync(`${dir}/demo-rscales.json`, 'utf8')) as { rscales: number[] };
  const lines = gunzipSync(readFileSync(`${dir}/demo-individuals.csv.gz`))
    .toString('utf8')
    .trim()
    .split('\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const w = rows.map((r) => Number(r[header.indexOf('w')]));
  const first = header.indexOf('q1');
  const reps = Array.from({ length: header.length - first }, (_, r) =>
    Float64Array.from(rows, (row, i) => Number(row[first + r]) * w[i]),
  );
  const column = (name: string) => rows.map((r) => r[header.indexOf(name)]);
  const domains = Object.keys(expected.demo.individuals).filter((k) => k !== 'all');
  const keeps = domains.map((key) => {
    const [vars, levels] = key.split('=');
    const cols = vars.split('+').map(column);
    const lev = levels.split('|');
    return Float64Array.from(cols[0], (_, i) => (cols.every((c, j) => c[i] === lev[j]) ? 1 : 0));
  });
  const t0 = performance.now();
  const design = svrepDesign({ type: 'JKn', repweights: reps, weights: 'w', scale: 1, rscales }, { w });
  const wholeMs = performance.now() - t0;
  const t1 = performance.now();
  let wrong = design.degf === expected.demo.individuals.all ? 0 : 1;
  keeps.forEach((keep, k) => {
    if (degf(subsetAny(design, keep)) !== expected.demo.individuals[domains[k]]) wrong++;
  });
  const domainsMs = performance.now() - t1;
  const json: Record<string, unknown> = {
    rows: rows.length,
    replicates: reps.length,
    domains: domains.length,
    wholeMs,
    domainsMs,
    differFromR: wrong,
  };
  const out: Array<[string, string]> = [
    [
      'replicate df (R degf), demo individuals',
      `${wholeMs.toFixed(0)} ms whole design (${rows.length} rows x ${reps.length} replicates); ${domainsMs.toFixed(0)} ms for ${domains.length} domains; ${wrong} differ from R`,
    ],
  ];
  if (spawnSync('Rscript', ['--version']).status === 0) {
    const script = `suppressMessages(library(survey)); library(jsonlite)
d <- read.csv(gzfile("${dir}/demo-individuals.csv.gz")); q <- as.matrix(d[, grep("^q[0-9]+$", names(d))])
m <- fromJSON("${dir}/demo-rscales.json")
t0 <- proc.time()[["elapsed"]]
des <- svrepdesign(data = d[, 1:5], type = "JKn", weights = ~w, repweights = q * d$w, combined.weights = TRUE, scale = 1, rscales = m$rscales)
t1 <- proc.time()[["elapsed"]]
for (by in list("sex", "stratum", "agegroup", c("sex", "stratum"), c("sex", "agegroup"))) {
  key <- interaction(des$variables[by], sep = "|", drop = TRUE)
  for (lev in levels(key)) invisible(degf(des[which(key == lev), ]))
}
cat("whole:", t1 - t0, "domains:", proc.time()[["elapsed"]] - t1, "\\n")`;
    const r = spawnSync('Rscript', ['-e', script], { encoding: 'utf8' });
    const m = /whole: ([0-9.]+) domains: ([0-9.]+)/.exec(r.stdout);
    if (m) {
      json.r = { wholeMs: Number(m[1]) * 1000, domainsMs: Number(m[2]) * 1000 };
      out.push([
        'R degf, same design and domains',
        `${(Number(m[1]) * 1000).toFixed(0)} ms whole design (svrepdesign); ${(Number(m[2]) * 1000).toFixed(0)} ms for the domains (subset + degf)`,
      ]);
    } else out.push(['R degf, same design and domains', `failed: ${r.stderr.trim().split('\n').at(-1)}`]);
  }
  return { rows: out, json };
}
