/**
 * The command line's CSV lines and text table of a model result (cli.ts): one line per
 * coefficient (estimate, se, interval, n, t, residual df, p) and one per term test; odds or rate
 * ratios beside the coefficients in the table; suppressed coefficients without numbers.
 */
import { MARK } from './tables/reliability.ts';
import type { TabulateModel } from './tabulate-model.ts';

const num = (x: number | null) => (x === null || Number.isNaN(x) ? 'NA' : String(x));

function fmt(x: number | null, digits = 6): string {
  if (x === null || Number.isNaN(x)) return 'NA';
  if (!Number.isFinite(x)) return String(x);
  return Number(x.toPrecision(digits)).toString();
}

/** Rows in the CLI's CSV columns (index .. p_value). */
export function modelCsvRows(e: TabulateModel): string[][] {
  const rows = e.coefficients.map((c) => [
    String(e.index),
    `glm:${e.family}`,
    e.formula,
    '',
    `${c.name}${MARK[c.reliability]}`,
    num(c.estimate),
    num(c.se),
    num(c.ci?.[0] ?? null),
    num(c.ci?.[1] ?? null),
    '',
    '',
    String(c.n),
    num(c.t),
    '',
    String(e.df),
    num(c.pValue),
  ]);
  for (const t of e.tests)
    rows.push([
      String(e.index),
      'glm:F',
      e.formula,
      '',
      t.terms.join('+'),
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      num(t.value),
      String(t.df),
      String(t.ddf),
      num(t.pValue),
    ]);
  return rows;
}

/** Lines of the text table. */
export function modelTableLines(e: TabulateModel): string[] {
  const out = [
    `[${e.index}] ${e.family} model: ${e.formula}${e.domain ? ` in ${e.domain.map((c) => `${c.variable} ${c.op} ${c.value ?? (c.values ?? []).join('|')}`).join(' & ')}` : ''}  (n = ${e.n}, CI: ${e.ci})`,
  ];
  const cols = [
    'coefficient',
    'estimate',
    'se',
    'ci',
    't',
    'p',
    ...(e.ratioName ? [e.ratioName, 'ratio ci'] : []),
    'n',
  ];
  const rows = e.coefficients.map((c) => [
    `${c.name}${MARK[c.reliability]}`,
    fmt(c.estimate),
    fmt(c.se),
    c.ci ? `[${fmt(c.ci[0])}, ${fmt(c.ci[1])}]` : '',
    fmt(c.t, 4),
    fmt(c.pValue, 4),
    ...(e.ratioName
      ? [fmt(c.ratio, 4), c.ratioCi ? `[${fmt(c.ratioCi[0], 4)}, ${fmt(c.ratioCi[1], 4)}]` : '']
      : []),
    String(c.n),
  ]);
  const width = cols.map((c, j) => Math.max(c.length, ...rows.map((row) => row[j].length)));
  out.push(cols.map((c, j) => c.padEnd(width[j])).join('  '));
  for (const row of rows)
    out.push(row.map((c, j) => (j >= 1 ? c.padStart(width[j]) : c.padEnd(width[j]))).join('  '));
  for (const t of e.tests)
    out.push(
      `  Wald test of ${t.terms.join(' + ')}: F = ${fmt(t.value)} on ${t.df} and ${t.ddf} df, p = ${fmt(t.pValue, 4)}`,
    );
  if (e.margins) {
    out.push(`  Predictive margins of ${e.margins.group}:`);
    for (const m of e.margins.rows)
      out.push(`    ${m.level}: ${fmt(m.estimate)} (se ${fmt(m.se)}) [${fmt(m.ci[0])}, ${fmt(m.ci[1])}]`);
  }
  for (const c of e.coefficients) if (c.note) out.push(`  ${c.name}: ${c.note}`);
  return out;
}
