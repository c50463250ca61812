/**
 * Reading one field of a stored JSON text in SQL without letting an odd row fail the query: SQLite's
 * `json_extract` raises "malformed JSON" for the whole statement on a document it cannot parse (nested
 * deeper than its 1,000 levels, say, stored before the intake limits), so every listing that reads it
 * would answer 500 for everyone, for good. Guarded by `json_valid`, such a row reads as NULL instead.
 */
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

export function jsonField<T = string | null>(column: SQLWrapper, path: `$.${string}`): SQL<T> {
  return sql<T>`(case when json_valid(${column}) then json_extract(${column}, ${path}) end)`;
}
