/**
 * svyGlm at survey size: a synthetic person file (8,000 rows, 60 strata x 8 PSUs, JKn: 480
 * replicates, as many as a national survey's jackknife) with a logistic model of 12 coefficients,
 * on the Taylor design and on the replicate design; when Rscript is present, R's svyglm on the same
 * data in the same run, with the largest relative difference of the SEs.
 * Run alone: npx tsx bench/glm.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { svyGlm } from '../analysis/estimators/glm.ts';
import { asSvrepDesign, type DataFrame, svyDesign } from '../analysis/index.ts';

const H = 60;
const PSU = 8;
const PER = 16;
let seed = 20261205;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const n = H * PSU * PER;
const stratum = new Float64Array(n);
const psu = new Float64Array(n);
const w = new Float64Array(n);
const age = new Float64Array(n);
const sex: string[] = [];
const nat: string[] = [];
const y = new Float64Array(n);
const NATS = ['BR', 'CN', 'GW', 'PT', 'SN', 'ST'];
for (let i = 0; i < n; i++) {
  const h = Math.floor(i / (PSU * PER));
  const c = Math.floor(i / PER);
  stratum[i] = h + 1;
  psu[i] = c + 1;
  w[i] = 20 + 80 * rand();
  age[i] = 15 + Math.floor(60 * rand());
  sex.push(rand() < 0.5 ? 'F' : 'M');
  nat.push(NATS[Math.floor(rand() * NATS.length)]);
  const eta =
    -1 + 0.02 * (age[i] - 40) + (sex[i] === 'F' ? 0.3 : 0) + NATS.indexOf(nat[i]) * 0.15 + (h % 5) * 0.05;
  y[i] = rand() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
}
const data: DataFrame = { stratum, psu, w, age, sex, nat, y };
const formula = 'y ~ age + sex + nat + factor(island)';
data.island = Float64Array.from(stratum, (s) => 1 + (s % 5));
const taylor = svyDesign({ ids: ['psu'], strata: 'stratum', weights: 'w' }, data);
const t0 = performance.now();
const ft = svyGlm(formula, taylor, { family: 'quasibinomial' });
const taylorMs = performance.now() - t0;
const rep = asSvrepDesign(taylor, { type: 'JKn' });
const t1 = performance.now();
const fr = svyGlm(formula, rep, { family: 'quasibinomial' });
const repMs = performance.now() - t1;
console.log(`rows ${n}, coefficients ${fr.names.length}, replicates ${rep.nReplicates}`);
console.log(`Taylor svyGlm: ${taylorMs.toFixed(0)} ms; JKn svyGlm: ${repMs.toFixed(0)} ms`);

if (spawnSync('Rscript', ['--version']).status === 0) {
  const dir = mkdtempSync(join(tmpdir(), 'glm-bench-'));
  const cols = Object.keys(data);
  const lines = [cols.join(',')];
  for (let i = 0; i < n; i++) lines.push(cols.map((k) => String(data[k][i])).join(','));
  writeFileSync(join(dir, 'd.csv'), `${lines.join('\n')}\n`);
  const script = `suppressMessages(library(survey)); d <- read.csv("${dir}/d.csv")
des <- svydesign(id = ~psu, strata = ~stratum, weights = ~w, data = d)
t <- system.time(ft <- svyglm(${formula}, des, family = quasibinomial()))[["elapsed"]]
r <- as.svrepdesign(des, type = "JKn")
u <- system.time(fr <- svyglm(${formula}, r, family = quasibinomial()))[["elapsed"]]
cat(t, u, "\\n"); writeLines(sprintf("%.17g", sqrt(diag(vcov(ft)))), "${dir}/se_t.txt"); writeLines(sprintf("%.17g", sqrt(diag(vcov(fr)))), "${dir}/se_r.txt")`;
  const r = spawnSync('Rscript', ['-e', script], { encoding: 'utf8' });
  const [rt, rr] = r.stdout.trim().split(/\s+/).map(Number);
  const diff = (file: string, se: number[]) =>
    Math.max(
      ...readFileSync(join(dir, file), 'utf8')
        .trim()
        .split('\n')
        .map(Number)
        .map((v, j) => Math.abs(se[j] / v - 1)),
    );
  console.log(`R svyglm: Taylor ${(rt * 1000).toFixed(0)} ms; JKn ${(rr * 1000).toFixed(0)} ms`);
  console.log(
    `largest relative SE difference vs R: Taylor ${diff('se_t.txt', ft.se).toExponential(2)}, JKn ${diff('se_r.txt', fr.se).toExponential(2)}`,
  );
  rmSync(dir, { recursive: true, force: true });
}
