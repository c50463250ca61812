/**
 * Writing a revision's flags of one source (validation, quality): the earlier ones are replaced, at most
 * MAX_FLAGS_PER_SOURCE are kept, inserted a batch per statement, and when there were more a last flag
 * `flags.truncated` keeps the true count. A poison upload with thousands of unknown keys so costs a few
 * statements inside the write transaction, not one statement per key, and other uploads never wait on it.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/group-commit.ts';
import { flags } from '../db/schema.ts';

export const MAX_FLAGS_PER_SOURCE = 200;
/** Rows per INSERT (7 bound values each, far below SQLite's limit on variables). */
const BATCH = 100;

export interface FlagRow {
  code: string;
  path: string | null;
  message: string;
}

export async function storeFlags(
  tx: Tx,
  interviewId: string,
  revision: number,
  source: string,
  found: FlagRow[],
): Promise<void> {
  await tx
    .delete(flags)
    .where(and(eq(flags.interviewId, interviewId), eq(flags.revision, revision), eq(flags.source, source)));
  const kept: FlagRow[] = found.slice(0, MAX_FLAGS_PER_SOURCE);
  if (found.length > MAX_FLAGS_PER_SOURCE) {
    kept.push({
      code: 'flags.truncated',
      path: null,
      message: `${found.length} ${source} flags in all; the first ${MAX_FLAGS_PER_SOURCE} are listed.`,
    });
  }
  for (let i = 0; i < kept.length; i += BATCH) {
    await tx
      .insert(flags)
      .values(kept.slice(i, i + BATCH).map((f) => ({ interviewId, revision, source, ...f })));
  }
}
