/**
 * The public-use file: the weighted data made safe to hand outside the office, before the microdata
 * are built from them. Household and person ids become random codes (a permutation drawn from the
 * run's secret key, keyed-draws.ts: not derived from the ids, so nothing without the key maps a code
 * back; the same for every export of the run, so two downloads are the same file and cannot be
 * differenced, and a household keeps its code in the household and the person file), the variance stratum and the
 * PSU become random codes (PSU codes 1..n within their stratum, so the design's structure stays; a
 * stratum the survey keeps as published geography keeps its codes), the
 * survey's declared unit numbers (EA, dwelling, household, interview key) become random codes of their
 * distinct values (within the variables they are numbered in), the geography the survey declares to
 * drop goes (with the derived variables and calibration classes made from it), the weighting's
 * intermediate steps go (a base weight is 1/(pi1 pi2) of one EA and would point back at the frame), and
 * the replicate columns are shuffled with their rscales (their order followed the EAs' codes) while the
 * rows are sorted by the new codes. Replicate variances are sums over replicates, so every estimate and
 * SE is unchanged. The settings are the survey's (profile.json `publicUse`); no survey is named here.
 */
import type { DataFrame } from '../data.ts';
import type { WeightedData } from '../tables/weighted-data.ts';
import type { DisclosureControl } from './disclosure-control.ts';
import type { HouseholdSize } from './household-size.ts';
import { type KeyedInt, keyedInts } from './keyed-draws.ts';
import type { Suppress } from './local-suppression.ts';
import type { RecoverableAction } from './public-use-defaults.ts';

/**
 * A survey's public-use settings (profile.json `publicUse`); its top-codes and recodes are applied to
 * the built files (disclosure-control.ts).
 */
export interface PublicUse extends DisclosureControl {
  /** Geography kept (documentation, must not also be dropped) and dropped from the public file. */
  geography: { keep: string[]; drop: string[] };
  /** Unit numbers replaced by random codes of their distinct values (within the `within` variables). */
  codes: Array<{ variable: string; within?: string[] }>;
  /** Other variables left out of the public file. */
  drop?: string[];
  /** What an outsider could know of a person (disclosure-risk.ts counts the records rare on them). */
  keyVariables?: string[];
  /** Records in cells of fewer than k on the key variables are at risk (default: public-use-defaults.ts). */
  k?: number;
  /** Local suppression of the records still below k (local-suppression.ts); null/absent: none. */
  suppress?: Suppress | null;
  /**
   * The household file's own key variables and local suppression (the same k; Fk on the household
   * weight); null/absent: the household file's risk is not counted.
   */
  households?: {
    keyVariables: string[];
    suppress?: Suppress | null;
    /** A household's risk (household-risk.ts) above this is counted (default: public-use-defaults.ts). */
    riskThreshold?: number;
    /** Household size in classes as a key variable (household-size.ts); absent: none. */
    size?: HouseholdSize | null;
    /**
     * Households above riskThreshold: `blank` suppresses their members' key values (publicUse.suppress.order),
     * `refuse` stops the export (default: public-use-defaults.ts; household-risk-control.ts).
     */
    riskAction?: RecoverableAction;
    /**
     * Households below k when the person file gives their exact size: `blank` suppresses their other
     * household keys (suppress.order), `refuse` stops the export (default; linked-households.ts).
     */
    linkedAction?: RecoverableAction;
  } | null;
}

/** What the public file's transformation did, for the codebook and its README. */
export interface PublicUseSummary {
  pseudonymised: string[];
  geographyKept: string[];
  geographyDropped: string[];
  dropped: string[];
  /**
   * Variance strata whose PSUs are single households (certainty EAs, their households the PSUs): they
   * stay recognisable in the public file, since the replicate weights that give the exact SEs zero one
   * household per replicate, with an rscale shared by that EA's replicates only.
   */
  householdPsuStrata: number;
}

