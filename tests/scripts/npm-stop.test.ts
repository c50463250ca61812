/**
 * `npm run serve` / `npm start` stop when npm is told to: npm passes SIGTERM to the script's shell,
 * and only a server the shell `exec`s receives it (a shell running `build && tsx ...` dies alone and
 * leaves the server validating). The test runs package.json's own `serve` script under npm, with the
 * build step replaced by `true`, sends SIGTERM to npm, and expects the server gone within 10 s.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/process.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'morabeza-npm-stop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<
  string,
  string
>;

async function answers(url: string) {
  try {
    return (await fetch(`${url}/api/health`)).ok;
  } catch {
    return false;
  }
}

describe('npm scripts pass SIGTERM to the server', () => {
  it.each(['start', 'serve'])('%s execs the server as its last command', (name) => {
    // `exec` as the script's last (or only) command, its arguments flags only
    expect(scripts[name]).toMatch(/(^|&& )exec tsx \S+( --[a-z-]+)*$/);
  });

  it('`npm run serve` under SIGTERM: the server stops within 10 s', async () => {
    const serve = scripts.serve
      .replace('npm run build --silent', 'true')
      .replace(/tsx (\S+)$/, (_, entry) => `${join(root, 'node_modules/.bin/tsx')} ${join(root, entry)}`);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'npm-stop', scripts: { serve } }));
    const port = freePort();
    const url = `http://127.0.0.1:${port}`;
    const npm = spawn('npm', ['run', '--silent', 'serve'], {
      cwd: dir,
      stdio: 'ignore',
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: `file:${join(dir, 'stop.db')}`,
        MORABEZA_QUESTIONNAIRES_DIR: join(root, 'tests/fixtures/server/demo-questionnaires'),
        MORABEZA_CLIENT_DIR: join(dir, 'none'),
        LOG_LEVEL: 'error',
        HOST: '127.0.0.1',
      },
    });
    const npmExit = new Promise((r) => npm.once('exit', r));
    for (const t0 = Date.now(); !(await answers(url)); ) {
      if (Date.now() - t0 > 60_000) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    npm.kill('SIGTERM');
    await npmExit;
    let stillUp = true;
    for (const t0 = Date.now(); stillUp && Date.now() - t0 < 10_000; ) {
      stillUp = await answers(url);
      if (stillUp) await new Promise((r) => setTimeout(r, 100));
    }
    expect(stillUp).toBe(false);
  }, 90_000);
});
