/**
 * Waits for the database at start-up: a primary that is not reachable yet is retried with a clear line
 * per attempt (no crash loop), and a refused auth token stops at once, naming the setting.
 */
import type { Client } from '@libsql/client';

export class DatabaseUnavailable extends Error {}

export function describeDatabaseError(error: unknown): {
  kind: 'auth' | 'unreachable' | 'unwritable' | 'other';
  reason: string;
} {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    parts.push(`${(e as { code?: string }).code ?? ''} ${(e as Error).message ?? String(e)}`);
  }
  const text = parts.join(' <- ');
  // the database is there but cannot take a write now: locked by another process past the busy timeout,
  // a full disk, an I/O error, a read-only file (a passing state: answered 503, retried by the tablet)
  if (
    /SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY)|database is locked|disk is full|readonly database|read-only/i.test(
      text,
    )
  ) {
    return { kind: 'unwritable', reason: text.trim() };
  }
  if (/\b(401|403)\b|unauthori[sz]ed|forbidden|auth/i.test(text))
    return { kind: 'auth', reason: text.trim() };
  if (
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|fetch failed|socket|network|HRANA_WEBSOCKET|502|503|504/i.test(
      text,
    )
  ) {
    return { kind: 'unreachable', reason: text.trim() };
  }
  return { kind: 'other', reason: text.trim() };
}

export async function waitForDatabase(
  client: Client,
  options: { url: string; attempts: number; delayMs?: number; log?: (line: string) => void },
): Promise<void> {
  const log = options.log ?? ((line: string) => console.error(line));
  for (let attempt = 1; ; attempt++) {
    try {
      await client.execute('select 1');
      return;
    } catch (error) {
      const { kind, reason } = describeDatabaseError(error);
      if (kind === 'auth') {
        throw new DatabaseUnavailable(
          `the database server at ${options.url} refused DATABASE_AUTH_TOKEN (${reason}): set DATABASE_AUTH_TOKEN to a valid token for that server`,
        );
      }
      if (kind === 'other' || attempt >= options.attempts) {
        throw new DatabaseUnavailable(
          `cannot use the database at ${options.url} (${reason})${kind === 'unreachable' ? ` after ${attempt} attempts` : ''}: check DATABASE_URL and that the server is running`,
        );
      }
      const delay = Math.min(30_000, (options.delayMs ?? 1000) * 2 ** (attempt - 1));
      log(
        `database at ${options.url} not reachable (${reason}); retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt} of ${options.attempts})`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
