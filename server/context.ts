/** What every route gets: the database, settings, the background jobs, and the logged-in user. */
import type { Database } from './db/client.ts';
import type { SessionUser } from './domain/accounts.ts';
import type { LoginThrottle } from './domain/login-throttle.ts';

export interface AppSettings {
  sessionTtlMs: number;
  bodyLimitBytes: number;
  mode: 'demo' | 'production';
}

export interface AppDeps {
  database: Database;
  settings: AppSettings;
  throttle: LoginThrottle;
  /** Tells the background job runner that new work is waiting. */
  kickJobs: () => void;
}

export interface AppEnv {
  Variables: { user: SessionUser; token: string };
}
