/**
 * The first-stage sample of a stratified two-stage design: per stratum, sort the frame
 * (implicit stratification), then systematic PPS with certainty units.
 */
import { checkAllocation } from './allocation.ts';
import { SamplingError } from './errors.ts';
import { systematicPps } from './pps.ts';
import { seededUniform, seedFrom } from './rng.ts';

export interface FrameUnit {
  id: string;
  stratum: string;
  /** Raw measure of size (e.g. foreign persons); null/undefined is an error. */
  size: number | null | undefined;
  /** Values of the implicit-stratification sort keys, in order. */
  sortKeys?: readonly (string | number)[];
}

export interface SampleOptions {
  allocation: Record<string, number>;
  seed: number;
  /** MOS = max(size, floor) so that no unit has probability 0 (e.g. 0.5). */
  mosFloor?: number;
}

export interface SampledUnit {
  id: string;
  stratum: string;
  mos: number;
  pi1: number;
  certainty: boolean;
  /** Position in the stratum's selection (1-based). */
  order: number;
}

export interface FirstStage {
  selected: SampledUnit[];
  /** pi1 of every frame unit (selected or not), for checks. */
  pi: Map<string, number>;
  certaintyCount: Record<string, number>;
}

const compareKeys = (a: readonly (string | number)[] = [], b: readonly (string | number)[] = []) => {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x).localeCompare(String(y));
  }
  return 0;
};

/** @example selectFirstStage(frame, { allocation: { PR: 27, SL: 20 }, seed: 20221215, mosFloor: 0.5 }) */
export function selectFirstStage(frame: readonly FrameUnit[], options: SampleOptions): FirstStage {
  const byStratum = new Map<string, FrameUnit[]>();
  for (const u of frame) {
    if (u.size === null || u.size === undefined || !Number.isFinite(u.size) || u.size < 0)
      throw new SamplingError(
        `EA ${u.id} (stratum ${u.stratum}) has a missing or negative measure of size (${u.size}): fix the frame row.`,
        'frame.mos',
      );
    const list = byStratum.get(u.stratum) ?? [];
    list.push(u);
    byStratum.set(u.stratum, list);
  }
  checkAllocation(options.allocation, Object.fromEntries([...byStratum].map(([h, us]) => [h, us.length])));
  const floor = options.mosFloor ?? 0;
  const selected: SampledUnit[] = [];
  const pi = new Map<string, number>();
  const certaintyCount: Record<string, number> = {};
  for (const [stratum, n] of Object.entries(options.allocation)) {
    const units = [...(byStratum.get(stratum) ?? [])].sort(
      (a, b) => compareKeys(a.sortKeys, b.sortKeys) || a.id.localeCompare(b.id),
    );
    const mos = units.map((u) => Math.max(u.size as number, floor));
    const uniform = seededUniform(seedFrom(stratum, options.seed));
    const r = systematicPps(
      units.map((u, i) => ({ id: u.id, mos: mos[i] })),
      n,
      stratum,
      uniform,
    );
    units.forEach((u, i) => {
      pi.set(u.id, r.pi[i]);
    });
    certaintyCount[stratum] = r.certainty.filter(Boolean).length;
    r.selected.forEach((i, k) => {
      selected.push({
        id: units[i].id,
        stratum,
        mos: mos[i],
        pi1: r.pi[i],
        certainty: r.certainty[i],
        order: k + 1,
      });
    });
  }
  return { selected, pi, certaintyCount };
}
