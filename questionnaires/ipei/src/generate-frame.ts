/**
 * `npm run frame:generate -- ipei` writes the SYNTHETIC IPEI-DEMO frame of enumeration areas
 * (questionnaires/ipei/frame.csv, one row per EA) and the design (questionnaires/ipei/design.json)
 * from the recipe in docs/ipei.md 5.3, with a fixed seed: the same bytes on every run.
 */
import { apportion, type Rng, rng } from '../../../scripts/questionnaires/lib/rng.ts';
import { buildDesign } from './design.ts';
import {
  ALPHA,
  FOREIGN_PER_FOREIGN_HH,
  ISLAND_CODES,
  MUNICIPALITIES,
  type Municipality,
  PERSONS_PER_HOUSEHOLD,
  RURAL_FOREIGN_WEIGHT,
  SEED,
  URBAN_FOREIGN_WEIGHT,
} from './frame-params.ts';

export interface FrameRow {
  ea_id: string;
  island: string;
  /** the code of a02_island in the questionnaires */
  island_code: number;
  municipality: string;
  municipality_iso: string;
  stratum: string;
  urban_rural: 'urban' | 'rural';
  locality_label: string;
  dwellings_2021: number;
  households_2021: number;
  persons_2021: number;
  foreign_hh_2021: number;
  foreign_persons_2021: number;
  centroid_lat: number;
  centroid_lon: number;
  synthetic: 1;
}

function municipalityRows(mu: Municipality, r: Rng): FrameRow[] {
  const households = Math.round(mu.pop / PERSONS_PER_HOUSEHOLD);
  // households per EA around 180 (about 80-350): lognormal weights, apportioned to the municipal total
  const hh = apportion(
    households,
    Array.from({ length: mu.eas }, () => Math.exp(0.3 * r.normal())),
  );
  const urban = hh.map(() => r.uniform() < mu.urban);
  const foreignHh = Math.round(mu.foreign / FOREIGN_PER_FOREIGN_HH);
  // Dirichlet(alpha) shares of foreign households, tilted towards urban EAs, capped at 60% of an EA
  const share = urban.map(
    (u) => r.gamma(ALPHA[mu.stratum]) * (u ? URBAN_FOREIGN_WEIGHT : RURAL_FOREIGN_WEIGHT),
  );
  const fhh = hh.map(() => 0);
  for (let k = 0; k < foreignHh; k++) {
    const room = share.map((s, i) => (fhh[i] < Math.floor(0.6 * hh[i]) ? s : 0));
    fhh[r.categorical(room)]++;
  }
  // foreign persons: 1 per foreign household plus the rest spread over foreign households (mean 1.49)
  const fp = fhh.slice();
  for (let k = 0; k < mu.foreign - foreignHh; k++) fp[r.categorical(fhh)]++;
  const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
  return hh.map((h, i) => ({
    ea_id: `${mu.iso}-${String(i + 1).padStart(4, '0')}`,
    island: mu.island,
    island_code: ISLAND_CODES[mu.island],
    municipality: mu.name,
    municipality_iso: mu.iso,
    stratum: mu.stratum,
    urban_rural: urban[i] ? 'urban' : 'rural',
    locality_label: mu.localities[Math.floor(r.uniform() * mu.localities.length)],
    dwellings_2021: Math.round(h * (1.06 + 0.12 * r.uniform())),
    households_2021: h,
    persons_2021: Math.max(fp[i], Math.round(h * (PERSONS_PER_HOUSEHOLD + 0.25 * r.normal()))),
    foreign_hh_2021: fhh[i],
    foreign_persons_2021: fp[i],
    centroid_lat: round4(mu.lat + 0.03 * r.normal()),
    centroid_lon: round4(mu.lon + 0.03 * r.normal()),
    synthetic: 1,
  }));
}

export function generateFrame(seed = SEED): FrameRow[] {
  const r = rng(seed);
  return MUNICIPALITIES.flatMap((mu) => municipalityRows(mu, r));
}

export function toCsv(rows: FrameRow[]): string {
  const cols = Object.keys(rows[0]) as (keyof FrameRow)[];
  const esc = (v: unknown) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return `${[cols.join(','), ...rows.map((row) => cols.map((c) => esc(row[c])).join(','))].join('\n')}\n`;
}

/** The frame and the design, by file name (`npm run frame:generate -- ipei` writes them). */
export function frameFiles(): Record<string, unknown> {
  const rows = generateFrame();
  return { 'frame.csv': toCsv(rows), 'design.json': buildDesign(rows) };
}
