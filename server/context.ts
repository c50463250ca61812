/** What every route gets: the database, settings, the background jobs, and the logged-in user. */
import type { Database } from './db/client.ts';
import type { SessionUser } from './domain/accounts.ts';
import type { LoginThrottle } from './domain/login-throttle.ts';
import type { UploadSource } from './jobs/job-priority.ts';

export interface AppSettings {
  sessionTtlMs: number;
  bodyLimitBytes: number;
  /** How long a reassigned-away assignment stays on the enumerator's list (env MORABEZA_REASSIGNED_LIST_DAYS). */
  reassignedListMs: number;
  mode: 'demo' | 'production';
}

export interface AppDeps {
  database: Database;
  settings: AppSettings;
  throttle: LoginThrottle;
  /** Tells the background job runner that new work is waiting. */
  kickJobs: () => void;
}

/** What the request log line says of a failed request (set by the app's onError). */
export interface RequestProblem {
  code: string;
  /** The line's message: what happened, in words. */
  summary: string;
  /** The error's facts for a 5xx (server/log.ts errorFacts): codes and driver messages, no values. */
  error?: { name: string; code?: string; message: string }[];
}

export interface AppEnv {
  /**
   * Set only by an in-process caller (`app.request(path, init, { uploads: 'bulk' })`: the demo seeding,
   * `npm run simulate`); a request over HTTP cannot set it. Bulk uploads' jobs are background work
   * (server/jobs/job-priority.ts).
   */
  Bindings: { uploads?: UploadSource };
  Variables: { user: SessionUser; token: string; requestId: string; problem?: RequestProblem };
}
