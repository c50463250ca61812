/**
 * The microdata kinds over HTTP on the WeightedData fixture: `?kind=public` gives one archive
 * (microdata.zip, read back by Python's zipfile) whose household and person files join on their
 * random household codes and carry no internal household id or PSU; two downloads of the public .xlsx
 * archive are the same bytes, its entries and the workbook's dated the run; the catalogue offers both kinds;
 * a bad kind is a 422 naming the field, a single public file a 422 naming the archive, and a survey
 * without public-use settings a 422 `export.no_public_use`; a profile whose key variable, top-, bottom-coded
 * or recoded variable is in neither file (or whose recode groups are unknown, or a kept code not in the
 * variable's code list, or whose suppression order names a household variable, or that refuses a file
 * where a released variable gives a suppressed value back) a 422 `export.profile_invalid` naming the
 * setting, never a 500.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipEntries } from '../../analysis/export/zip-entries.ts';
import { readCsv } from '../../analysis/io/csv.ts';
import { type AnalysisCatalogue, analysisCatalogueSchema } from '../../server/contract/analysis.ts';
import { type AnalysisApp, analysisApp } from '../helpers/analysis-app.ts';
import { createTestContext, type Person, type TestContext } from '../helpers/server.ts';
import { dosDate, zipEntryDates } from '../helpers/zip-dates.ts';

let ctx: TestContext;
let app: AnalysisApp;
// a copy of the fixture: the public-use key is written beside the data
const data = mkdtempSync(join(tmpdir(), 'morabeza-public-data-'));
cpSync('tests/fixtures/tables', data, { recursive: true });

beforeAll(async () => {
  ctx = await createTestContext();
  app = appOn({});
});
afterAll(async () => ctx.close());

/** The app on the fixture's data copy; `root` another repository root holding questionnaires/. */
function appOn(extra: { root?: string }) {
  return analysisApp(ctx.database, { analysis: { dataDir: () => data, ...extra } });
}

async function call(path: string, as: Person = 'analyst') {
  return app.request(path, { headers: { authorization: `Bearer ${await ctx.token(as)}` } });
}

