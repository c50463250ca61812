/**
 * Opens the database: an embedded libSQL file by default, a libSQL server or an embedded replica by URL.
 * Every client has a busy timeout; a file database runs in WAL mode with synchronous=FULL, so an
 * acknowledged write survives a killed process and a power cut.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { waitForDatabase } from './connect.ts';
import { createGroupCommit, type WriteWork } from './group-commit.ts';
import * as schema from './schema.ts';
import { serializedClient } from './serialized-client.ts';

export type Db = LibSQLDatabase<typeof schema>;

export interface DatabaseOptions {
  url: string;
  authToken?: string;
  syncUrl?: string;
  syncInterval?: number;
  busyTimeoutMs?: number;
  /** How many times to try reaching a database server at start (1: fail at once). */
  connectAttempts?: number;
  log?: (line: string) => void;
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
  const raw = createClient({
    url: options.url,
    authToken: options.authToken,
    syncUrl: options.syncUrl,
    syncInterval: options.syncInterval,
    timeout: options.busyTimeoutMs ?? 10_000,
  });
  // a replica or an in-memory database has one connection: queue every use of it
  const client =
    options.syncUrl || options.url === ':memory:' || options.url.startsWith('file::memory:')
      ? serializedClient(raw)
      : raw;
  try {
    await waitForDatabase(client, {
      url: options.url,
      attempts: options.connectAttempts ?? 1,
      log: options.log,
    });
    if (options.syncUrl) await client.sync();
  } catch (error) {
    client.close();
    throw error;
  }
  if (path && !options.syncUrl) {
    // WAL: readers never block the writer. Durability needs no pragma: libSQL opens every pooled
    // connection with synchronous=FULL, so a commit is on disk before the 2xx.
    await client.execute('PRAGMA journal_mode=WAL');
  }
  await client.execute('PRAGMA foreign_keys=ON');
  const db = drizzle(client, { schema });
  return { client, db, write: createGroupCommit(db), close: () => client.close() };
}
