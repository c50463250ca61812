/**
 * What an export says about its own analysis: for each unit of analysis (household, roster,
 * individual, member: every rostered person with its household's weight) the file, the weight, the replicate weight columns, the replicate type, scale,
 * rscales, mse and the design variables (R survey's svrepdesign arguments), and ready-to-run
 * setups that build those designs from the exported files alone: R (`svrepdesign`), Stata
 * (`svyset ..., jkrweight(...) vce(jackknife)`) and Python (standard library only: the replicate
 * variance written out, as R's svrVar). Each setup ends with an example table (the first labelled
 * variable of the person file among the individual respondents). No survey is named here: every
 * name comes from the weighted data's metadata.
 */
import type { WeightedMeta } from '../tables/weighted-data.ts';
import type { Microdata } from './microdata.ts';

export interface UnitDesign {
  unit: 'household' | 'roster' | 'individual' | 'member';
  file: 'households' | 'persons';
  /** The unit's rows: a positive, non-missing final weight. */
  rows: string;
  weight: string;
  repweights: string[];
  type: WeightedMeta['design']['type'];
  /** Replicate weights are analysis weights (R combined.weights = TRUE), not multipliers. */
  combinedWeights: true;
  scale: number;
  rscales: number[];
  /** Variance around the mean of the replicates (R's default mse = FALSE), as Morabeza's tables. */
  mse: false;
  /** Design variables (documentation: the replicate weights already carry the design). */
  strata: string;
  psu: string;
  /**
   * The margins the unit's weights were calibrated to, each with the file's column holding every
   * row's class (null: a class with no control of its own): a cell whose rows are a union of classes
   * of one margin reproduces a control, not an estimate (analysis/tables/controls.ts).
   */
  calibration: Array<{ variable: string; column: string }>;
}

/** The person file's flag of the individual unit's rows (1 = has an individual weight). */
export const INDIVIDUAL_FLAG = 'in_individual';

export function exportDesign(meta: WeightedMeta): UnitDesign[] {
  const { type, scale, rscales, strata, ids } = meta.design;
  const one = (
    unit: UnitDesign['unit'],
    file: UnitDesign['file'],
    w: { weights: string; repweights: string[] },
  ) => ({
    unit,
    file,
    rows: `${w.weights} > 0 (not missing)`,
    weight: w.weights,
    repweights: [...w.repweights],
    type,
    combinedWeights: true as const,
    scale,
    rscales: [...rscales],
    mse: false as const,
    strata,
    psu: ids,
    calibration: (meta.calibration?.[unit] ?? []).map((c) => ({ variable: c.variable, column: c.column })),
  });
  const individual = one('individual', 'persons', meta.persons.weights.individual);
  return [
    one('household', 'households', meta.households.weights.household),
    one('roster', 'persons', meta.persons.weights.roster),
    { ...individual, rows: `${INDIVIDUAL_FLAG} = 1, i.e. ${individual.rows}` },
    // every rostered person of a responding household, with the household's weight and replicates
    one('member', 'persons', meta.households.weights.household),
  ];
}

/** file -> variable -> special codes (don't know, refused, not applicable) with their Stata tag. */
export type SpecialCodesByFile = Record<string, Record<string, Array<{ code: number; tag: string }>>>;

/** The special codes of each file's variables (what setup.R and setup.do turn into missing values). */
export function specialCodesByFile(m: Microdata): SpecialCodesByFile {
  const out: SpecialCodesByFile = {};
  for (const f of [m.households, m.persons]) {
    out[f.name] = {};
    for (const v of f.variables)
      if (v.missing.length) out[f.name][v.name] = v.missing.map((x) => ({ code: x.code, tag: x.tag }));
  }
  return out;
}

/** The first labelled numeric variable of the person file (the setups' example table), if any. */
export function exampleVariable(m: Microdata): string | null {
  return (
    m.persons.variables.find((v) => v.role === 'variable' && v.kind === 'numeric' && v.values.length > 0)
      ?.name ?? null
  );
}

/** The setups beside a format's files: setup.R always, setup.do beside CSV and .dta, setup.py beside CSV. */
export function setupFiles(format: string): string[] {
  return [
    'setup.R',
    ...(format === 'csv' || format === 'dta' ? ['setup.do'] : []),
    ...(format === 'csv' ? ['setup.py'] : []),
  ];
}

const num = (x: number) => String(x); // shortest round-trip decimal: the same double in R, Stata, Python
const objectName = (u: UnitDesign) => `${u.unit}_design`;

