/**
 * A server problem as one technical line for the "Details" of a banner or of an outbox item:
 * `code: message` then its details as JSON, whole. It used to be cut at 300 characters, which left
 * half a word or half a field name; it sits behind a collapsed "Details" and wraps
 * (client/styles.css `.error-details`), so nothing is cut. The uploader stores it as an outbox
 * item's note (client/sync/notice-text.ts reads the code at its start).
 */
export interface ProblemLike {
  code: string;
  message: string;
  details?: unknown;
}

export function problemNote(p: ProblemLike): string {
  const extra = p.details === undefined ? '' : ` ${JSON.stringify(p.details)}`;
  return `${p.code}: ${p.message}${extra}`;
}
