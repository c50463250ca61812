/**
 * A survey's first-stage sample from its frame and design (questionnaires/<id>/frame.csv and the
 * `sampling` section of design.json), pure: the caller reads the files. The section names the frame's
 * columns (unit id, stratum, size), the measure of size max(size, mosFloor), the implicit
 * stratification (sort order within the stratum, then systematic PPS with certainty units), and the
 * allocation: given per stratum (a field of design.json's strata[]), or computed by the power rule
 * (proportional to size^power, with a minimum per stratum; analysis/sampling/allocation.ts).
 */
import { z } from 'zod';
import { allocate } from './allocation.ts';
import { SamplingError } from './errors.ts';
import { type FirstStage, type FrameUnit, selectFirstStage } from './sample.ts';

/** One frame row: numbers where the column is numeric, null for an empty cell. */
export type FrameRow = Record<string, string | number | null>;

const column = z.string().min(1);

export const samplingSchema = z.strictObject({
  frame: z.strictObject({ id: column, stratum: column }),
  /** The column the measure of size is made of; MOS = max(size, mosFloor). */
  size: column,
  mosFloor: z.number().min(0).default(0),
  /** Implicit stratification: the frame is sorted by these columns within each stratum. */
  sortBy: z.array(column).default([]),
  allocation: z.strictObject({
    /** The per-stratum sample sizes: this field of each design.json strata[] entry; null = the rule. */
    perStratum: column.nullable().default(null),
    /** The rule the allocation follows (and is checked against): size^power with a minimum. */
    rule: z.strictObject({
      total: z.number().int().min(1),
      power: z.number().min(0).max(1),
      minimum: z.number().int().min(0).default(0),
      /** The field of strata[] holding each stratum's size. */
      size: column,
      /** The field of strata[] holding each stratum's units in the frame. */
      units: column,
    }),
  }),
});
export type SamplingRule = z.infer<typeof samplingSchema>;

export interface SamplingDesign {
  frame: { seed: number };
  strata: Array<Record<string, unknown> & { code: string }>;
  sampling: unknown;
}

/** Parses a frame CSV (no quoted commas): a column whose every non-empty cell is a number is numeric. */
export function parseFrameCsv(text: string): FrameRow[] {
  const lines = text.trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const cells = lines.slice(1).map((line) => line.split(','));
  const numeric = head.map((_, j) =>
    cells.every((r) => (r[j] ?? '') === '' || Number.isFinite(Number(r[j]))),
  );
  return cells.map((r) => {
    const row: FrameRow = {};
    head.forEach((h, j) => {
      const v = r[j] ?? '';
      row[h] = v === '' ? null : numeric[j] ? Number(v) : v;
    });
    return row;
  });
}

export function samplingRule(design: SamplingDesign): SamplingRule {
  const r = samplingSchema.safeParse(design.sampling);
  if (!r.success)
    throw new SamplingError(
      `design.json sampling: ${r.error.issues.map((i) => `${['sampling', ...i.path].join('.')}: ${i.message}`).join('; ')}`,
      'design.sampling',
    );
  return r.data;
}

/** The allocation the rule gives (size^power, minimum), from design.json's strata[]. */
export function ruleAllocation(design: SamplingDesign): Record<string, number> {
  const { rule } = samplingRule(design).allocation;
  return allocate(
    design.strata.map((s) => ({ stratum: s.code, size: Number(s[rule.size]), units: Number(s[rule.units]) })),
    { total: rule.total, power: rule.power, minimum: rule.minimum },
  );
}

/** The allocation used: per stratum from design.json where given, else the rule's. */
export function allocationOf(design: SamplingDesign): Record<string, number> {
  const field = samplingRule(design).allocation.perStratum;
  if (field === null) return ruleAllocation(design);
  return Object.fromEntries(design.strata.map((s) => [s.code, Number(s[field])]));
}

export function frameUnits(rows: readonly FrameRow[], rule: SamplingRule): FrameUnit[] {
  return rows.map((r) => {
    const size = r[rule.size];
    return {
      id: String(r[rule.frame.id]),
      stratum: String(r[rule.frame.stratum]),
      size: typeof size === 'number' ? size : null,
      sortKeys: rule.sortBy.map((c) => r[c] ?? 0),
    };
  });
}

export function selectSample(
  rows: readonly FrameRow[],
  design: SamplingDesign,
  seed = design.frame.seed,
): FirstStage {
  const rule = samplingRule(design);
  const known = new Set(design.strata.map((s) => s.code));
  for (const r of rows)
    if (!known.has(String(r[rule.frame.stratum])))
      throw new SamplingError(
        `Frame unit ${r[rule.frame.id]} is in stratum ${r[rule.frame.stratum]}, which design.json does not define.`,
        'frame.stratum',
      );
  return selectFirstStage(frameUnits(rows, rule), {
    allocation: allocationOf(design),
    seed,
    mosFloor: rule.mosFloor,
  });
}