/** setup.R: `household_design`, `roster_design`, `individual_design` from the files of this format. */
export function setupR(
  designs: UnitDesign[],
  format: string,
  example: string | null,
  special: SpecialCodesByFile = {},
): string {
  // the .dta holds them as .a/.b/.c already (NA to R); the other formats hold the codes
  const recode =
    format === 'dta' ? [] : Object.entries(special).filter(([, vars]) => Object.keys(vars).length);
  const reader: Record<string, string> = {
    csv: 'read.csv(paste0(name, ".csv"), stringsAsFactors = FALSE)',
    dta: 'as.data.frame(haven::zap_labels(haven::read_dta(paste0(name, ".dta"))))',
    parquet: 'as.data.frame(arrow::read_parquet(paste0(name, ".parquet")))',
    xlsx: 'as.data.frame(readxl::read_excel(Sys.glob("*-microdata.xlsx")[1], sheet = name))',
  };
  const lines = [
    '# Replicate-weight designs of this export (R survey), built from the files alone.',
    '# Run in the folder of the files: Rscript setup.R (prints an example table), or',
    '# source("setup.R") and use household_design, roster_design, individual_design, member_design.',
    'suppressMessages(library(survey))',
    `read_unit <- function(name) ${reader[format] ?? reader.csv}`,
    'files <- list(households = read_unit("households"), persons = read_unit("persons"))',
    ...(recode.length
      ? [
          "# special codes (don't know, refused, not applicable; codebook: missing) become NA",
          'special <- list(',
          ...recode.map(
            ([file, vars], i) =>
              `  ${file} = list(${Object.entries(vars)
                .map(([v, codes]) => `${v} = c(${codes.map((c) => num(c.code)).join(', ')})`)
                .join(', ')})${i < recode.length - 1 ? ',' : ''}`,
          ),
          ')',
          'for (f in names(special)) for (v in names(special[[f]]))',
          '  files[[f]][[v]][files[[f]][[v]] %in% special[[f]][[v]]] <- NA',
        ]
      : []),
    'unit_design <- function(file, weight, repweights, type, scale, rscales, mse) {',
    '  d <- files[[file]]',
    '  d <- d[!is.na(d[[weight]]) & d[[weight]] > 0, , drop = FALSE]',
    '  svrepdesign(data = d, weights = d[[weight]], repweights = d[, repweights], type = type,',
    '    combined.weights = TRUE, scale = scale, rscales = rscales, mse = mse)',
    '}',
    ...designs.flatMap((u) => [
      `# ${u.unit}: ${u.file}, rows with ${u.rows}; design variables ${u.strata} (strata), ${u.psu} (PSU)`,
      `${objectName(u)} <- unit_design("${u.file}", "${u.weight}",`,
      `  c(${u.repweights.map((c) => `"${c}"`).join(', ')}),`,
      `  "${u.type}", ${num(u.scale)}, c(${u.rscales.map(num).join(', ')}), ${u.mse ? 'TRUE' : 'FALSE'})`,
    ]),
    ...(example
      ? [
          'if (sys.nframe() == 0) {',
          `  est <- svymean(~factor(${example}), individual_design, na.rm = TRUE)`,
          '  print(est)',
          '  print(confint(est, df = degf(individual_design)))',
          '}',
        ]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** setup.do: one svyset per unit, each after loading its file (csv or dta). */
export function setupStata(
  designs: UnitDesign[],
  format: string,
  example: string | null,
  special: SpecialCodesByFile = {},
): string {
  // from CSV, the special codes become Stata's .a/.b/.c as in the .dta export
  const mvdecode = (file: string) =>
    format === 'dta'
      ? []
      : Object.entries(special[file] ?? {}).map(
          ([v, codes]) => `  mvdecode ${v}, mv(${codes.map((c) => `${num(c.code)}=.${c.tag}`).join(' \\ ')})`,
        );
  const load = (file: string) =>
    format === 'dta'
      ? `use "${file}.dta", clear`
      : `import delimited using "${file}.csv", clear varnames(1) case(preserve) encoding(utf-8)`;
  const block = (u: UnitDesign) => [
    `* ${u.unit}: ${u.file}, rows with ${u.rows}; design variables ${u.strata} (strata), ${u.psu} (PSU)`,
    `capture program drop setup_${u.unit}`,
    `program define setup_${u.unit}`,
    `  ${load(u.file)}`,
    ...mvdecode(u.file),
    `  keep if !missing(${u.weight}) & ${u.weight} > 0`,
    `  svyset [pweight = ${u.weight}], vce(jackknife) jkrweight(${u.repweights.join(' ')}, multiplier(${u.rscales.map(num).join(' ')}))`,
    'end',
  ];
  const lines = [
    '* Replicate-weight designs of this export (Stata svyset), built from the files alone.',
    '* do setup.do defines setup_household, setup_roster, setup_individual, setup_member: each loads its file and',
    '* svysets it (jackknife replicate weights, one multiplier = rscale per replicate, scale 1,',
    '* variance around the mean of the replicates as R mse = FALSE).',
    ...designs.flatMap(block),
    ...(example ? ['setup_individual', `svy: proportion ${example}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** setup.py: the replicate variance written out with the standard library (CSV exports). */
export function setupPython(
  designs: UnitDesign[],
  example: string | null,
  special: SpecialCodesByFile = {},
): string {
  // the CSV keeps the special codes; like setup.R, setup.py reads them as missing (None)
  const codes = Object.entries(special)
    .filter(([, vars]) => Object.keys(vars).length)
    .map(
      ([file, vars]) =>
        `    "${file}.csv": {${Object.entries(vars)
          .map(([v, cs]) => `"${v}": {${cs.map((c) => num(c.code)).join(', ')}}`)
          .join(', ')}},`,
    );
  const spec = designs.map(
    (u) =>
      `    "${u.unit}": {"file": "${u.file}.csv", "weight": "${u.weight}", "repweights": [${u.repweights.map((c) => `"${c}"`).join(', ')}], "scale": ${num(u.scale)}, "rscales": [${u.rscales.map(num).join(', ')}], "mse": False},`,
  );
  const lines = [
    '"""Replicate-weight designs of this export, built from the CSV files alone (Python standard library).',
    '',
    'Each unit of analysis has a final weight and replicate weights (analysis weights); the variance of an',
    "estimate is scale * sum_r rscales[r] * (theta_r - centre)^2, centre the replicates' mean (mse False),",
    "as R survey's svrepdesign. Run: python3 setup.py (prints an example table), or import proportions.",
    "Special codes (don't know, refused, not applicable; codebook: missing) are read as None (missing).",
    '"""',
    'import csv',
    'import math',
    '',
    'DESIGNS = {',
    ...spec,
    '}',
    '',
    "# file -> variable -> special codes (don't know, refused, not applicable), read as None",
    'SPECIAL = {',
    ...codes,
    '}',
    '',
    '',
    'def missing(x):',
    '    return x is None or x in ("", "NA")',
    '',
    '',
    'def read(file):',
    '    """Every row of a CSV file, its special codes replaced by None."""',
    '    special = SPECIAL.get(file, {})',
    '    with open(file, encoding="utf-8-sig", newline="") as f:',
    '        out = list(csv.DictReader(f))',
    '    for r in out:',
    '        for v, codes in special.items():',
    '            if not missing(r[v]) and float(r[v]) in codes:',
    '                r[v] = None',
    '    return out',
    '',
    '',
    'def rows(unit):',
    '    d = DESIGNS[unit]',
    '    return [r for r in read(d["file"]) if not missing(r[d["weight"]]) and float(r[d["weight"]]) > 0]',
    '',
    '',
    'def variance(unit, full, reps):',
    '    d = DESIGNS[unit]',
    '    centre = full if d["mse"] else sum(reps) / len(reps)',
    '    return d["scale"] * sum(s * (t - centre) ** 2 for s, t in zip(d["rscales"], reps))',
    '',
    '',
    'def proportions(unit, variable):',
    '    """Share of each value of `variable` among the unit\'s rows where it is not missing, with its SE."""',
    '    d = DESIGNS[unit]',
    '    data = [r for r in rows(unit) if not missing(r[variable])]',
    '    columns = [d["weight"]] + d["repweights"]',
    '    out = {}',
    '    for value in sorted({r[variable] for r in data}, key=lambda v: float(v) if v.replace(".", "", 1).lstrip("-").isdigit() else math.inf):',
    '        est = []',
    '        for c in columns:',
    '            total = sum(float(r[c]) for r in data)',
    '            est.append(sum(float(r[c]) for r in data if r[variable] == value) / total)',
    '        out[value] = (est[0], math.sqrt(variance(unit, est[0], est[1:])))',
    '    return out',
    '',
    '',
    ...(example
      ? [
          'if __name__ == "__main__":',
          `    for value, (p, se) in proportions("individual", "${example}").items():`,
          `        print(f"${example} = {value}: {p:.6f} (SE {se:.6f})")`,
        ]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}
