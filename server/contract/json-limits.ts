/**
 * Limits on the free-form JSON a tablet sends (an envelope's `answers` and `paradata`): how deep it may
 * nest, how many object keys and values it may hold, how long one array may be and how large it may be
 * in total. A real interview stays far below them (a household of 30 people answering 200 questions is
 * about 6,000 keys, 4 levels deep); a poison upload (1,001 levels, 150,000 keys, 200,000-element arrays)
 * is refused with a 422 naming the field, by the tablet before queueing and by the server at intake. The
 * walk is iterative and stops at the first limit passed, so the check itself cannot overflow the stack or
 * run long. Every later reader of stored answers can rely on these bounds.
 */

export const JSON_LIMITS = {
  /** Levels of nesting below the checked object (`{a: {b: 1}}` is 2). SQLite's JSON functions stop at 1,000. */
  maxDepth: 32,
  /** Object keys in the whole value, at every level. */
  maxKeys: 20_000,
  /** Elements of any one array. */
  maxArrayLength: 2_000,
  /** Values (objects, arrays and scalars) in the whole value. */
  maxValues: 50_000,
  /** Characters of the value written as JSON (close to its size in bytes). */
  maxChars: 1_000_000,
} as const;

export interface JsonLimitBreach {
  /** The top-level key under which the limit was passed ('' when it is the object as a whole). */
  key: string;
  message: string;
}

/** The first limit `value` passes, or null when it keeps to all of them. */
export function jsonLimitBreach(
  value: Record<string, unknown>,
  limits: typeof JSON_LIMITS = JSON_LIMITS,
): JsonLimitBreach | null {
  let keys = 0;
  let values = 0;
  let chars = 2;
  const stack: Array<{ v: unknown; depth: number; key: string }> = [];
  for (const [k, v] of Object.entries(value)) {
    keys++;
    chars += k.length + 4;
    if (keys > limits.maxKeys) return { key: '', message: `holds more than ${limits.maxKeys} keys` };
    stack.push({ v, depth: 1, key: k });
  }
  while (stack.length) {
    const { v, depth, key } = stack.pop() as { v: unknown; depth: number; key: string };
    values++;
    if (values > limits.maxValues) return { key, message: `holds more than ${limits.maxValues} values` };
    if (v === null || typeof v !== 'object') {
      chars += typeof v === 'string' ? v.length + 2 : String(v).length;
    } else {
      if (depth >= limits.maxDepth) return { key, message: `nests deeper than ${limits.maxDepth} levels` };
      if (Array.isArray(v)) {
        if (v.length > limits.maxArrayLength) {
          return { key, message: `has an array longer than ${limits.maxArrayLength} elements` };
        }
        chars += 2 + v.length;
        for (const item of v) stack.push({ v: item, depth: depth + 1, key });
      } else {
        chars += 2;
        for (const [k, item] of Object.entries(v)) {
          keys++;
          chars += k.length + 4;
          if (keys > limits.maxKeys) return { key, message: `holds more than ${limits.maxKeys} keys` };
          stack.push({ v: item, depth: depth + 1, key });
        }
      }
    }
    if (chars > limits.maxChars) {
      return { key, message: `is larger than ${limits.maxChars} characters as JSON` };
    }
  }
  return null;
}
