import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client.ts';
import { users } from '../../server/db/schema.ts';
import { verifyPassword } from '../../server/domain/passwords.ts';

const dir = mkdtempSync(join(tmpdir(), 'morabeza-users-'));
const url = `file:${join(dir, 'u.db')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], password: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/users/create.ts', ...args], {
    env: { ...process.env, DATABASE_URL: url, MORABEZA_MODE: 'production', MORABEZA_NEW_PASSWORD: password },
    encoding: 'utf8',
  });

describe('npm run users:create', () => {
  it('creates a production admin whose password verifies, and refuses a short password or a taken name', async () => {
    const ok = run(['--username', 'ana', '--role', 'admin'], 'a long enough password');
    expect(ok.status).toBe(0);
    const short = run(['--username', 'bob', '--role', 'admin'], 'short');
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('at least 12 characters');
    const taken = run(['--username', 'ana', '--role', 'analyst'], 'another long password');
    expect(taken.stderr).toContain('taken');
    const badRole = run(['--username', 'cid', '--role', 'boss'], 'another long password');
    expect(badRole.stderr).toContain('--role must be one of');
    const database = await openDatabase({ url });
    const row = await database.db.query.users.findFirst({ where: eq(users.username, 'ana') });
    database.close();
    expect(row?.role).toBe('admin');
    expect(row?.isDemo).toBe(false);
    expect(await verifyPassword('a long enough password', row?.passwordHash ?? '')).toBe(true);
  });
});
