/** A JSON logger (server/log.ts) whose lines a test reads back: each raw line and each parsed. */
import { createLogger, type LogLevel } from '../../server/log.ts';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export function captureLogger(level: LogLevel = 'info') {
  const raw: string[] = [];
  const lines: LogLine[] = [];
  const logger = createLogger(level, {
    write(text: string) {
      raw.push(text);
      lines.push(JSON.parse(text) as LogLine);
    },
  });
  return { logger, raw, lines };
}

/** pino's number for warn: lines at or above it are warnings and errors. */
export const WARN = 40;
