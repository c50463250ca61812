/**
 * A small file system a test can fill or make read-only: a tmpfs of a given size mounted on a fresh
 * folder. Mounting needs root (CAP_SYS_ADMIN); where it is refused the caller gets the reason to print
 * and skips, never silently.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallFs {
  dir: string;
  /** Remounts it read-only (writes then fail with EROFS, root's too). */
  readOnly(): void;
  unmount(): void;
}

export function mountSmallFs(sizeBytes: number): SmallFs | { skip: string } {
  if (process.getuid?.() !== 0)
    return { skip: `mounting a tmpfs needs root (running as uid ${process.getuid?.()})` };
  const dir = mkdtempSync(join(tmpdir(), 'morabeza-smallfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return {
      skip: `cannot mount a tmpfs here: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`,
    };
  }
  return {
    dir,
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' }),
    unmount: () => {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
