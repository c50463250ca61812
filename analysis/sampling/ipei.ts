/**
 * The IPEI sample from its frame and design (questionnaires/ipei/frame.csv and design.json), pure:
 * the caller reads the files. Allocation as design.json's strata[].eas_sampled (checked against the
 * sqrt rule of ipei.md 5.4), MOS = max(foreign_persons_2021, 0.5), sort by municipality, urban/rural, MOS.
 */
import { allocate } from './allocation.ts';
import { SamplingError } from './errors.ts';
import { type FirstStage, type FrameUnit, selectFirstStage } from './sample.ts';

export interface IpeiDesign {
  frame: { seed: number };
  strata: Array<{ code: string; eas_in_frame: number; eas_sampled: number; foreign_persons_2021: number }>;
  stages: Array<{ stage: number; total?: number }>;
}

export interface FrameRow {
  ea_id: string;
  island: string;
  island_code: number;
  municipality: string;
  municipality_iso: string;
  stratum: string;
  urban_rural: string;
  locality_label: string;
  households_2021: number;
  foreign_hh_2021: number;
  foreign_persons_2021: number | null;
  centroid_lat: number;
  centroid_lon: number;
}

/** Parses frame.csv (no quoted commas in it). Numbers become numbers; an empty cell becomes null. */
export function parseFrameCsv(text: string): FrameRow[] {
  const lines = text.trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const numeric = new Set([
    'island_code',
    'households_2021',
    'foreign_hh_2021',
    'foreign_persons_2021',
    'centroid_lat',
    'centroid_lon',
    'dwellings_2021',
    'persons_2021',
  ]);
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const row: Record<string, unknown> = {};
    head.forEach((h, i) => {
      const v = cells[i] ?? '';
      row[h] = numeric.has(h) ? (v === '' ? null : Number(v)) : v;
    });
    return row as unknown as FrameRow;
  });
}

export function ipeiAllocation(design: IpeiDesign): Record<string, number> {
  return Object.fromEntries(design.strata.map((s) => [s.code, s.eas_sampled]));
}

/** The sqrt(foreign population) allocation with a minimum of 3 (ipei.md 5.4). */
export function ipeiSqrtAllocation(design: IpeiDesign, total = 120): Record<string, number> {
  return allocate(
    design.strata.map((s) => ({ stratum: s.code, size: s.foreign_persons_2021, units: s.eas_in_frame })),
    { total, power: 0.5, minimum: 3 },
  );
}

export function ipeiFrameUnits(rows: readonly FrameRow[]): FrameUnit[] {
  return rows.map((r) => ({
    id: r.ea_id,
    stratum: r.stratum,
    size: r.foreign_persons_2021,
    sortKeys: [r.municipality_iso, r.urban_rural, r.foreign_persons_2021 ?? 0],
  }));
}

export function selectIpeiSample(
  rows: readonly FrameRow[],
  design: IpeiDesign,
  seed = design.frame.seed,
): FirstStage {
  const allocation = ipeiAllocation(design);
  const known = new Set(design.strata.map((s) => s.code));
  for (const r of rows)
    if (!known.has(r.stratum))
      throw new SamplingError(
        `EA ${r.ea_id} is in stratum ${r.stratum}, which design.json does not define.`,
        'frame.stratum',
      );
  return selectFirstStage(ipeiFrameUnits(rows), { allocation, seed, mosFloor: 0.5 });
}
