/**
 * Configuration: the only file that reads process.env. Bad configuration stops the process with the
 * field and the reason, never a half-started server.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { LOG_LEVELS } from './log.ts';

const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|libsql:|https?:|wss?:)/, 'must start with file:, libsql:, http(s): or ws(s):')
      .default('file:data/morabeza.db'),
    DATABASE_AUTH_TOKEN: z.string().optional(),
    DATABASE_SYNC_URL: z
      .string()
      .regex(/^(libsql:|https?:|wss?:)/, 'must start with libsql:, http(s): or ws(s):')
      .optional(),
    DATABASE_SYNC_INTERVAL: z.coerce.number().positive().optional(),
    /** Start-up tries to reach a database server this many times, backing off from 1 s to 30 s. */
    DATABASE_CONNECT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
    DATABASE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    MORABEZA_MODE: z.enum(['demo', 'production']).default('demo'),
    MORABEZA_DEMO_PASSWORD: z.string().min(1).optional(),
    /** Play the simulated fieldwork into a new demo database (interviews, reviews); false: sample only. */
    MORABEZA_DEMO_FIELDWORK: booleanish.default(true),
    MORABEZA_QUESTIONNAIRES_DIR: z.string().default('questionnaires'),
    MORABEZA_CLIENT_DIR: z.string().default('client/dist'),
    /** Background job loops, each with its validation worker thread (default: the cores, at most 4). */
    MORABEZA_JOB_WORKERS: z.coerce.number().int().min(1).max(64).default(Math.min(4, availableParallelism())),
    /** Where weighting runs also write the weight files (<dir>/<survey>/) for the CLI tools; the API reads the database. */
    MORABEZA_WEIGHTS_DIR: z.string().min(1).default('data/weights'),
    /**
     * An enumerator's assignment list keeps those reassigned from them to someone else for this many
     * days after the reassignment (status `reassigned`, so a draft their tablet started stays visible).
     */
    MORABEZA_REASSIGNED_LIST_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 90)
      .default(24 * 14),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(2 * 1024 * 1024),
    /** `npm run users:create`: the new account's password (otherwise read from standard input). */
    MORABEZA_NEW_PASSWORD: z.string().optional(),
    /** Run the background jobs (validation) in this process; turn off on intake-only API nodes. */
    MORABEZA_RUN_JOBS: booleanish.default(true),
    /** The JSON log lines on standard output (server/log.ts): info has one per request and job step. */
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.MORABEZA_MODE === 'production' && env.MORABEZA_DEMO_PASSWORD !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['MORABEZA_DEMO_PASSWORD'],
        message: 'demo passwords are refused in production mode: unset it, or set MORABEZA_MODE=demo',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Parses an environment; on failure returns the lines to print, one per field. */
export function parseEnv(
  source: Record<string, string | undefined>,
): { ok: true; env: Env } | { ok: false; errors: string[] } {
  const result = envSchema.safeParse(source);
  if (result.success) return { ok: true, env: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`),
  };
}

/** Reads process.env, or exits with a message naming each bad field. */
export function loadEnv(): Env {
  const parsed = parseEnv(process.env);
  if (parsed.ok) return parsed.env;
  console.error('Morabeza cannot start: the configuration is invalid.');
  for (const line of parsed.errors) console.error(`  ${line}`);
  console.error('See .env.example for every setting and its default.');
  process.exit(2);
}
