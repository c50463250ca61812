/**
 * Only the answer to the latest request is used: the analyst switches survey (or reloads the catalogue
 * after a weighting) while an earlier request is still on its way, and that earlier answer, arriving
 * last, must not overwrite the screen with the other survey's catalogue. `latestOnly(run)` returns a
 * function that starts `run` and resolves to its result, or to `stale` when a later call has started
 * since.
 */
export const STALE: unique symbol = Symbol('stale');

export function latestOnly<A extends unknown[], R>(
  run: (...args: A) => Promise<R>,
): (...args: A) => Promise<R | typeof STALE> {
  let latest = 0;
  return async (...args: A) => {
    const mine = ++latest;
    const result = await run(...args);
    return mine === latest ? result : STALE;
  };
}
