/**
 * Structured logs: one JSON line per request and per job step, written by pino to standard output, at
 * the level LOG_LEVEL sets (server/env.ts). A line carries ids, codes, statuses and durations, never
 * personal data: no answers, names, usernames, passwords or tokens. Callers log facts they pick (never a
 * request body), and a database error is reduced to its codes and the driver's own message, because
 * drizzle's wrapper writes the statement's parameters (the answers) into its message.
 */
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Keys that must never reach a log line, whatever a caller passes by mistake. */
const REDACTED = [
  'password',
  'token',
  'authorization',
  'answers',
  'username',
  '*.password',
  '*.token',
  '*.authorization',
  '*.answers',
  '*.username',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'morabeza' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED, censor: '[redacted]' },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** A logger that writes nothing (tests, the demo's in-process seeding). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/**
 * What may be logged of an error: each error of its cause chain by name, code and message, except a
 * query wrapper's message (it holds the SQL and its parameters: the answers). Bounded, not recursive.
 */
export function errorFacts(error: unknown): { name: string; code?: string; message: string }[] {
  const facts: { name: string; code?: string; message: string }[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const name = (e as Error).name ?? typeof e;
    const code = (e as { code?: unknown }).code;
    const raw = (e as Error).message ?? String(e);
    const message = /^Failed query/i.test(raw)
      ? 'a database statement failed (SQL and values not logged)'
      : raw;
    facts.push({ name, ...(typeof code === 'string' ? { code } : {}), message: message.slice(0, 500) });
  }
  return facts;
}
