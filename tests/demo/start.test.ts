/**
 * `npm start` (demo/main.ts) starts the engine through demo/start.ts: an empty database is seeded once
 * with the demo's accounts, sample and assignments; a second start seeds nothing; production mode is
 * refused.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDemoMorabeza } from '../../demo/start.ts';
import { parseEnv } from '../../server/env.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'morabeza-start-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function envFor(extra: Record<string, string>) {
  const parsed = parseEnv({
    DATABASE_URL: `file:${join(dir, 'm.db')}`,
    MORABEZA_CLIENT_DIR: join(dir, 'none'),
    MORABEZA_DEMO_FIELDWORK: 'false',
    ...extra,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.env;
}

describe('the demo’s start (demo/start.ts: the engine’s start with the demo’s hooks)', () => {
  it('migrates and seeds the demo once, with every role, logging in with MORABEZA_DEMO_PASSWORD', async () => {
    const first = await startDemoMorabeza(envFor({ MORABEZA_DEMO_PASSWORD: 'morabeza' }), { runJobs: false });
    expect(first.demoAccounts?.map((a) => a.role).sort()).toEqual(
      [
        'admin',
        'analyst',
        'coordinator',
        'enumerator',
        'enumerator',
        'enumerator',
        'supervisor',
        'supervisor',
      ].sort(),
    );
    const login = await first.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'enumerator1', password: 'morabeza' }),
    });
    expect(login.status).toBe(200);
    await first.close();
    const second = await startDemoMorabeza(envFor({}), { runJobs: false });
    expect(second.demoAccounts).toBeNull();
    await second.close();
  });

  it('seeds assignments for enumerator1 when the IPEI household questionnaire is present', async () => {
    const started = await startDemoMorabeza(envFor({}), { runJobs: false });
    const login = await started.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'enumerator1', password: 'demo' }),
    });
    const { token } = (await login.json()) as { token: string };
    const res = await started.app.request('/api/assignments', {
      headers: { authorization: `Bearer ${token}` },
    });
    const list = (await res.json()) as Array<{
      questionnaireId: string;
      survey: string | null;
      ea: { island: string; code: string };
      preload: Record<string, unknown>;
    }>;
    expect(list.length).toBeGreaterThan(10);
    expect(list[0].questionnaireId).toBe('ipei-household');
    // the questionnaire's codes: the island as 1..9, the municipality as its ISO code
    const geography = JSON.parse(readFileSync('questionnaires/ipei/geography.json', 'utf8')) as {
      areas: Array<{ name: string; code: number }>;
    };
    expect(list[0].preload.a02_island).toBe(geography.areas.find((a) => a.name === list[0].ea.island)?.code);
    expect(list[0].survey).toBe('ipei');
    expect(list[0].preload).toMatchObject({
      a03_municipality: expect.stringMatching(/^CV-[A-Z]{2}$/),
      a04_ea: list[0].ea.code,
    });
    await started.close();
  });

  it('refuses production mode, naming the production entry', async () => {
    await expect(
      startDemoMorabeza(envFor({ MORABEZA_MODE: 'production' }), { runJobs: false }),
    ).rejects.toThrow(/MORABEZA_MODE=demo.*npm run serve/);
  });
});