/** The variance strata of two PSUs or more in which every PSU is one household. */
function householdPsuStrata(hh: DataFrame, strata: string, psu: string): number {
  const per = new Map<string, Map<string, number>>();
  const n = hh[strata]?.length ?? 0;
  for (let i = 0; i < n; i++) {
    const s = String(hh[strata][i]);
    const psus = per.get(s) ?? new Map<string, number>();
    const p = String(hh[psu][i]);
    psus.set(p, (psus.get(p) ?? 0) + 1);
    per.set(s, psus);
  }
  return [...per.values()].filter((psus) => psus.size > 1 && [...psus.values()].every((c) => c === 1)).length;
}

/** A random permutation of 0..n-1 (Fisher-Yates). */
export function randomPermutation(n: number, randomInt: KeyedInt): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

const keyOf = (frame: DataFrame, cols: string[], i: number): string | null => {
  const parts: string[] = [];
  for (const c of cols) {
    const v = frame[c]?.[i];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return null;
    parts.push(String(v));
  }
  return JSON.stringify(parts);
};

/** Random codes 1..k for the distinct keys (sorted first, so the draw alone decides each code). */
function codeBook(keys: Iterable<string>, randomInt: KeyedInt): Map<string, number> {
  const distinct = [...new Set(keys)].sort();
  const perm = randomPermutation(distinct.length, randomInt);
  return new Map(distinct.map((k, i) => [k, perm[i] + 1]));
}

function keys(frames: DataFrame[], cols: string[]): string[] {
  const out: string[] = [];
  for (const f of frames) {
    if (!cols.every((c) => f[c] !== undefined)) continue;
    const n = f[cols[0]].length;
    for (let i = 0; i < n; i++) {
      const k = keyOf(f, cols, i);
      if (k !== null) out.push(k);
    }
  }
  return out;
}

const recode = (frame: DataFrame, cols: string[], codes: Map<string, number>): Float64Array =>
  Float64Array.from({ length: frame[cols[0]].length }, (_, i) => {
    const k = keyOf(frame, cols, i);
    return k === null ? Number.NaN : (codes.get(k) ?? Number.NaN);
  });

const reorder = (frame: DataFrame, order: number[]): DataFrame =>
  Object.fromEntries(
    Object.entries(frame).map(([k, col]) => [
      k,
      col instanceof Float64Array ? Float64Array.from(order, (i) => col[i]) : order.map((i) => col[i]),
    ]),
  );

/**
 * The weighted data of a public-use file. `derivedFrom` maps each derived variable to the variable it is
 * made from (tables.json `derived`), so that one made from dropped geography goes too. `key` is the
 * run's secret public-use key (at least 16 bytes): every code is drawn from it.
 */
