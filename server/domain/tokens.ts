/** Opaque session tokens: 32 random bytes for the client, only their SHA-256 in the database. */
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** SHA-256 of a value's canonical JSON (object keys sorted), used to tell "the same upload again". */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/**
 * JSON with object keys sorted (undefined members left out), written without recursion: a stored or
 * uploaded value of any depth is written with an explicit stack, never the call stack.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  // each item is a value still to write, or a piece of text (wrapped so a string value is not mistaken)
  const stack: Array<{ text: string } | { value: unknown }> = [{ value }];
  while (stack.length) {
    const item = stack.pop() as { text: string } | { value: unknown };
    if ('text' in item) {
      out.push(item.text);
      continue;
    }
    const v = item.value;
    if (v === null || typeof v !== 'object') {
      out.push(JSON.stringify(v) ?? 'null');
    } else if (Array.isArray(v)) {
      const parts: Array<{ text: string } | { value: unknown }> = [{ text: '[' }];
      v.forEach((element, i) => {
        if (i) parts.push({ text: ',' });
        parts.push({ value: element });
      });
      parts.push({ text: ']' });
      for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]);
    } else {
      const entries = Object.entries(v as Record<string, unknown>)
        .filter(([, member]) => member !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const parts: Array<{ text: string } | { value: unknown }> = [{ text: '{' }];
      entries.forEach(([k, member], i) => {
        parts.push({ text: `${i ? ',' : ''}${JSON.stringify(k)}:` });
        parts.push({ value: member });
      });
      parts.push({ text: '}' });
      for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]);
    }
  }
  return out.join('');
}
