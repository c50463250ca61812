import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../server/env.ts';

describe('configuration', () => {
  it('defaults to the embedded demo on port 8080', () => {
    const parsed = parseEnv({});
    expect(parsed.ok && parsed.env).toMatchObject({
      PORT: 8080,
      DATABASE_URL: 'file:data/morabeza.db',
      MORABEZA_MODE: 'demo',
    });
  });

  it('names each bad field and the reason', () => {
    const parsed = parseEnv({ PORT: 'eighty', DATABASE_URL: 'postgres://x', MORABEZA_MODE: 'prod' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const fields = parsed.errors.map((e) => e.split(':')[0]);
    expect(fields).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'MORABEZA_MODE']));
    expect(parsed.errors.find((e) => e.startsWith('DATABASE_URL'))).toContain('must start with file:');
  });

  it("sets the log level only to one of pino's, naming LOG_LEVEL otherwise", () => {
    const ok = parseEnv({ LOG_LEVEL: 'warn' });
    expect(ok.ok && ok.env.LOG_LEVEL).toBe('warn');
    expect(parseEnv({}).ok && (parseEnv({}) as { env: { LOG_LEVEL: string } }).env.LOG_LEVEL).toBe('info');
    const bad = parseEnv({ LOG_LEVEL: 'verbose' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/^LOG_LEVEL: /);
  });

  it('keeps reassigned-away assignments on the list 30 days by default, naming the field when bad', () => {
    const d = parseEnv({});
    expect(d.ok && d.env.MORABEZA_REASSIGNED_LIST_DAYS).toBe(30);
    const seven = parseEnv({ MORABEZA_REASSIGNED_LIST_DAYS: '7' });
    expect(seven.ok && seven.env.MORABEZA_REASSIGNED_LIST_DAYS).toBe(7);
    for (const bad of ['0', 'a month', '1.5']) {
      const parsed = parseEnv({ MORABEZA_REASSIGNED_LIST_DAYS: bad });
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.errors[0]).toMatch(/^MORABEZA_REASSIGNED_LIST_DAYS: /);
    }
  });

  it('refuses a demo password in production mode', () => {
    const parsed = parseEnv({ MORABEZA_MODE: 'production', MORABEZA_DEMO_PASSWORD: 'demo' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/^MORABEZA_DEMO_PASSWORD: demo passwords are refused/);
  });
});
