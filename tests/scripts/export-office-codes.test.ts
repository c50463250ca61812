/**
 * `npm run export` carries the office codes as the server's export does: with the configured database
 * (DATABASE_URL) holding a code for "comerciante" and a cleared code for "pedreiro", persons.csv gets
 * `g08a_isco_office` = 52 on exactly the fixture persons whose occupation is that text, missing on every
 * other (the cleared text included), its line printed in the export's language (pt by default), and the
 * codebook labels it from the ISCO-08 list; without a database
 * the export stops naming `--office-codes none`, writing nothing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../analysis/io/csv.ts';
import { officeCodes } from '../../server/db/schema.ts';
import { createTestContext, type TestContext } from '../helpers/server.ts';

const data = mkdtempSync(join(tmpdir(), 'morabeza-export-office-data-'));
cpSync('tests/fixtures/tables', data, { recursive: true });
let ctx: TestContext;

const run = (out: string, env: Record<string, string>) =>
  spawnSync(
    'npx',
    ['tsx', 'scripts/export/index.ts', 'ipei', '--format', 'csv', '--data', data, '--out', out],
    { encoding: 'utf8', env: { ...process.env, ...env } },
  );

beforeAll(async () => {
  ctx = await createTestContext();
  const code = (textKey: string, c: string) => ({
    survey: 'ipei',
    pair: 'g08_occupation',
    textKey,
    code: c,
    codedBy: ctx.userIds.coord,
  });
  // pedreiro coded, then cleared (the empty code): no code in force
  await ctx.database.db
    .insert(officeCodes)
    .values([code('comerciante', '52'), code('pedreiro', '71'), code('pedreiro', '')]);
});
afterAll(async () => ctx?.close());

describe('npm run export with office codes', () => {
  it('adds g08a_isco_office from the database, labelled in the codebook', () => {
    const out = mkdtempSync(join(tmpdir(), 'morabeza-export-office-'));
    const r = run(out, {
      DATABASE_URL: ctx.databaseUrl,
      ...(ctx.databaseAuthToken ? { DATABASE_AUTH_TOKEN: ctx.databaseAuthToken } : {}),
    });
    expect(r.status, r.stderr).toBe(0);
    // in the export's language, pt by default (analysis/export/export-summary.ts)
    expect(r.stdout).toContain(
      'Códigos do escritório: g08a_isco_office de 1 texto(s) codificado(s) de g08_occupation.',
    );
    expect(r.stdout).toMatch(/^Ficheiro interno: agregados \d+ linhas x \d+ variáveis, pessoas \d+ x \d+; /m);
    const source = readCsv(join(data, 'persons.csv'));
    const persons = readCsv(join(out, 'csv', 'persons.csv'));
    const texts = source.g08_occupation as unknown[];
    const office = Array.from(persons.g08a_isco_office as ArrayLike<number>);
    expect(office).toHaveLength(texts.length);
    const traders = texts.filter((t) => t === 'comerciante').length;
    expect(traders).toBeGreaterThan(0);
    expect(office.filter((v) => v === 52)).toHaveLength(traders);
    expect(office.filter((v) => Number.isNaN(v))).toHaveLength(texts.length - traders);
    // row by row: each trader is coded, nobody else
    texts.forEach((t, i) => {
      expect(Number.isNaN(office[i]), `row ${i}`).toBe(t !== 'comerciante');
    });
    const codebook = readFileSync(join(out, 'csv', 'codebook.json'), 'utf8');
    expect(codebook).toContain('g08a_isco_office');
    expect(codebook).toContain('52 Sales workers');
  }, 120_000);

  it('without a database stops naming --office-codes none, writing nothing', () => {
    const out = mkdtempSync(join(tmpdir(), 'morabeza-export-office-'));
    const r = run(out, { DATABASE_URL: `file:${join(out, 'none', 'missing.db')}` });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("survey 'ipei' declares office coding");
    expect(r.stderr).toContain('--office-codes none');
    expect(existsSync(join(out, 'csv'))).toBe(false);
    expect(existsSync(join(out, 'none', 'missing.db'))).toBe(false);
  }, 60_000);
});
