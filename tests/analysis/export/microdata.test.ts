/**
 * Microdata exports of the WeightedData fixture read back: .dta by R haven (an independent reader),
 * Parquet by hyparquet, Excel by exceljs, CSV as text; identifiers absent from every file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { exportMicrodata } from '../../../analysis/export/bundle.ts';
import { writeDta } from '../../../analysis/export/dta.ts';
import { buildMicrodata } from '../../../analysis/export/microdata.ts';
import { readCsv } from '../../../analysis/io/csv.ts';
import { loadSurveyContext } from '../../../server/storage/survey-context.ts';
import { loadWeightedData } from '../../../server/storage/weighted-data.ts';
import { FIXTURE } from '../tables/helpers.ts';

const ctx = loadSurveyContext('ipei');
const data = loadWeightedData(FIXTURE);
const m = buildMicrodata(data, ctx.labels, ctx.file.derived, ctx.identifiers, ctx.specialCodes);
const persons = readCsv(join(FIXTURE, 'persons.csv'));
const households = readCsv(join(FIXTURE, 'households.csv'));
const IDS = ['c01_name', 'a06b_gps', 'z04_phone', 'g08_occupation'];
const dir = mkdtempSync(join(tmpdir(), 'morabeza-export-'));
const opts = { lang: 'pt' as const, survey: 'ipei' };

describe('microdata selection', () => {
  it('keeps design variables, every weighting step, final and replicate weights; drops identifiers', () => {
    const hh = m.households.variables.map((v) => v.name);
    const pp = m.persons.variables.map((v) => v.name);
    expect(hh.slice(0, 7)).toEqual([
      'household_id',
      'stratum',
      'psu',
      'w1_base',
      'w2_elig',
      'w3_hhnr',
      'w_hh',
    ]);
    expect(hh).toContain('rw_hh_12');
    for (const w of ['w_hh', 'w4_ind', 'w_roster_final', 'w_person_final', 'rw_roster_1', 'rw_person_12'])
      expect(pp).toContain(w);
    expect(pp).toContain('household_id');
    expect(pp).toContain('nat_group');
    expect([...m.dropped.households, ...m.dropped.persons].sort()).toEqual([...IDS].sort());
    for (const id of IDS) expect([...hh, ...pp]).not.toContain(id);
  });
});

describe('Stata .dta 118', () => {
  it('has the 118 header, K and N', async () => {
    const [hh] = await exportMicrodata(m, 'dta', opts);
    const head = new TextDecoder().decode(hh.bytes.slice(0, 70));
    expect(head).toBe('<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>');
    const dv = new DataView(hh.bytes.buffer, hh.bytes.byteOffset);
    expect(dv.getUint16(70, true)).toBe(m.households.variables.length);
    expect(Number(dv.getBigUint64(72 + 7, true))).toBe(72);
  });
  it('is read back by R haven with names, variable labels, value labels and values intact', async () => {
    const files = await exportMicrodata(m, 'dta', opts);
    const path = join(dir, 'persons.dta');
    writeFileSync(path, files.find((f) => f.name === 'persons.dta')?.bytes as Uint8Array);
    const r = spawnSync('Rscript', ['tests/fixtures/tables/read-dta.R', path], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const back = JSON.parse(r.stdout);
    expect(back.label).toBe('IPEI persons');
    expect(back.nrow).toBe(168);
    expect(back.names).toEqual(m.persons.variables.map((v) => v.name));
    const v = (n: string) => back.vars.find((x: { name: string }) => x.name === n);
    expect(v('c03_sex').label).toBe('Sexo');
    expect(v('c03_sex').labels).toEqual({ Masculino: 1, Feminino: 2 });
    expect(v('l01_integrated').labels['Não sabe']).toBe('.a');
    expect(v('nat_group').labels['Guiné-Bissau']).toBe(1);
    // computed variables labelled by tables.json's valueLabels
    expect(v('g17_lf_status').labels).toEqual({
      Empregado: 1,
      Desempregado: 2,
      'Fora da força de trabalho': 3,
    });
    expect(v('c13_eligible').labels).toEqual({ 'Pessoa não elegível': 0, 'Pessoa elegível': 1 });
    expect(v('w_person_final').label).toBe('Peso final individual (calibrado)');
    expect(v('rw_person_3').label).toBe('Peso replicado 3 (JKn)');
    // Values: codes, strings, doubles to the last bit, missing as NA.
    expect(v('person_id').values).toEqual(Array.from(persons.person_id as ArrayLike<string>));
    expect(v('c07_nationality1').values).toEqual(Array.from(persons.c07_nationality1 as ArrayLike<string>));
    const same = (a: (number | null)[], b: Float64Array) =>
      a.every((x, i) => (x === null ? Number.isNaN(b[i]) : x === b[i]));
    expect(same(v('w_person_final').values, persons.w_person_final as Float64Array)).toBe(true);
    expect(same(v('j01_remit').values, persons.j01_remit as Float64Array)).toBe(true);
    expect(same(v('rw_roster_7').values, persons.rw_roster_7 as Float64Array)).toBe(true);
    expect(v('w_person_final').values.filter((x: number | null) => x === null).length).toBe(32);
  });
});

describe('special codes are missing values with labels', () => {
  const codes = (name: string, code: number) =>
    Array.from(persons[name] as Float64Array).flatMap((x, i) => (x === code ? [i] : []));
  it(".dta: the profile's don't know / refused codes come back from R haven as tagged NA .a / .b, labelled", async () => {
    const files = await exportMicrodata(m, 'dta', opts);
    const path = join(dir, 'persons-special.dta');
    writeFileSync(path, files.find((f) => f.name === 'persons.dta')?.bytes as Uint8Array);
    const r = spawnSync('Rscript', ['tests/fixtures/tables/read-dta.R', path], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const v = (n: string) => JSON.parse(r.stdout).vars.find((x: { name: string }) => x.name === n);
    for (const name of ['e05_inps', 'c11_cv_ancestry', 'k01e_perceived_origin']) {
      const dk = codes(name, 98);
      expect(dk.length, name).toBeGreaterThan(0);
      const tags = v(name).tags as (string | null)[];
      // every 98 is .a (and NA to R), every other value is kept as it was
      expect(
        tags.flatMap((t, i) => (t === 'a' ? [i] : [])),
        name,
      ).toEqual(dk);
      for (const i of dk) expect(v(name).values[i]).toBeNull();
      const src = persons[name] as Float64Array;
      v(name).values.forEach((x: number | null, i: number) => {
        if (!dk.includes(i)) expect(x === null ? Number.isNaN(src[i]) : x === src[i]).toBe(true);
      });
      expect(v(name).labels['Não sabe']).toBe('.a');
    }
    expect(v('e05_inps').labels).toEqual({ Sim: 1, Não: 2, 'Não sabe': '.a' });
    // an amount's validator accepts -98 / -99: labelled .a / .b with the profile's kinds
    expect(v('j04_remit_amount').labels).toEqual({ 'Não sabe': '.a', Recusa: '.b' });
    // a variable that does not declare a special code keeps it as a value (no age is special)
    expect(v('c05_age').labels).toEqual({});
  });
  it('.dta: a double (non-integer) variable gets the double encodings of .a and .b, labelled', () => {
    const bytes = writeDta(
      {
        name: 'persons',
        rows: 4,
        variables: [
          {
            name: 'x',
            label: { pt: 'x', en: 'x' },
            kind: 'numeric',
            values: [],
            missing: [
              { code: -98, kind: 'dontKnow', tag: 'a', pt: 'NS', en: 'DK' },
              { code: -99, kind: 'refused', tag: 'b', pt: 'R', en: 'Refused' },
            ],
            role: 'variable',
          },
        ],
        columns: { x: Float64Array.from([1.5, -98, Number.NaN, -99]) },
      },
      { lang: 'en' },
    );
    const path = join(dir, 'double.dta');
    writeFileSync(path, bytes);
    const r = spawnSync('Rscript', ['tests/fixtures/tables/read-dta.R', path], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const [x] = JSON.parse(r.stdout).vars;
    expect(x.values).toEqual([1.5, null, null, null]);
    expect(x.tags).toEqual([null, 'a', null, 'b']);
    expect(x.labels).toEqual({ DK: '.a', Refused: '.b' });
  });
  it('CSV and Parquet keep the codes; the codebook lists them as missing with their .dta tag', async () => {
    const files = await exportMicrodata(m, 'csv', opts);
    const txt = (n: string) => new TextDecoder().decode(files.find((f) => f.name === n)?.bytes);
    const lines = txt('persons.csv').trim().split('\n');
    const col = lines[0].split(',').indexOf('e05_inps');
    const dk = codes('e05_inps', 98);
    expect(lines.slice(1).flatMap((l, i) => (l.split(',')[col] === '98' ? [i] : []))).toEqual(dk);
    const cb = JSON.parse(txt('codebook.json'));
    const e05 = cb.variables.find((x: { variable: string }) => x.variable === 'e05_inps');
    expect(e05.values.map((x: { code: number }) => x.code)).toEqual([1, 2]);
    // without the questionnaire's French or Kriolu for its 98, the engine's word for don't know
    expect(e05.missing).toEqual([
      {
        code: 98,
        kind: 'dontKnow',
        stata: '.a',
        pt: 'Não sabe',
        en: "Don't know",
        fr: 'Ne sait pas',
        kea: 'Ka sabi',
      },
    ]);
    expect(txt('codebook.csv')).toContain('98=.a Não sabe');
    expect(txt('codebook.md')).toContain('| 98 = .a Não sabe |');
    const pq = (await exportMicrodata(m, 'parquet', opts)).find((f) => f.name === 'persons.parquet') as {
      bytes: Uint8Array;
    };
    const file = pq.bytes.buffer.slice(
      pq.bytes.byteOffset,
      pq.bytes.byteOffset + pq.bytes.byteLength,
    ) as ArrayBuffer;
    const labels = JSON.parse(
      parquetMetadata(file).key_value_metadata?.find((k) => k.key === 'morabeza.labels')?.value ?? '{}',
    );
    expect(labels.j04_remit_amount.missing.map((x: { code: number }) => x.code)).toEqual([-98, -99]);
  });
});

describe('Parquet, Excel and CSV', () => {
  it('Parquet read back with hyparquet: columns, values, labels in the metadata', async () => {
    const files = await exportMicrodata(m, 'parquet', opts);
    const bytes = files.find((f) => f.name === 'households.parquet')?.bytes as Uint8Array;
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    expect(rows.length).toBe(72);
    expect(Object.keys(rows[0])).toEqual(m.households.variables.map((v) => v.name));
    rows.forEach((r, i) => {
      expect(r.household_id).toBe((households.household_id as string[])[i]);
      expect(r.w_hh).toBe((households.w_hh as Float64Array)[i]);
      expect(r.h01_dwelling_type).toBe((households.h01_dwelling_type as Float64Array)[i]);
    });
    const meta = parquetMetadata(file);
    const labels = JSON.parse(
      meta.key_value_metadata?.find((k) => k.key === 'morabeza.labels')?.value ?? '{}',
    );
    expect(labels.h01_dwelling_type.label.en).toBe('Type of dwelling');
  });
  it('Excel read back with exceljs: both files and the codebook', async () => {
    const [x] = await exportMicrodata(m, 'xlsx', opts);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      x.bytes.buffer.slice(x.bytes.byteOffset, x.bytes.byteOffset + x.bytes.byteLength) as ArrayBuffer,
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(['households', 'persons', 'codebook']);
    const ws = wb.getWorksheet('persons') as ExcelJS.Worksheet;
    expect(ws.rowCount).toBe(169);
    const names = (ws.getRow(1).values as unknown[]).slice(1);
    const col = names.indexOf('w_roster_final') + 1;
    expect(ws.getRow(2).getCell(col).value).toBe((persons.w_roster_final as Float64Array)[0]);
    const cb = wb.getWorksheet('codebook') as ExcelJS.Worksheet;
    const sex = (cb.getSheetValues() as unknown[][]).find((r) => r && r[2] === 'c03_sex');
    expect(sex?.slice(5, 8)).toEqual(['Sexo', 'Sex', '1=Masculino; 2=Feminino']);
  });
  it('CSV files link persons to households, with the codebook in pt and en beside them', async () => {
    const files = await exportMicrodata(m, 'csv', opts);
    expect(files.map((f) => f.name)).toEqual([
      'households.csv',
      'persons.csv',
      'codebook.json',
      'codebook.csv',
      'codebook.md',
      'setup.R',
      'setup.do',
      'setup.py',
    ]);
    const txt = (n: string) => new TextDecoder().decode(files.find((f) => f.name === n)?.bytes);
    const hhIds = new Set(
      txt('households.csv')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    );
    const pp = txt('persons.csv').trim().split('\n');
    const link = pp[0].split(',').indexOf('household_id');
    for (const l of pp.slice(1)) expect(hhIds.has(l.split(',')[link])).toBe(true);
    const cb = JSON.parse(txt('codebook.json'));
    expect(cb.variables.find((v: { variable: string }) => v.variable === 'c03_sex')).toMatchObject({
      label_pt: 'Sexo',
      label_en: 'Sex',
    });
  });
  it('no identifier value in any file of any format', async () => {
    const secret = [
      ...Array.from(households.a06b_gps as ArrayLike<string>),
      ...Array.from(households.z04_phone as ArrayLike<string | number>, String),
      'pedreiro',
      'comerciante',
      'cozinheira',
      'Fatou',
      'Amadou',
    ];
    for (const f of ['csv', 'dta', 'xlsx', 'parquet'] as const)
      for (const file of await exportMicrodata(m, f, opts)) {
        const s = Buffer.from(file.bytes).toString('latin1');
        // The codebook lists the columns left out (by name only); no data file names them.
        if (!file.name.startsWith('codebook'))
          for (const id of IDS) expect(s.includes(id), `${file.name} names ${id}`).toBe(false);
        if (f === 'csv' || f === 'dta')
          for (const x of secret) expect(s.includes(x), `${file.name}: ${x}`).toBe(false);
      }
  });
});
