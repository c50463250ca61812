/** Small statistics for the quality rules: median, quantiles, coefficient of variation, great-circle distance. */
import { quantileSorted, median as ssMedian } from 'simple-statistics';

/** The median (simple-statistics; R's `median`), null for no values. */
export function median(values: number[]): number | null {
  return values.length ? ssMedian(values) : null;
}

/**
 * The p-quantile of values sorted ascending, null for none: simple-statistics' quantileSorted, which since
 * 7.12 is R's default `quantile(x, p, type = 7)` (linear interpolation at (n - 1) p).
 */
export function quantileOfSorted(sorted: number[], p: number): number | null {
  return sorted.length ? quantileSorted(sorted, p) : null;
}

export function coefficientOfVariation(values: number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean === 0) return null;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance) / mean;
}

/** Haversine distance in km on a sphere of radius 6371 km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Share of answer paths with the same value, over the paths answered in either interview. */
export function similarity(a: Map<string, string>, b: Map<string, string>): { share: number; union: number } {
  let common = 0;
  let same = 0;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined) continue;
    common++;
    if (w === v) same++;
  }
  const union = a.size + b.size - common;
  return { share: union ? same / union : 0, union };
}

export const pct = (x: number) => `${Math.round(x * 100)}%`;
export const round1 = (x: number) => Math.round(x * 10) / 10;
