/**
 * The tables fixture's individual JKn design, as R's tests/fixtures/tables/fixture-designs.R builds
 * `dind`: the persons with an individual weight (w_person_final), their replicate weights and the
 * design's rscales from weights.json, scale 1. The svyCiprop tests' one setup: `individualFrame` gives
 * the chosen columns of those rows (a test may add a column), `individualDesign` the design on it.
 */
import { readFileSync } from 'node:fs';
import { svrepDesign } from '../../analysis/index.ts';
import { readCsv } from '../../analysis/io/csv.ts';

export const TABLES_FIXTURE = 'tests/fixtures/tables';
const meta = JSON.parse(readFileSync(`${TABLES_FIXTURE}/weights.json`, 'utf8'));
const reps: string[] = meta.persons.weights.individual.repweights;

/** The columns (with the weight and its replicates) of the persons with an individual weight. */
export function individualFrame(columns: string[]): Record<string, unknown[]> {
  const pp = readCsv(`${TABLES_FIXTURE}/persons.csv`);
  const rows = Array.from(pp.w_person_final as Float64Array, (w, i) => (Number.isNaN(w) ? -1 : i)).filter(
    (i) => i >= 0,
  );
  return Object.fromEntries(
    [...columns, 'w_person_final', ...reps].map((k) => [
      k,
      rows.map((i) => (pp[k] as ArrayLike<unknown>)[i]),
    ]),
  );
}

/** The JKn design on such a frame. */
export const individualDesign = (frame: Record<string, unknown[]>) =>
  svrepDesign(
    { type: 'JKn', weights: 'w_person_final', repweights: reps, scale: 1, rscales: meta.design.rscales },
    frame as never,
  );
