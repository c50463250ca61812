/**
 * A fresh, empty database for one test: a temporary libSQL file by default, or, when
 * MORABEZA_TEST_DATABASE=sqld, a database on a real libSQL server (one sqld per test process, emptied
 * before each test). `npm test` runs the server's tests both ways.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { type Sqld, startSqld } from './sqld.ts';

export const TEST_DATABASE_MODE: 'file' | 'sqld' =
  process.env.MORABEZA_TEST_DATABASE === 'sqld' ? 'sqld' : 'file';

export interface TestDatabase {
  url: string;
  authToken?: string;
  dispose(): Promise<void>;
}

let server: Promise<Sqld> | null = null;

async function emptied(url: string, authToken?: string): Promise<void> {
  const client = createClient({ url, authToken });
  try {
    const tables = await client.execute(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
    );
    // outside a transaction, where PRAGMA foreign_keys takes effect
    const drops = tables.rows.map((r) => `DROP TABLE IF EXISTS "${String(r.name)}";`).join('\n');
    await client.executeMultiple(`PRAGMA foreign_keys=OFF;\n${drops}\nPRAGMA foreign_keys=ON;`);
  } finally {
    client.close();
  }
}

export async function freshTestDatabase(): Promise<TestDatabase> {
  if (TEST_DATABASE_MODE === 'sqld') {
    server ??= startSqld({ auth: true });
    const sqld = await server;
    await emptied(sqld.url, sqld.token);
    return { url: sqld.url, authToken: sqld.token, dispose: async () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'morabeza-test-'));
  return {
    url: `file:${join(dir, 'test.db')}`,
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
