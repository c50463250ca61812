/**
 * Replicate weight columns as the variance code shares them between the designs of one data set:
 * a number naming each column object (the caches of ranks and sums are keyed by a set of columns,
 * which are never changed in place), the key of a set of columns (computed once per frozen array of
 * columns, as the designs hold them), and the columns as one row-major matrix (a row's weights side
 * by side), copied once per set of columns into the replicate totals kernel's memory
 * (totals-kernel.ts) where it runs, else into a plain array.
 */
import { keepMatrix, kernelDoubles, releaseMatrices } from './totals-kernel.ts';

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

const columnsKeys = new WeakMap<readonly Float64Array[], string>();

/**
 * The columns' ids joined by commas, the caches' key of a set of columns; kept per array when the
 * array is frozen (so it cannot have changed since), as svrepDesign's replicate columns are.
 */
export function columnsKey(reps: readonly Float64Array[]): string {
  const frozen = Object.isFrozen(reps);
  const hit = frozen ? columnsKeys.get(reps) : undefined;
  if (hit !== undefined) return hit;
  const key = reps.map(columnId).join(',');
  if (frozen) columnsKeys.set(reps, key);
  return key;
}

/** Largest replicate weight matrix (entries) copied row-major: 64 MB; larger ones are read by column. */
export const ROW_MAJOR_LIMIT = 2 ** 23;

/** A row-major copy: in the kernel's memory at byte address `at`, or a plain array (`at` -1). */
interface Stored {
  at: number;
  array: Float64Array | null;
  length: number;
  finite: boolean;
}

/** Replicate weight columns as one row-major n x R matrix, once per set of column objects. */
const rowMajorCache = new Map<string, Stored>();

/**
 * The row-major n x R matrix of these columns (`byRow`: a view valid until the next call, when
 * it lives in the kernel's memory), whether every weight is finite, and its byte address in the
 * totals kernel's memory (-1 when it is a plain array).
 */
export function rowMajor(
  reps: readonly Float64Array[],
  n: number,
): { byRow: Float64Array; finite: boolean; at: number } {
  const key = `${n}|${columnsKey(reps)}`;
  let stored = rowMajorCache.get(key);
  if (!stored) {
    if (rowMajorCache.size >= 8) {
      rowMajorCache.clear();
      releaseMatrices();
    }
    const R = reps.length;
    const at = keepMatrix(n * R);
    const byRow = at >= 0 ? kernelDoubles(at, n * R) : new Float64Array(n * R);
    let finite = true;
    for (let r = 0; r < R; r++) {
      const c = reps[r];
      for (let i = 0; i < n; i++) {
        byRow[i * R + r] = c[i];
        if (!Number.isFinite(c[i])) finite = false;
      }
    }
    stored = { at, array: at >= 0 ? null : byRow, length: n * R, finite };
    rowMajorCache.set(key, stored);
  }
  const byRow = stored.array ?? kernelDoubles(stored.at, stored.length);
  return { byRow, finite: stored.finite, at: stored.at };
}
