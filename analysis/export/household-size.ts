/**
 * Household size as a key variable of the public household file (profile.json
 * `publicUse.households.size`): a household is known by how many people live in it, and a household of
 * seven is rare on a small island however common each of its members is. Each household's size is the
 * number of its records in the person file (its members on the roster), coded in classes by their lower
 * bounds (`cut`: 1, 2, 3, 4, 5, 6 makes 1 … 5 and 6+), and added to the household file under the declared
 * name; the profile names it among `publicUse.households.keyVariables`, so it enters the household
 * file's k-anonymity (disclosure-risk.ts) and may be in its local suppression order. With `topCode`, the
 * highest class that holds a household is merged into the class below (4 becomes 3+, …, never below the
 * second class) while one of its households is in a combination of fewer than k households on the key
 * variables the caller names (the household keys that local suppression does not blank, and the size): large
 * households are coarsened together before any is suppressed one by one; the variables declared to
 * restate the size (`restates`: a declared number of residents) are capped at the top class. The size stays countable from
 * the person file (its members' records): this protects the household file read alone, as the codebook
 * says; linked-households.ts checks the two files read together. Pure: it returns a new household file and what it did.
 */
import { SurveyError } from '../errors.ts';
import type { TableLang } from '../tables/table-words.ts';
import { CODEBOOK_WORDS } from './codebook-words.ts';
import { type HouseholdLink, keyCells, keyValues } from './disclosure-risk.ts';
import type { ExportFile } from './microdata.ts';

/** The declared size variable: its name, its classes' lower bounds, and whether its top class is lowered to k. */
export interface HouseholdSize {
  variable: string;
  cut: number[];
  topCode?: boolean;
  /** Numeric household variables that state the size too (a declared number of residents): capped at the top class. */
  restates?: string[];
}

/** What the size did, for the codebook: the classes declared and those released, households per class. */
export interface SizeTreatment {
  variable: string;
  declared: number[];
  cut: number[];
  /** Households per released class (index i: cut[i]), and households without a person record. */
  households: number[];
  noMembers: number;
  /** Values of the restating variables capped at the released top class, per variable. */
  capped: Record<string, number>;
}

const SETTING = 'publicUse.households.size';
const fail = (field: string, message: string): never => {
  throw new SurveyError(`${SETTING}.${field}: ${message}`, `${SETTING}.${field}`);
};

const classOf = (n: number, cut: readonly number[]): number => {
  let c = Number.NaN;
  for (const b of cut) if (n >= b) c = b;
  return c;
};

const className = (cut: readonly number[], i: number): string =>
  i + 1 < cut.length
    ? cut[i + 1] - 1 === cut[i]
      ? `${cut[i]}`
      : `${cut[i]}-${cut[i + 1] - 1}`
    : `${cut[i]}+`;

/** The household file with the size variable in the classes `cut`. */
function withClasses(
  households: ExportFile,
  counts: number[],
  size: HouseholdSize,
  cut: number[],
): ExportFile {
  const values = cut.map((code, i) => ({ code, pt: className(cut, i), en: className(cut, i) }));
  const top = cut.at(-1);
  const variable = {
    name: size.variable,
    label: {
      pt: `Dimensão do agregado: membros no ficheiro de pessoas (${top}+ = ${top} ou mais)`,
      en: `Household size: members in the person file (${top}+ = ${top} or more)`,
    },
    kind: 'numeric' as const,
    values,
    missing: [],
    role: 'variable' as const,
  };
  return {
    ...households,
    variables: [...households.variables.filter((v) => v.name !== size.variable), variable],
    columns: {
      ...households.columns,
      [size.variable]: Float64Array.from(counts, (n) => (n > 0 ? classOf(n, cut) : Number.NaN)),
    },
  };
}

/**
 * Each household's member count (records of the person file with its code under `link`), then the
 * household file with the size in its declared classes (before any top-code).
 */
