/**
 * The weighted data on disk: the weighting pipeline's result written by writeWeightedData and read
 * back by loadWeightedData with every column, number and missing value intact; text with commas,
 * quotes and line breaks survives; a folder without weights.json names the command to run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { weightedDataFromRun } from '../../../analysis/tables/from-weighting.ts';
import { runWeighting } from '../../../analysis/weighting/index.ts';
import {
  defaultDataDir,
  loadWeightedData,
  writeWeightedData,
} from '../../../server/storage/weighted-data.ts';
import { households, persons, recipe } from '../../analysis/weighting/small-example.ts';

const dir = mkdtempSync(join(tmpdir(), 'morabeza-weighted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const result = runWeighting(households, persons, recipe, null);
const answers = {
  households: {
    household_id: households.map((h) => h.id),
    h04_sleeping_rooms: Float64Array.from(households, (_, i) => (i % 4 === 0 ? Number.NaN : 1 + (i % 3))),
  },
  persons: {
    person_id: persons.map((p) => p.id),
    c03_sex: Float64Array.from(persons, (p) => (p.sex === 'male' ? 1 : 2)),
    c01_name: persons.map((_, i) => (i % 5 === 0 ? null : i % 2 ? 'Silva, "Zé"' : 'Maria\nda Luz')),
  },
};
const data = weightedDataFromRun(result, answers, { survey: 'demo', questionnaire: 'demo/household.v1' });
writeWeightedData(dir, data);
const back = loadWeightedData(dir);

const values = (col: ArrayLike<unknown>) =>
  Array.from(col, (v) => (typeof v === 'number' && Number.isNaN(v) ? null : v));

describe('weighted data on disk', () => {
  it('writes weights.json, households.csv and persons.csv', () => {
    const meta = JSON.parse(readFileSync(join(dir, 'weights.json'), 'utf8'));
    expect(meta).toEqual(data.meta);
    expect(readFileSync(join(dir, data.meta.households.file), 'utf8').split('\n')[0]).toContain('w_hh');
  });
  it('reads back every column with its numbers, text and missing values', () => {
    expect(back.meta).toEqual(data.meta);
    for (const frame of ['households', 'persons'] as const) {
      expect(Object.keys(back[frame])).toEqual(Object.keys(data[frame]));
      for (const [name, col] of Object.entries(data[frame]))
        expect(values(back[frame][name]), `${frame}.${name}`).toEqual(values(col));
    }
    expect(back.households.w_hh).toBeInstanceOf(Float64Array);
    expect(values(back.persons.c01_name)).toContain('Silva, "Zé"');
    expect(values(back.persons.c01_name)).toContain('Maria\nda Luz');
  });
  it('a folder without weights.json names the command that writes it', () => {
    expect(() => loadWeightedData(join(dir, 'nothing'))).toThrow(/npm run weights -- <survey>/);
    expect(defaultDataDir('ipei')).toBe(join('data', 'weights', 'ipei'));
  });
});