export function publicUseData(
  data: WeightedData,
  settings: PublicUse,
  derivedFrom: Record<string, string>,
  key: Uint8Array,
): { data: WeightedData; summary: PublicUseSummary; drop: string[] } {
  const m = data.meta;
  const both = (c: string) => settings.geography.keep.includes(c);
  const clash = settings.geography.drop.find(both);
  if (clash) throw new Error(`publicUse.geography: ${clash} is both kept and dropped`);
  const hh = { ...data.households };
  const pp = { ...data.persons };
  const frames = [hh, pp];
  const { ids: psu, strata } = m.design;
  const singleHouseholdStrata = householdPsuStrata(hh, strata, psu);
  // unit numbers first (they may be numbered within variables replaced below)
  const pseudonymised: string[] = [];
  for (const c of settings.codes) {
    const cols = [...(c.within ?? []), c.variable];
    const book = codeBook(keys(frames, cols), keyedInts(key, `code:${c.variable}`));
    const has = frames.filter((f) => cols.every((x) => f[x] !== undefined));
    for (const f of has) f[c.variable] = recode(f, cols, book);
    if (has.length) pseudonymised.push(c.variable);
  }
  const hhId = m.households.id;
  const hhBook = codeBook(keys([hh], [hhId]), keyedInts(key, 'households'));
  const personBook = codeBook(keys([pp], [m.persons.id]), keyedInts(key, 'persons'));
  const strataBook = codeBook(keys(frames, [strata]), keyedInts(key, 'strata'));
  // PSU codes 1..n within their variance stratum
  const psuKeys = [...new Set(keys(frames, [strata, psu]))].sort();
  const psuBook = new Map<string, number>();
  const byStratum = new Map<string, string[]>();
  for (const k of psuKeys) {
    const s = JSON.stringify([JSON.parse(k)[0]]);
    byStratum.set(s, [...(byStratum.get(s) ?? []), k]);
  }
  for (const [s, list] of byStratum) {
    const perm = randomPermutation(list.length, keyedInts(key, `psu:${s}`));
    list.forEach((k, i) => {
      psuBook.set(k, perm[i] + 1);
    });
  }
  // a variance stratum that is itself geography the survey publishes (a design stratified by island
  // alone) keeps its codes; otherwise (certainty EAs are strata of their own) it gets random ones
  const codeStrata = !settings.geography.keep.includes(strata);
  for (const f of frames) {
    const psuCodes = recode(f, [strata, psu], psuBook);
    if (codeStrata) f[strata] = recode(f, [strata], strataBook);
    f[psu] = psuCodes;
  }
  pp[m.persons.householdId] = recode(pp, [m.persons.householdId], hhBook);
  hh[hhId] = recode(hh, [hhId], hhBook);
  pp[m.persons.id] = recode(pp, [m.persons.id], personBook);
  pseudonymised.unshift(hhId, m.persons.id, ...(codeStrata ? [strata] : []), psu);

  // replicate columns shuffled together with their rscales (replicate r is the same PSU in every unit)
  const R = m.design.rscales.length;
  const perm = randomPermutation(R, keyedInts(key, 'replicates'));
  const sets = [m.households.weights.household, m.persons.weights.roster, m.persons.weights.individual];
  for (const set of sets) {
    const f = set === m.households.weights.household ? hh : pp;
    const old = set.repweights.map((c) => f[c]);
    set.repweights.forEach((c, r) => {
      f[c] = old[perm[r]];
    });
  }
  const rscales = perm.map((r) => m.design.rscales[r]);

  // what goes: declared geography and variables, derived ones made from them, intermediate steps
  const finals = new Set(sets.map((s) => s.weights));
  const steps = [...new Set([...m.households.steps, ...m.persons.steps])].filter((s) => !finals.has(s));
  const gone = new Set([...settings.geography.drop, ...(settings.drop ?? [])]);
  for (const [d, from] of Object.entries(derivedFrom)) if (gone.has(from)) gone.add(d);
  const calibration = Object.fromEntries(
    Object.entries(m.calibration ?? {}).map(([u, margins]) => [
      u,
      (margins ?? []).filter((c) => {
        if (gone.has(c.variable)) gone.add(c.column);
        return !gone.has(c.variable);
      }),
    ]),
  );
  for (const f of frames) for (const c of [...gone, ...steps]) delete f[c];

  // rows in the order of the new codes (the stored order followed the original ids)
  const hhOrder = Array.from(hh[hhId] as Float64Array, (_, i) => i).sort(
    (a, b) => (hh[hhId] as Float64Array)[a] - (hh[hhId] as Float64Array)[b],
  );
  const hCol = pp[m.persons.householdId] as Float64Array;
  const line = pp.line instanceof Float64Array ? pp.line : null;
  const pOrder = Array.from(hCol, (_, i) => i).sort(
    (a, b) => hCol[a] - hCol[b] || (line ? line[a] - line[b] : 0),
  );
  return {
    data: {
      meta: {
        ...m,
        households: { ...m.households, steps: m.households.steps.filter((s) => finals.has(s)) },
        persons: { ...m.persons, steps: m.persons.steps.filter((s) => finals.has(s)) },
        design: { ...m.design, rscales },
        calibration,
      },
      households: reorder(hh, hhOrder),
      persons: reorder(pp, pOrder),
    },
    summary: {
      pseudonymised,
      geographyKept: [...settings.geography.keep],
      geographyDropped: [...settings.geography.drop],
      dropped: [...gone, ...steps].filter((c) => !settings.geography.drop.includes(c)),
      householdPsuStrata: singleHouseholdStrata,
    },
    drop: [...gone, ...steps],
  };
}
