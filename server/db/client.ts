/**
 * Opens the database: an embedded libSQL file by default, a libSQL server or an embedded replica by URL.
 * Every client has a busy timeout; a file database runs in WAL mode with synchronous=FULL, so an
 * acknowledged write survives a killed process and a power cut.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { createGroupCommit, type WriteWork } from './group-commit.ts';
import * as schema from './schema.ts';

export type Db = LibSQLDatabase<typeof schema>;

export interface DatabaseOptions {
  url: string;
  authToken?: string;
  syncUrl?: string;
  syncInterval?: number;
  busyTimeoutMs?: number;
}

export interface Database {
  client: Client;
  db: Db;
  /** Runs write work in a transaction, grouped with other waiting work (see group-commit.ts). */
  write: <T>(work: WriteWork<T>) => Promise<T>;
  close: () => void;
}

function filePath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const path = url.slice('file:'.length).split('?')[0];
  return path === ':memory:' || path === '' ? null : path;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const path = filePath(options.url);
  if (path) mkdirSync(dirname(path), { recursive: true });
  const client = createClient({
    url: options.url,
    authToken: options.authToken,
    syncUrl: options.syncUrl,
    syncInterval: options.syncInterval,
    timeout: options.busyTimeoutMs ?? 10_000,
  });
  if (path && !options.syncUrl) {
    await client.execute('PRAGMA journal_mode=WAL');
    await client.execute('PRAGMA synchronous=FULL');
  }
  await client.execute('PRAGMA foreign_keys=ON');
  const db = drizzle(client, { schema });
  return { client, db, write: createGroupCommit(db), close: () => client.close() };
}
