/**
 * Replicate weight columns as the variance code shares them between the designs of one data set:
 * a number naming each column object (the caches of ranks and sums are keyed by a set of columns,
 * which are never changed in place), and the columns as one row-major matrix (a row's weights side
 * by side), copied once per set of columns.
 */

const columnIds = new WeakMap<Float64Array, number>();
let nextColumnId = 0;

/** A number naming a column object, for the caches keyed by a set of columns. */
export function columnId(column: Float64Array): number {
  let id = columnIds.get(column);
  if (id === undefined) {
    id = nextColumnId++;
    columnIds.set(column, id);
  }
  return id;
}

/** Largest replicate weight matrix (entries) copied row-major: 64 MB; larger ones are read by column. */
export const ROW_MAJOR_LIMIT = 2 ** 23;

/** Replicate weight columns as one row-major n x R matrix, once per set of column objects. */
const rowMajorCache = new Map<string, { byRow: Float64Array; finite: boolean }>();

export function rowMajor(reps: Float64Array[], n: number): { byRow: Float64Array; finite: boolean } {
  const key = `${n}|${reps.map(columnId).join(',')}`;
  const hit = rowMajorCache.get(key);
  if (hit) return hit;
  const R = reps.length;
  const byRow = new Float64Array(n * R);
  let finite = true;
  for (let r = 0; r < R; r++) {
    const c = reps[r];
    for (let i = 0; i < n; i++) {
      byRow[i * R + r] = c[i];
      if (!Number.isFinite(c[i])) finite = false;
    }
  }
  const out = { byRow, finite };
  if (rowMajorCache.size >= 8) rowMajorCache.clear();
  rowMajorCache.set(key, out);
  return out;
}
