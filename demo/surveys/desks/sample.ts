/**
 * The desks survey's sample, drawn as the fieldwork would draw it: every desk is a certainty cluster
 * (pi1 = 1, its own stratum); in each desk-week the enumerator at the exit counts the visitors leaving
 * (the tally, which misses a few visits the register counts: the enumerator's breaks, a side door) and
 * approaches the r-th, (r+k)-th ... of them, r drawn in 1..k for the desk-week. A sampled visit's
 * pi2 = n / N: sampled visits over tallied visits in its desk-week. Pure and seeded.
 */
import { seededUniform, seedFrom } from '../../../analysis/sampling/rng.ts';
import type { DeskRow } from './frame.ts';

export interface DeskWeek {
  desk: string;
  week: number;
  /** Visits the desk's register counted (frame.csv). */
  registered: number;
  /** Visits the enumerator counted at the exit: the N of pi2. */
  tallied: number;
  k: number;
  /** Random start in 1..k. */
  start: number;
  /** Sampled visits: the n of pi2. */
  sampled: number;
}

export interface SampledVisit {
  id: string;
  desk: string;
  week: number;
  /** The visitor's number in the week's exit count. */
  position: number;
  pi2: number;
}

export interface DesksSample {
  deskWeeks: DeskWeek[];
  visits: SampledVisit[];
}

const pad = (n: number) => String(n).padStart(4, '0');
export const visitId = (desk: string, week: number, position: number) =>
  `desks-${desk}-w${week}-${pad(position)}`;

export function selectDesksSample(desks: DeskRow[], seed: number): DesksSample {
  const deskWeeks: DeskWeek[] = [];
  const visits: SampledVisit[] = [];
  for (const desk of desks)
    desk.registered.forEach((registered, w) => {
      const week = w + 1;
      const r = seededUniform(seedFrom(`${desk.code}-w${week}`, seed));
      // the tally misses up to 6% of the visits at a busy desk (k > 1), none where everyone is approached
      const missed = desk.k > 1 ? Math.floor(registered * 0.06 * r()) : 0;
      const tallied = Math.max(1, registered - missed);
      const start = 1 + Math.floor(r() * desk.k);
      const positions: number[] = [];
      for (let p = start; p <= tallied; p += desk.k) positions.push(p);
      deskWeeks.push({
        desk: desk.code,
        week,
        registered,
        tallied,
        k: desk.k,
        start,
        sampled: positions.length,
      });
      for (const position of positions)
        visits.push({
          id: visitId(desk.code, week, position),
          desk: desk.code,
          week,
          position,
          pi2: positions.length / tallied,
        });
    });
  return { deskWeeks, visits };
}
