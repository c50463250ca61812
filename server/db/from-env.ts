/**
 * The database a process's configuration names, opened with every setting of server/env.ts: the URL and
 * auth token, the embedded replica's sync URL and interval, the busy timeout and the connection attempts.
 * The server's start and every script that touches the database open it here, so none skips a setting.
 */
import type { Env } from '../env.ts';
import { type Database, type DatabaseOptions, openDatabase } from './client.ts';

export function databaseOptions(env: Env): DatabaseOptions {
  return {
    url: env.DATABASE_URL,
    authToken: env.DATABASE_AUTH_TOKEN,
    syncUrl: env.DATABASE_SYNC_URL,
    syncInterval: env.DATABASE_SYNC_INTERVAL,
    busyTimeoutMs: env.DATABASE_BUSY_TIMEOUT_MS,
    connectAttempts: env.DATABASE_CONNECT_ATTEMPTS,
  };
}

export const openDatabaseFromEnv = (env: Env): Promise<Database> => openDatabase(databaseOptions(env));
