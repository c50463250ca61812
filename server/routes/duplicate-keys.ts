/**
 * Finding a key written twice in one JSON object. JSON.parse keeps the last value, SQLite's JSON
 * functions the first, so an envelope with `"outcome": 11, ..., "outcome": 13` would mean one thing to
 * the server's checks and another to every SQL query. Bodies are refused instead (422 naming the key).
 * The scan runs over text JSON.parse has already accepted, with an explicit stack (no recursion), and
 * compares keys as decoded strings ("a" and "\u0061" are the same key).
 */

interface Frame {
  object: boolean;
  keys: Set<string> | null;
  expectKey: boolean;
  /** The current member's key (objects) or element index (arrays), for the path. */
  at: string | number;
}

const QUOTE = 34;
const BACKSLASH = 92;

/** The path of the first duplicate key (`answers.b03_size`), or null when every key is unique. */
export function firstDuplicateKey(text: string): string | null {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let j = i + 1;
      while (text.charCodeAt(j) !== QUOTE) j += text.charCodeAt(j) === BACKSLASH ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.object && top.expectKey) {
        const raw = text.slice(i, j + 1);
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        top.at = key;
        if (top.keys?.has(key)) return stack.map((f) => String(f.at)).join('.');
        top.keys?.add(key);
        top.expectKey = false;
      }
      i = j;
    } else if (c === 123 /* { */) {
      stack.push({ object: true, keys: new Set(), expectKey: true, at: '' });
    } else if (c === 91 /* [ */) {
      stack.push({ object: false, keys: null, expectKey: false, at: 0 });
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
    } else if (c === 44 /* , */) {
      const top = stack[stack.length - 1];
      if (top.object) top.expectKey = true;
      else top.at = Number(top.at) + 1;
    }
  }
  return null;
}
