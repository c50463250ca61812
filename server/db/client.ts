/**
 * Opens the database: an embedded libSQL file by default, a libSQL server or an embedded replica by URL.
 * Every client has a busy timeout; a file database runs in WAL mode with synchronous=FULL, so an
 * acknowledged write survives a killed process and a power cut.
 */
import { mkdirSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { DatabaseUnavailable, describeDatabaseError, waitForDatabase } from './connect.ts';
import { createGroupCommit, type WriteWork } from './group-commit.ts';
import * as schema from './schema.ts';
import { serializedClient } from './serialized-client.ts';
import { readOnlyReason } from './writable-file.ts';

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
  /** Why the last write failed when the database could not take it (locked, full, gone); null once a write succeeds. */
  writeTrouble: () => { reason: string; at: number } | null;
  /** Bytes free for this user on the file system of a file database; null for a database server. */
  freeBytes: () => number | null;
  close: () => void;
}

function filePath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  const path = url.slice('file:'.length).split('?')[0];
  return path === ':memory:' || path === '' ? null : path;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const path = filePath(options.url);
  if (path) {
    mkdirSync(dirname(path), { recursive: true });
    const readOnly = readOnlyReason(path);
    if (readOnly) throw new DatabaseUnavailable(readOnly);
  }
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
      : path
        ? renewAfterFailedBegin(raw)
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
  const grouped = createGroupCommit(db);
  let trouble: { reason: string; at: number } | null = null;
  const write = async <T>(work: WriteWork<T>): Promise<T> => {
    try {
      const result = await grouped(work);
      trouble = null;
      return result;
    } catch (error) {
      const { kind, reason } = describeDatabaseError(error);
      if (kind === 'unwritable' || kind === 'unreachable') trouble = { reason, at: Date.now() };
      throw error;
    }
  };
  const freeBytes = () => {
    if (!path) return null;
    const stats = statfsSync(dirname(path));
    return stats.bavail * stats.bsize;
  };
  return { client, db, write, writeTrouble: () => trouble, freeBytes, close: () => client.close() };
}

/**
 * libSQL's local client hands a pooled connection whose BEGIN failed (the database locked by another
 * process past the busy timeout) back to its pool with the failed statement still open, and every later
 * transaction on it fails to commit ("cannot commit transaction - SQL statements in progress") until the
 * statement is collected, about 50 s. When a BEGIN fails the pool's connections are replaced at once
 * (`reconnect`; only this writer holds a transaction, reads borrow a connection synchronously).
 */
function renewAfterFailedBegin(client: Client): Client {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'transaction') {
        return async (...args: Parameters<Client['transaction']>) => {
          try {
            return await target.transaction(...args);
          } catch (error) {
            await target.reconnect();
            throw error;
          }
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
