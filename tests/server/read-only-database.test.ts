/**
 * A database the server cannot write is said at start: the production entry stops with "read-only",
 * the file's path and what to do, instead of libSQL's "unable to open database file" (a read-only file
 * system) or a first upload failing. Two ways to make it: a copy whose file and folder are chmod'ed
 * read-only (only meaningful when not root: root writes through permission bits), and a file system
 * remounted read-only (needs root to mount; skipped with the reason printed otherwise).
 */
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { runServerToExit } from '../helpers/process.ts';
import { mountSmallFs } from '../helpers/small-fs.ts';

const questionnaires = fileURLToPath(new URL('../fixtures/server/demo-questionnaires', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'morabeza-readonly-'));
const original = join(work, 'original.db');

beforeAll(async () => {
  const database = await openDatabase({ url: `file:${original}` });
  await migrateDatabase(database.db);
  database.close();
});
afterAll(() => {
  chmodSync(work, 0o755);
  rmSync(work, { recursive: true, force: true });
});

async function startOn(path: string) {
  return runServerToExit({
    DATABASE_URL: `file:${path}`,
    MORABEZA_QUESTIONNAIRES_DIR: questionnaires,
    MORABEZA_CLIENT_DIR: join(work, 'none'),
    MORABEZA_JOB_WORKERS: '1',
  });
}

function expectReadOnlyRefusal(result: { code: number | null; output: string }, path: string) {
  expect(result.code).toBe(1);
  expect(result.output).toContain('Morabeza cannot start');
  expect(result.output).toContain(`the database file ${path} is read-only`);
  expect(result.output).toMatch(
    /writable by the user that runs the server .* or set DATABASE_URL to a writable copy/,
  );
  expect(result.output).not.toMatch(/unable to open database file|SQLITE_/);
}

describe('a read-only database at start', () => {
  it("says read-only for a copy whose file and folder are chmod'ed read-only", async () => {
    if (process.getuid?.() === 0) {
      console.log(
        'skipped: running as root, chmod does not stop root writing (the read-only mount test covers it)',
      );
      return;
    }
    const folder = mkdtempSync(join(work, 'chmod-'));
    const copy = join(folder, 'copy.db');
    copyFileSync(original, copy);
    chmodSync(copy, 0o444);
    chmodSync(folder, 0o555);
    try {
      expectReadOnlyRefusal(await startOn(copy), copy);
    } finally {
      chmodSync(folder, 0o755);
    }
  }, 60_000);

  it('says read-only for a database on a file system mounted read-only', async () => {
    const fs = mountSmallFs(16 * 1024 * 1024);
    if ('skip' in fs) {
      console.log(`skipped: ${fs.skip}`);
      return;
    }
    try {
      const copy = join(fs.dir, 'copy.db');
      copyFileSync(original, copy);
      fs.readOnly();
      expectReadOnlyRefusal(await startOn(copy), copy);
    } finally {
      fs.unmount();
    }
  }, 60_000);
});
