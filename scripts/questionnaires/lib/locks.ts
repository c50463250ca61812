/** Fielded questionnaire versions are frozen: questionnaires/locks.json maps file -> sha256 of its bytes. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './checks.ts';
import { fieldingProblems } from './fielding.ts';

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

const DESCRIPTION =
  'sha256 of every fielded questionnaire version (paths relative to questionnaires/). A locked file never changes: publish <name>.v<N+1>.json instead.';

/**
 * Locks `files` (relative to `dir`) in `dir`/locks.json. A file already locked, or whose fielded languages are
 * not all approved (unless `pilot`), is refused with the reason; a pilot lock is also listed under `pilot`.
 */
export function lockFiles(
  dir: string,
  files: string[],
  { pilot = false } = {},
): { locked: [string, string][]; refused: string[] } {
  const path = join(dir, 'locks.json');
  const raw = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { pilot?: string[] }) : {};
  const locks = { ...readLocks(path) };
  const pilots = new Set(raw.pilot ?? []);
  const locked: [string, string][] = [];
  const refused: string[] = [];
  for (const file of files) {
    if (locks[file]) {
      refused.push(`${file} is already locked; a fielded version never changes: publish a new .vN instead`);
      continue;
    }
    if (!existsSync(join(dir, file))) {
      refused.push(`${file}: no such file in ${dir}`);
      continue;
    }
    const problems = fieldingProblems(dir, file);
    if (problems.length && !pilot) {
      refused.push(...problems);
      continue;
    }
    if (pilot) pilots.add(file);
    locks[file] = sha256(readFileSync(join(dir, file)));
    locked.push([file, locks[file]]);
  }
  const sorted = Object.fromEntries(Object.entries(locks).sort(([a], [b]) => a.localeCompare(b)));
  const pilot_ = [...pilots].sort();
  if (locked.length)
    writeFileSync(
      path,
      `${JSON.stringify({ description: DESCRIPTION, files: sorted, ...(pilot_.length ? { pilot: pilot_ } : {}) }, null, 2)}\n`,
    );
  return { locked, refused };
}