export function addHouseholdSize(
  files: { households: ExportFile; persons: ExportFile },
  link: HouseholdLink,
  size: HouseholdSize,
  keyVariables: readonly string[],
): { households: ExportFile; counts: number[] } {
  const { households, persons } = files;
  if (!keyVariables.includes(size.variable))
    fail('variable', `${size.variable} is not one of publicUse.households.keyVariables`);
  if (households.columns[size.variable] !== undefined)
    fail('variable', `${size.variable} is already a variable of the household file`);
  const cut = size.cut;
  if (cut[0] !== 1 || cut.some((c, i) => !Number.isInteger(c) || (i > 0 && c <= cut[i - 1])))
    fail('cut', 'must be increasing whole numbers starting at 1');
  const own = households.columns[link.households];
  const theirs = persons.columns[link.persons];
  if (!own || !theirs) fail('variable', `the household code ${link.persons} is missing from a file`);
  const members = new Map<unknown, number>();
  for (const h of theirs) members.set(h, (members.get(h) ?? 0) + 1);
  const counts = Array.from(own as ArrayLike<unknown>, (h) => members.get(h) ?? 0);
  return { households: withClasses(households, counts, size, cut), counts };
}

/**
 * The household file after the size's top-code (`size.topCode`: the top class lowered while one of its
 * households has fewer than k on `keyVariables`), and what was released.
 */
export function topCodeHouseholdSize(
  households: ExportFile,
  counts: number[],
  size: HouseholdSize,
  keyVariables: readonly string[],
  k: number,
): { households: ExportFile; treatment: SizeTreatment } {
  const self = { households: size.variable, persons: size.variable };
  let cut = [...size.cut];
  let file = withClasses(households, counts, size, cut);
  // the highest class that holds a household, if one of its households is below k (else null)
  const breaking = (f: ExportFile): number | null => {
    const col = f.columns[size.variable] as Float64Array;
    let top = Number.NEGATIVE_INFINITY; // NaN (no members) never the top
    for (const x of col) if (x > top) top = x;
    const { cells, cellOf } = keyCells(keyValues(f, f, self, keyVariables, 'publicUse.households'));
    return cellOf.some((key, i) => col[i] === top && (cells.get(key)?.fk ?? 0) < k) ? top : null;
  };
  for (;;) {
    const top = size.topCode ? breaking(file) : null;
    const at = top === null ? -1 : cut.indexOf(top);
    if (at < 2) break;
    cut = cut.slice(0, at);
    file = withClasses(households, counts, size, cut);
  }
  const top = cut.at(-1) as number;
  const capped: Record<string, number> = {};
  for (const name of size.restates ?? []) {
    const v = file.variables.find((x) => x.name === name);
    const values = file.columns[name];
    if (!v || !(values instanceof Float64Array))
      return fail('restates', `${name} is not a numeric variable of the household file`);
    const special = new Set(v.missing.map((m) => m.code));
    let n = 0;
    const out = Float64Array.from(values, (x) => {
      if (!(x > top) || special.has(x)) return x;
      n++;
      return top;
    });
    file = { ...file, columns: { ...file.columns, [name]: out } };
    file.variables = file.variables.map((x) =>
      x.name === name
        ? {
            ...x,
            label: {
              pt: `${x.label.pt} (${top} = ${top} ou mais, como ${size.variable})`,
              en: `${x.label.en} (${top} = ${top} or more, as ${size.variable})`,
            },
          }
        : x,
    );
    capped[name] = n;
  }
  const col = file.columns[size.variable] as Float64Array;
  return {
    households: file,
    treatment: {
      variable: size.variable,
      declared: [...size.cut],
      cut,
      households: cut.map((c) => col.filter((x) => x === c).length),
      noMembers: counts.filter((n) => n === 0).length,
      capped,
    },
  };
}

/** The size in words (codebook-words.ts), for the codebook's README and the command line. */
export function sizeText(t: SizeTreatment, lang: TableLang): string {
  const lowered = t.cut.length < t.declared.length;
  return CODEBOOK_WORDS[lang].microdata.report.householdSize({
    variable: t.variable,
    classes: t.cut.map((_, i) => `${className(t.cut, i)}: ${t.households[i]}`).join(', '),
    lowered: lowered ? { from: `${t.declared.at(-1)}+`, to: `${t.cut.at(-1)}+` } : null,
    capped: Object.entries(t.capped)
      .map(([v, n]) => `${v} (${n})`)
      .join(', '),
  });
}
