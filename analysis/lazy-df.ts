/**
 * Degrees of freedom computed when first read. A replicate design's df is a rank of its replicate
 * weights (analysis/variance/replicate-rank.ts), the costly part of a table; estimates and designs
 * carry one, but callers that give their own df (the tables' per-domain intervals) never read it.
 * The property stays an ordinary enumerable field to its readers: reading, spreading or serialising
 * the object gives the same number as computing it at once.
 */

export function lazyDegf<T extends object, K extends 'df' | 'degf'>(
  target: T,
  key: K,
  compute: () => number,
): T & Record<K, number> {
  let value: number | undefined;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      value ??= compute();
      return value;
    },
    set: (v: number) => {
      value = v;
    },
  });
  return target as T & Record<K, number>;
}