describe('microdata kinds over HTTP', () => {
  it('the catalogue offers the internal and the public-use kind', async () => {
    const cat = analysisCatalogueSchema.parse(
      await (await call('/api/analysis/ipei')).json(),
    ) as AnalysisCatalogue;
    expect(cat.microdata.kinds).toEqual(['internal', 'public']);
    const list = await (await call('/api/analysis/ipei/microdata/csv?kind=public')).json();
    expect(list.files).toEqual(['microdata.zip']);
  });

  it('the public archive: files that join on random household codes, no internal id or PSU', async () => {
    const res = await call('/api/analysis/ipei/microdata/csv/microdata.zip?kind=public&lang=en');
    expect(res.status).toBe(200);
    // the codes come from the data folder's key, made on this first public download
    expect(existsSync(join(data, 'public-use.key'))).toBe(true);
    // the disclosure risk on the profile's key variables, also in codebook.json below
    const risk = JSON.parse(res.headers.get('morabeza-disclosure-risk') ?? 'null');
    expect(risk).toMatchObject({
      keyVariables: ['a02_island', 'c03_sex', 'age_group', 'nat_group'],
      k: 3,
      records: 168,
      households: { keyVariables: ['a02_island', 'hh_size', 'h01_dwelling_type'], k: 3, records: 72 },
      householdRisk: { households: 72, threshold: 0.1, aboveThreshold: 0 },
    });
    expect(risk.householdRisk.highest).toBeGreaterThan(0);
    expect(risk.householdRisk.highest).toBeLessThan(0.1);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ipei-public-csv.zip"');
    const dir = mkdtempSync(join(tmpdir(), 'morabeza-public-zip-'));
    writeFileSync(join(dir, 'm.zip'), new Uint8Array(await res.arrayBuffer()));
    const unzip = spawnSync(
      'python3',
      [
        '-c',
        'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); z.testzip(); z.extractall(sys.argv[2]); print(",".join(z.namelist()))',
        join(dir, 'm.zip'),
        dir,
      ],
      { encoding: 'utf8' },
    );
    expect(unzip.status, unzip.stderr).toBe(0);
    expect(unzip.stdout.trim().split(',')).toEqual([
      'households.csv',
      'persons.csv',
      'codebook.json',
      'codebook.csv',
      'codebook.md',
      'setup.R',
      'setup.do',
      'setup.py',
    ]);
    const hh = readCsv(join(dir, 'households.csv'));
    const pp = readCsv(join(dir, 'persons.csv'));
    const codes = new Set(Array.from(hh.household_id as ArrayLike<number>));
    expect(codes.size).toBe(72);
    for (const id of Array.from(pp.household_id as ArrayLike<number>)) expect(codes.has(id)).toBe(true);
    const internal = readCsv('tests/fixtures/tables/households.csv');
    const text =
      readFileSync(join(dir, 'households.csv'), 'utf8') + readFileSync(join(dir, 'persons.csv'), 'utf8');
    for (const id of [...(internal.household_id as string[]), ...(internal.psu as string[])])
      expect(text.includes(id), id).toBe(false);
    const codebook = JSON.parse(readFileSync(join(dir, 'codebook.json'), 'utf8'));
    expect(codebook.kind).toBe('public');
    expect(codebook.disclosureRisk).toMatchObject({
      sampleUniques: risk.sampleUniques,
      recordsBelowK: risk.recordsBelowK,
    });
    expect(codebook.contents).toMatch(/^Public-use file\. Random codes/);
    // a second download is the same file (the codes are the run's, not the download's)
    const again = await call('/api/analysis/ipei/microdata/csv/microdata.zip?kind=public&lang=en');
    const dir2 = mkdtempSync(join(tmpdir(), 'morabeza-public-zip-'));
    writeFileSync(join(dir2, 'm.zip'), new Uint8Array(await again.arrayBuffer()));
    const unzip2 = spawnSync(
      'python3',
      [
        '-c',
        'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])',
        join(dir2, 'm.zip'),
        dir2,
      ],
      { encoding: 'utf8' },
    );
    expect(unzip2.status, unzip2.stderr).toBe(0);
    for (const f of ['households.csv', 'persons.csv', 'codebook.json'])
      expect(readFileSync(join(dir2, f)).equals(readFileSync(join(dir, f))), f).toBe(true);
  });

  it('the public .xlsx archive: two downloads byte-identical, every entry dated the run', async () => {
    const get = async () =>
      new Uint8Array(
        await (
          await call('/api/analysis/ipei/microdata/xlsx/microdata.zip?kind=public&lang=en')
        ).arrayBuffer(),
      );
    const a = await get();
    const b = await get();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // a folder's run date is its weights.json time
    const run = dosDate(new Date(Math.floor(statSync(join(data, 'weights.json')).mtimeMs)));
    const xlsx = zipEntries(a).find((e) => e.name === 'ipei-microdata.xlsx');
    if (!xlsx) throw new Error('no workbook in the archive');
    for (const d of [...zipEntryDates(a), ...zipEntryDates(xlsx.bytes)]) expect(d).toEqual(run);
  });

  it('the internal archive holds the internal ids', async () => {
    const res = await call('/api/analysis/ipei/microdata/csv/microdata.zip');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ipei-internal-csv.zip"');
  });

  it('refuses a bad kind, a single public file, and a survey without public-use settings', async () => {
    for (const path of [
      '/api/analysis/ipei/microdata/csv?kind=open',
      '/api/analysis/ipei/microdata/csv/persons.csv?kind=PUBLIC',
    ]) {
      const res = await call(path);
      expect(res.status, path).toBe(422);
      const body = await res.json();
      expect(body.code).toBe('request.invalid');
      expect(body.details).toEqual([{ field: 'kind', message: 'use internal or public' }]);
    }
    const single = await call('/api/analysis/ipei/microdata/csv/persons.csv?kind=public');
    expect(single.status).toBe(422);
    expect((await single.json()).details[0]).toMatchObject({ field: 'file' });
    const desks = await call('/api/analysis/desks/microdata/csv?kind=public');
    expect(desks.status).toBe(422);
    expect((await desks.json()).code).toBe('export.no_public_use');
  });

  /** The public archive of a copy of the survey folder whose publicUse block `edit` changes. */
  async function withProfile(edit: (pu: Record<string, string[]>) => void) {
    const root = mkdtempSync(join(tmpdir(), 'morabeza-bad-profile-'));
    cpSync('questionnaires/ipei', join(root, 'questionnaires', 'ipei'), { recursive: true });
    const profilePath = join(root, 'questionnaires', 'ipei', 'profile.json');
    const profile = JSON.parse(readFileSync(profilePath, 'utf8'));
    edit(profile.publicUse);
    writeFileSync(profilePath, JSON.stringify(profile));
    const bad = appOn({ root });
    return bad.request('/api/analysis/ipei/microdata/csv/microdata.zip?kind=public', {
      headers: { authorization: `Bearer ${await ctx.token('analyst')}` },
    });
  }

  it('a profile naming a key variable that is in neither file: a 422 naming the setting', async () => {
    const res = await withProfile((pu) => {
      pu.keyVariables = [...pu.keyVariables, 'no_such_variable'];
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.code).toBe('export.profile_invalid');
    expect(body.details.field).toBe('publicUse.keyVariables');
    expect(body.details.message).toContain('no_such_variable');
  });

  it('a bad top-code, bottom-code, recode, suppression order or a refused recovery: a 422 naming it', async () => {
    const cases: Array<[(pu: Record<string, unknown>) => void, string, string]> = [
      [(pu) => (pu.topCode = [{ variable: 'no_such_age', at: 80 }]), 'publicUse.topCode', 'no_such_age'],
      [
        (pu) => (pu.recode = [{ variable: 'no_such_country', groups: 'nat_group' }]),
        'publicUse.recode',
        'no_such_country',
      ],
      [
        (pu) => (pu.recode = [{ variable: 'c07_nationality1', groups: 'no_groups' }]),
        'publicUse.recode',
        'no_groups',
      ],
      [
        (pu) => (pu.recode = [{ variable: 'c06_birth_country', groups: 'nat_group', keep: ['QQ'] }]),
        'publicUse.recode',
        'QQ',
      ],
      [
        (pu) => (pu.bottomCode = [{ variable: 'no_such_year', at: 1996 }]),
        'publicUse.bottomCode',
        'no_such_year',
      ],
      [(pu) => (pu.suppress = { order: ['a02_island'] }), 'publicUse.suppress.order', 'a02_island'],
      [
        (pu) => (pu.suppress = { order: ['nat_group'], with: { nat_group: ['no_such_nationality'] } }),
        'publicUse.suppress.with',
        'no_such_nationality',
      ],
      [
        (pu) => (pu.suppress = { ...(pu.suppress as object), recoverable: 'refuse' }),
        'publicUse.suppress.recoverable',
        'given back by',
      ],
    ];
    for (const [edit, field, name] of cases) {
      const res = await withProfile(edit as never);
      expect(res.status, name).toBe(422);
      const body = await res.json();
      expect(body.code).toBe('export.profile_invalid');
      expect(body.details.field).toBe(field);
      expect(body.details.message).toContain(name);
    }
  });
});
