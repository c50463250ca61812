/**
 * The analysts' command line:
 *   npm run --silent tabulate -- --data FILE.csv --spec SPEC.json [--format json|csv|table]
 * Prints the design summary, one row per estimate x domain x level, tests and warnings. A wrong
 * spec or data exits with status 2 and a message naming the field and the fix.
 */
import { readFileSync } from 'node:fs';
import { SurveyError } from './errors.ts';
import { readCsv } from './io/csv.ts';
import type { TabulateResult } from './tabulate.ts';
import { tabulate } from './tabulate.ts';
import { modelCsvRows, modelTableLines } from './tabulate-model-format.ts';

type Format = 'json' | 'csv' | 'table';

function usage(msg: string): never {
  process.stderr.write(
    `tabulate: ${msg}\nUsage: npm run --silent tabulate -- --data FILE.csv --spec SPEC.json [--format json|csv|table]\n`,
  );
  process.exit(2);
}

function parseArgs(argv: string[]): { data: string; spec: string; format: Format } {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) usage(`unexpected argument '${a}'`);
    const [k, inline] = a.slice(2).split('=', 2);
    const v = inline ?? argv[++i];
    if (v === undefined) usage(`--${k} needs a value`);
    args[k] = v;
  }
  for (const k of Object.keys(args))
    if (!['data', 'spec', 'format'].includes(k)) usage(`unknown option --${k}`);
  if (!args.data) usage('--data FILE.csv is required');
  if (!args.spec) usage('--spec SPEC.json is required');
  const format = (args.format ?? 'json') as Format;
  if (!['json', 'csv', 'table'].includes(format))
    usage(`--format must be json, csv or table (got '${format}')`);
  return { data: args.data, spec: args.spec, format };
}

const num = (x: number | null) => (x === null || Number.isNaN(x) ? 'NA' : String(x));

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(r: TabulateResult): string {
  const head = [
    'index',
    'statistic',
    'variable',
    'domain',
    'level',
    'estimate',
    'se',
    'ci_lower',
    'ci_upper',
    'cv',
    'deff',
    'n',
    'test_statistic',
    'df1',
    'df2',
    'p_value',
  ];
  const lines = [head.join(',')];
  for (const e of r.results) {
    if ('coefficients' in e) for (const row of modelCsvRows(e)) lines.push(row.map(csvCell).join(','));
    else if ('rows' in e)
      for (const row of e.rows)
        lines.push(
          [
            String(e.index),
            e.statistic,
            e.variable,
            row.domain ?? '',
            row.level ?? '',
            num(row.estimate),
            num(row.se),
            num(row.ci[0]),
            num(row.ci[1]),
            num(row.cv),
            num(row.deff),
            String(row.n),
            '',
            '',
            '',
            '',
          ]
            .map(csvCell)
            .join(','),
        );
    else
      lines.push(
        [
          String(e.index),
          `chisq:${e.test}`,
          e.variables.join('*'),
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          num(e.value),
          num(e.df[0]),
          num(e.df[1] ?? null),
          num(e.pValue),
        ]
          .map(csvCell)
          .join(','),
      );
  }
  lines.push(
    `# design: ${r.design.type}; n = ${r.design.n}; df = ${r.design.df}; sum of weights = ${r.design.sumWeights}`,
  );
  for (const w of r.warnings) lines.push(`# warning: ${w}`);
  return `${lines.join('\n')}\n`;
}

function fmt(x: number | null, digits = 6): string {
  if (x === null || Number.isNaN(x)) return 'NA';
  if (!Number.isFinite(x)) return String(x);
  return Number(x.toPrecision(digits)).toString();
}

export function toTable(r: TabulateResult): string {
  const out: string[] = [];
  out.push(
    `Design: ${r.design.type}, n = ${r.design.n}, df = ${r.design.df}, sum of weights = ${fmt(r.design.sumWeights, 10)}${r.design.calibration ? `, calibrated (${r.design.calibration})` : ''}`,
  );
  for (const e of r.results) {
    out.push('');
    if ('coefficients' in e) out.push(...modelTableLines(e));
    else if ('rows' in e) {
      out.push(
        `[${e.index}] ${e.statistic} of ${e.variable}${e.by ? ` by ${e.by.join(' x ')}` : ''}  (CI: ${e.ci})`,
      );
      const cols = ['domain', 'level', 'estimate', 'se', 'ci', 'cv', 'deff', 'n'];
      const rows = e.rows.map((x) => [
        x.domain ?? '',
        x.level ?? '',
        fmt(x.estimate),
        fmt(x.se),
        `[${fmt(x.ci[0])}, ${fmt(x.ci[1])}]`,
        fmt(x.cv, 3),
        x.deff === null ? '' : fmt(x.deff, 4),
        String(x.n),
      ]);
      const width = cols.map((c, j) => Math.max(c.length, ...rows.map((row) => row[j].length)));
      out.push(cols.map((c, j) => c.padEnd(width[j])).join('  '));
      for (const row of rows)
        out.push(row.map((c, j) => (j >= 2 ? c.padStart(width[j]) : c.padEnd(width[j]))).join('  '));
    } else {
      out.push(
        `[${e.index}] ${e.method}: ${e.variables.join(' x ')}  ${e.test} = ${fmt(e.value)}, df = ${e.df.map((d) => fmt(d)).join(', ')}, p = ${fmt(e.pValue, 4)}`,
      );
    }
  }
  if (r.warnings.length) {
    out.push('', 'Warnings:');
    for (const w of r.warnings) out.push(`  - ${w}`);
  }
  return `${out.join('\n')}\n`;
}

function main(): void {
  const { data, spec, format } = parseArgs(process.argv.slice(2));
  let specJson: unknown;
  try {
    specJson = JSON.parse(readFileSync(spec, 'utf8'));
  } catch (e) {
    usage(`cannot read the spec '${spec}': ${(e as Error).message}`);
  }
  let frame: ReturnType<typeof readCsv>;
  try {
    frame = readCsv(data);
  } catch (e) {
    usage(`cannot read the data '${data}': ${(e as Error).message}`);
  }
  try {
    const result = tabulate(frame, specJson);
    const text =
      format === 'json'
        ? `${JSON.stringify(result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`
        : format === 'csv'
          ? toCsv(result)
          : toTable(result);
    process.stdout.write(text);
  } catch (e) {
    if (e instanceof SurveyError) {
      process.stderr.write(`tabulate: error${e.field ? ` in ${e.field}` : ''}: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}

main();
