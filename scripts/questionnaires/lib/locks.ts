/** Fielded questionnaire versions are frozen: questionnaires/locks.json maps file -> sha256 of its bytes. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './checks.ts';

export type Locks = Record<string, string>;
export const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

export function readLocks(path: string): Locks {
  if (!existsSync(path)) return {};
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { files?: Locks };
  return raw.files ?? {};
}

/** Every locked file must exist and hash to its recorded value. Paths are relative to `dir`. */
export function checkLocks(dir: string, locks: Locks): Problem[] {
  const problems: Problem[] = [];
  for (const [file, hash] of Object.entries(locks)) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      problems.push({ file, question: '(file)', reason: 'locked (fielded) file is missing' });
      continue;
    }
    const actual = sha256(readFileSync(path));
    if (actual !== hash)
      problems.push({
        file,
        question: '(file)',
        reason: `locked (fielded) file changed: sha256 ${actual.slice(0, 12)}… differs from the lock ${hash.slice(0, 12)}…; publish a new version (.vN+1) instead`,
      });
  }
  return problems;
}
