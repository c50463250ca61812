/**
 * Every word of an entry of a language catalogue (table, model or codebook words) as a string, by its
 * path (`heads.0`, `note.fewer`): functions are called with the sample arguments, so tests can check
 * that every language has every word, none empty, and which ones a translation left as in English.
 */
export function catalogueStrings(entry: object, ...sample: unknown[]): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (x: unknown, path: string) => {
    if (typeof x === 'function') out[path] = String(x(...sample));
    else if (typeof x === 'string') out[path] = x;
    else for (const [k, v] of Object.entries(x as object)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(entry, '');
  return out;
}
