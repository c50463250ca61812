/**
 * A database file the server cannot write (its permissions, its folder's, or a file system mounted
 * read-only) is said at start, in words naming the file and what to do, before libSQL fails later with
 * "unable to open database file" or the first upload with "attempt to write a readonly database".
 * SQLite writes beside the file too (the -wal and -shm files), so the folder must be writable as well.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';

/** Why the database file at `path` cannot be written, or null when it can (or does not exist yet). */
export function readOnlyReason(path: string): string | null {
  const folder = dirname(path);
  for (const [what, target] of [
    ['file', path],
    ['folder', folder],
  ] as const) {
    if (!existsSync(target)) continue;
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      const code = (error as { code?: string }).code;
      const why =
        code === 'EROFS'
          ? `its file system is mounted read-only`
          : `the ${what} ${target} is not writable by this user${process.getuid ? ` (uid ${process.getuid()})` : ''}`;
      return `the database file ${path} is read-only: ${why} (${code}). Morabeza writes every upload to it: make the file and its folder writable by the user that runs the server (chmod u+w, chown), remount the file system read-write, or set DATABASE_URL to a writable copy`;
    }
  }
  return null;
}
